package main

import (
	"flag"
	"fmt"
	"maps"
	"os"
	"slices"
	"strings"

	"github.com/bidopsai/bidopsai-infra/internal/docs"
	"github.com/bidopsai/bidopsai-infra/internal/stackfile"
)

func runDocs(args []string) int {
	fl := flag.NewFlagSet("docs", flag.ContinueOnError)
	dir := onceString(fl, "dir", ".", "project directory (holds docs/)")
	if err := fl.Parse(args); err != nil {
		return 2
	}
	files, err := docs.Render(*dir)
	if err != nil {
		fmt.Fprintf(os.Stderr, "docs: %v\n", err)
		return 1
	}
	names := slices.Sorted(maps.Keys(files))
	for _, name := range names {
		// docs/ are public, committed documents; each replaced whole, never left half written.
		if _, err := stackfile.WriteOutput(*dir, name, []byte(files[name]), 0o644); err != nil {
			fmt.Fprintf(os.Stderr, "docs: %v\n", err)
			return 1
		}
	}
	fmt.Printf("regenerated %s\n", strings.Join(names, ", "))
	return 0
}
