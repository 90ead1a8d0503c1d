package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/bidopsai/bidopsai-infra/internal/plandiff"
)

// runDiff compares two plan files. Changes are the report, not a failure: the exit code is 0
// whether or not anything changes, 1 when a file is not a plan, 2 on bad usage.
func runDiff(args []string) int {
	fl := flag.NewFlagSet("diff", flag.ContinueOnError)
	format := fl.String("format", "text", "text | markdown (for a pull request comment)")
	fl.Usage = func() {
		_, _ = fmt.Fprintln(fl.Output(), "usage: bidopsai diff [--format text|markdown] OLD.json NEW.json")
		fl.PrintDefaults()
	}
	if err := fl.Parse(args); err != nil {
		return 2
	}
	if fl.NArg() != 2 {
		fl.Usage()
		return 2
	}
	if *format != "text" && *format != "markdown" {
		fmt.Fprintf(os.Stderr, "diff: --format %q is not one of text, markdown\n", *format)
		return 2
	}
	old, err := plandiff.Load(fl.Arg(0))
	if err != nil {
		fmt.Fprintf(os.Stderr, "diff: %v\n", err)
		return 1
	}
	nu, err := plandiff.Load(fl.Arg(1))
	if err != nil {
		fmt.Fprintf(os.Stderr, "diff: %v\n", err)
		return 1
	}
	d, err := plandiff.Compare(old, nu)
	if err != nil {
		fmt.Fprintf(os.Stderr, "diff: %v\n", err)
		return 1
	}
	if *format == "markdown" {
		fmt.Print(d.Markdown())
	} else {
		fmt.Print(d.Text())
	}
	return 0
}
