package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/bidopsai/bidopsai-infra/internal/diagram"
	"github.com/bidopsai/bidopsai-infra/internal/inventory"
	"github.com/bidopsai/bidopsai-infra/internal/plan"
	"github.com/bidopsai/bidopsai-infra/internal/stackfile"
)

const diagramUsage = `usage: bidopsai diagram --stack STACK [--dir DIR]

Draws the offline plan DIR/build/plan/<STACK>.json (written by make plan) as a Mermaid
flowchart into DIR/build/diagram/<STACK>.mmd.
`

func runDiagram(args []string) int {
	fl := flag.NewFlagSet("diagram", flag.ContinueOnError)
	fl.Usage = func() { fmt.Fprint(os.Stderr, diagramUsage); fl.PrintDefaults() }
	stack := onceString(fl, "stack", "", "stack whose plan is drawn (required)")
	dir := onceString(fl, "dir", ".", "project directory holding build/plan")
	if err := fl.Parse(args); err != nil {
		return 2
	}
	if fl.NArg() > 0 || *stack == "" {
		fmt.Fprint(os.Stderr, "diagram: --stack is required and takes no arguments\n"+diagramUsage)
		return 2
	}
	if _, err := stackfile.Path(*dir, *stack); err != nil { // the name becomes a file name
		fmt.Fprintf(os.Stderr, "diagram: %v\n", err)
		return 2
	}
	out, err := drawPlan(*dir, *stack)
	if err != nil {
		fmt.Fprintf(os.Stderr, "diagram: %v\n", err)
		return 1
	}
	fmt.Printf("wrote %s\n", out)
	return 0
}

func drawPlan(dir, stack string) (string, error) {
	planPath := plan.Path(dir, stack)
	b, err := os.ReadFile(filepath.Clean(planPath))
	if err != nil {
		return "", fmt.Errorf("read the plan (run make plan first): %w", err)
	}
	var inv inventory.Inventory
	if err := json.Unmarshal(b, &inv); err != nil {
		return "", fmt.Errorf("parse %s: %w", planPath, err)
	}
	// A diagram is meant to be read by reviewers, like the plan it draws.
	return stackfile.WriteOutput(dir, filepath.Join("build", "diagram", stack+".mmd"), []byte(diagram.Mermaid(&inv)), 0o644)
}
