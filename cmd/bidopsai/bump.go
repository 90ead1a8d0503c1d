package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"

	"github.com/bidopsai/bidopsai-infra/internal/release"
)

const bumpUsage = `usage: bidopsai bump --stack STACK --agent ID|all --part major|minor|patch
                    [--dry-run] [--tag [--force] [--push]] [--dir DIR]

Bumps the version of agent ID (a key of bidopsai:agents, e.g. workflow or ai-assistant), or of
every agent with all, in DIR/Pulumi.<STACK>.yaml, changing nothing else in the file.
--tag commits that file alone and tags the commit <ID>-v<X> per agent (annotated), so each tag
holds the version it names; an existing tag is refused unless --force. --push pushes the tags
to origin. --dry-run prints the change and writes nothing.
`

func runBump(args []string) int {
	fl := flag.NewFlagSet("bump", flag.ContinueOnError)
	fl.Usage = func() { fmt.Fprint(os.Stderr, bumpUsage); fl.PrintDefaults() }
	var o release.BumpOptions
	onceStringVar(fl, &o.Stack, "stack", "", "stack whose Pulumi.<stack>.yaml is bumped (required)")
	onceStringVar(fl, &o.Agent, "agent", "", "an agent id of the stack's bidopsai:agents, or all (required)")
	onceStringVar(fl, &o.Part, "part", "", "major, minor or patch (required)")
	onceStringVar(fl, &o.Dir, "dir", ".", "directory holding the stack file (a git working tree for --tag)")
	fl.BoolVar(&o.DryRun, "dry-run", false, "print the change; write, commit and tag nothing")
	fl.BoolVar(&o.Tag, "tag", false, "commit the stack file and create annotated tags <agent>-v<version>")
	fl.BoolVar(&o.Force, "force", false, "with --tag: move tags that already exist")
	fl.BoolVar(&o.Push, "push", false, "with --tag: push the tags to origin")
	if err := fl.Parse(args); err != nil {
		return 2
	}
	if fl.NArg() > 0 {
		fmt.Fprintf(os.Stderr, "bump: unexpected argument %q\n%s", fl.Arg(0), bumpUsage)
		return 2
	}
	if o.Stack == "" {
		fmt.Fprintf(os.Stderr, "bump: --stack is required\n%s", bumpUsage)
		return 2
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	res, err := release.Bump(ctx, o)
	if err != nil {
		fmt.Fprintf(os.Stderr, "bump: %v\n", err)
		return 1
	}
	if err := res.WriteSummary(os.Stdout); err != nil {
		fmt.Fprintf(os.Stderr, "bump: %v\n", err)
		return 1
	}
	return 0
}
