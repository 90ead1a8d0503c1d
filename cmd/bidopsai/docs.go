package main

import (
	"flag"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/bidopsai/bidopsai-infra/internal/docs"
)

func runDocs(args []string) int {
	fl := flag.NewFlagSet("docs", flag.ContinueOnError)
	dir := fl.String("dir", ".", "project directory (holds docs/)")
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
		//nolint:gosec // G306: docs/ are public, committed documents
		if err := os.WriteFile(filepath.Join(*dir, name), []byte(files[name]), 0o644); err != nil {
			fmt.Fprintf(os.Stderr, "docs: %v\n", err)
			return 1
		}
	}
	fmt.Printf("regenerated %s\n", strings.Join(names, ", "))
	return 0
}
