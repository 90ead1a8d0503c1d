package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/bidopsai/bidopsai-infra/internal/docs"
	"github.com/bidopsai/bidopsai-infra/internal/stackfile"
)

func runDocs(args []string) int {
	fl := flag.NewFlagSet("docs", flag.ContinueOnError)
	dir := onceString(fl, "dir", ".", "project directory (holds README.md)")
	if err := fl.Parse(args); err != nil {
		return 2
	}
	text, err := docs.Render(*dir)
	if err != nil {
		fmt.Fprintf(os.Stderr, "docs: %v\n", err)
		return 1
	}
	// README.md is a public, committed document; replaced whole, never left half written.
	if _, err := stackfile.WriteOutput(*dir, "README.md", []byte(text), 0o644); err != nil {
		fmt.Fprintf(os.Stderr, "docs: %v\n", err)
		return 1
	}
	fmt.Println("README.md regenerated")
	return 0
}
