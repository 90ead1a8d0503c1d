package plan

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/bidopsai/bidopsai-infra/internal/inventory"
)

// Path is where the plan of a stack is written, relative to the project directory.
func Path(dir, stack string) string {
	return filepath.Join(dir, "build", "plan", stack+".json")
}

// Write stores the inventory atomically, so a reader never sees half a plan.
func Write(path string, inv *inventory.Inventory) error {
	b, err := inv.JSON()
	if err != nil {
		return fmt.Errorf("render plan: %w", err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("create plan directory: %w", err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".plan-*")
	if err != nil {
		return fmt.Errorf("write plan: %w", err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(b); err != nil {
		tmp.Close()
		return fmt.Errorf("write plan: %w", err)
	}
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return fmt.Errorf("write plan: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write plan: %w", err)
	}
	return os.Rename(tmp.Name(), path)
}
