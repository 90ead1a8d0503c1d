package plan

import (
	"fmt"
	"path/filepath"

	"github.com/bidopsai/bidopsai-infra/internal/inventory"
	"github.com/bidopsai/bidopsai-infra/internal/stackfile"
)

// Rel is where the plan of a stack is written, relative to the project directory.
func Rel(stack string) string { return filepath.Join("build", "plan", stack+".json") }

// Path is Rel inside the project directory dir.
func Path(dir, stack string) string { return filepath.Join(dir, Rel(stack)) }

// Write stores the inventory of stack under dir atomically, so a reader or an interrupted run
// never sees half a plan. The stack name must have been checked (stackfile.Path).
func Write(dir, stack string, inv *inventory.Inventory) (string, error) {
	b, err := inv.JSON()
	if err != nil {
		return "", fmt.Errorf("render plan: %w", err)
	}
	return stackfile.WriteOutput(dir, Rel(stack), b, 0o644) // a plan is meant to be read by reviewers and tools
}

// Remove deletes the stack's plan, so a failed plan does not leave an older one that looks current.
func Remove(dir, stack string) error { return stackfile.RemoveOutput(dir, Rel(stack)) }
