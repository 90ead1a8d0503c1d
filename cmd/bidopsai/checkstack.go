package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/bidopsai/bidopsai-infra/internal/stackfile"
)

// runCheckStack lets make targets that hand a stack to the Pulumi CLI (preview, up) refuse a
// name that is not a stack of this repository before anything runs.
func runCheckStack(args []string) int {
	fl := flag.NewFlagSet("check-stack", flag.ContinueOnError)
	stack := onceString(fl, "stack", "", "stack name to check (required)")
	dir := onceString(fl, "dir", ".", "project directory holding the stack files")
	if err := fl.Parse(args); err != nil {
		return 2
	}
	if fl.NArg() > 0 {
		fmt.Fprintf(os.Stderr, "check-stack: unexpected argument %q\n", fl.Arg(0))
		return 2
	}
	if _, err := stackfile.Path(*dir, *stack); err != nil {
		fmt.Fprintf(os.Stderr, "check-stack: %v\n", err)
		return 2
	}
	return 0
}
