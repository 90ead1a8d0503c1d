package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/bidopsai/bidopsai-infra/internal/release"
)

const checkDestroyUsage = `usage: bidopsai check-destroy --stack STACK [--confirm STACK] [--dir DIR]

Exits 0 when STACK may be destroyed: its Pulumi.<STACK>.yaml does not set bidopsai:protect: true,
or --confirm repeats the stack name. Otherwise exits 1 and says how to confirm.
`

func runCheckDestroy(args []string) int {
	fl := flag.NewFlagSet("check-destroy", flag.ContinueOnError)
	fl.Usage = func() { fmt.Fprint(os.Stderr, checkDestroyUsage); fl.PrintDefaults() }
	stack := onceString(fl, "stack", "", "stack about to be destroyed (required)")
	confirm := onceString(fl, "confirm", "", "the stack name again, required when the stack is protected")
	dir := onceString(fl, "dir", ".", "directory holding the stack file")
	if err := fl.Parse(args); err != nil {
		return 2
	}
	if fl.NArg() > 0 || *stack == "" {
		fmt.Fprint(os.Stderr, "check-destroy: --stack is required and takes no arguments\n"+checkDestroyUsage)
		return 2
	}
	if err := release.CheckDestroy(*dir, *stack, *confirm); err != nil {
		fmt.Fprintf(os.Stderr, "check-destroy: %v\n", err)
		return 1
	}
	return 0
}
