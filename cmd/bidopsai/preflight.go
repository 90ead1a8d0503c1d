package main

import (
	"flag"
	"fmt"
	"os"
	"runtime/debug"
	"strings"

	"github.com/bidopsai/bidopsai-infra/internal/preflight"
)

// runPreflight checks what `make preview` / `make up` need before the Pulumi CLI starts.
func runPreflight(args []string) int {
	fs := flag.NewFlagSet("preflight", flag.ContinueOnError)
	stackName := fs.String("stack", "", "the stack to deploy")
	dir := fs.String("dir", ".", "the repository root")
	purpose := fs.String("for", string(preflight.Preview), "preview or up (up also needs Docker)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *stackName == "" || fs.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "preflight: usage: bidopsai preflight --stack <stack> [--for preview|up]")
		return 2
	}
	p := preflight.Purpose(*purpose)
	if p != preflight.Preview && p != preflight.Up {
		fmt.Fprintf(os.Stderr, "preflight: --for %q: allowed: preview, up\n", *purpose)
		return 2
	}
	fmt.Printf("preflight for pulumi %s --stack %s:\n", p, *stackName)
	checks := preflight.Run(preflight.Local{}, preflight.Options{Stack: *stackName, RepoDir: *dir, Purpose: p,
		MinPulumi: sdkVersion()})
	if !preflight.Report(os.Stdout, checks) {
		fmt.Fprintln(os.Stderr, "preflight: fix the MISSING items above, then run the command again")
		return 1
	}
	return 0
}

// sdkVersion is the Pulumi SDK this binary was built with: the oldest CLI that serves it.
func sdkVersion() string {
	if info, ok := debug.ReadBuildInfo(); ok {
		for _, d := range info.Deps {
			if d.Path == "github.com/pulumi/pulumi/sdk/v3" {
				return strings.TrimPrefix(d.Version, "v")
			}
		}
	}
	return "3.0.0"
}
