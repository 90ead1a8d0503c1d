package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/bidopsai/bidopsai-infra/internal/plan"
	"github.com/bidopsai/bidopsai-infra/internal/release"
	"github.com/bidopsai/bidopsai-infra/internal/stackfile"
)

const targetsUsage = `usage: bidopsai targets --stack STACK --agent workflow|ai-assistant [--dir DIR] [--plan FILE]

Prints, one per line, the URNs of the agent's image and runtime found in the offline plan
(DIR/build/plan/<STACK>.json, written by make plan), for pulumi up --target.
`

func runTargets(args []string) int {
	fl := flag.NewFlagSet("targets", flag.ContinueOnError)
	fl.Usage = func() { fmt.Fprint(os.Stderr, targetsUsage); fl.PrintDefaults() }
	stack := onceString(fl, "stack", "", "stack whose plan is read (required)")
	agentName := onceString(fl, "agent", "", "workflow or ai-assistant (required)")
	dir := onceString(fl, "dir", ".", "project directory holding build/plan")
	planFile := onceString(fl, "plan", "", "plan file to read instead of DIR/build/plan/<STACK>.json")
	if err := fl.Parse(args); err != nil {
		return 2
	}
	if fl.NArg() > 0 || *stack == "" {
		fmt.Fprint(os.Stderr, "targets: --stack is required and takes no arguments\n"+targetsUsage)
		return 2
	}
	if _, err := stackfile.Path(*dir, *stack); err != nil {
		fmt.Fprintf(os.Stderr, "targets: %v\n", err)
		return 2
	}
	agent, err := release.ParseAgent(*agentName)
	if err != nil {
		fmt.Fprintf(os.Stderr, "targets: %v\n", err)
		return 2
	}
	path := *planFile
	if path == "" {
		path = plan.Path(*dir, *stack)
	}
	urns, err := release.ReadAgentTargets(path, agent)
	if err != nil {
		fmt.Fprintf(os.Stderr, "targets: %v\n", err)
		return 1
	}
	for _, u := range urns {
		fmt.Println(u)
	}
	return 0
}
