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
	if err := os.MkdirAll(filepath.Dir(path), 0o750); err != nil {
		return fmt.Errorf("create plan directory: %w", err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".plan-*")
	if err != nil {
		return fmt.Errorf("write plan: %w", err)
	}
	// After a successful rename the temporary name is gone; removing it then is a no-op.
	defer func() { _ = os.Remove(tmp.Name()) }()
	_, werr := tmp.Write(b)
	if werr == nil {
		werr = tmp.Chmod(0o644) // a plan is meant to be read by reviewers and tools
	}
	if cerr := tmp.Close(); werr == nil {
		werr = cerr
	}
	if werr != nil {
		return fmt.Errorf("write plan: %w", werr)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write plan: %w", err)
	}
	return nil
}
