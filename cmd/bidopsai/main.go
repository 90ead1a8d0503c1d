// Command bidopsai is the project's own CLI: the offline plan and the release helpers.
package main

import (
	"fmt"
	"os"
	"sort"
	"strings"
)

// command is one subcommand: it gets the arguments after its name and returns the exit code.
type command struct {
	summary string
	run     func(args []string) int
}

var commands = map[string]command{
	"plan": {"evaluate a stack offline with mocks and write build/plan/<stack>.json", runPlan},
	"docs": {"regenerate the reference under docs/ built from the code (config table, ...)", runDocs},
	"bump": {"bump an agent's version in Pulumi.<stack>.yaml; optionally commit, tag and push", runBump},

	"check-stack":   {"exit 0 when --stack names a stack file Pulumi.<stack>.yaml of this project", runCheckStack},
	"check-destroy": {"refuse to destroy a protected stack unless --confirm names it", runCheckDestroy},
	"targets":       {"print the URNs of one agent's image and runtime from build/plan/<stack>.json", runTargets},
	"diagram":       {"draw build/plan/<stack>.json as a Mermaid flowchart into build/diagram/<stack>.mmd", runDiagram},
	"preflight":     {"check what a real preview or up needs (CLI, language host, stack, Docker, AWS) and how to fix it", runPreflight},
	"diff":          {"compare two plan files: what would be created, replaced, updated, deleted", runDiff},
}

func main() {
	if len(os.Args) < 2 {
		usage()
		os.Exit(2)
	}
	c, ok := commands[os.Args[1]]
	if !ok {
		fmt.Fprintf(os.Stderr, "bidopsai: unknown command %q\n", os.Args[1])
		usage()
		os.Exit(2)
	}
	os.Exit(c.run(os.Args[2:]))
}

func usage() {
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	var b strings.Builder
	b.WriteString("usage: bidopsai <command> [flags]\n\ncommands:\n")
	for _, n := range names {
		fmt.Fprintf(&b, "  %-10s %s\n", n, commands[n].summary)
	}
	fmt.Fprint(os.Stderr, b.String())
}
