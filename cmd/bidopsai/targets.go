package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/bidopsai/bidopsai-infra/internal/plan"
	"github.com/bidopsai/bidopsai-infra/internal/release"
)

const targetsUsage = `usage: bidopsai targets --stack STACK --agent ID [--dir DIR] [--plan FILE | --check]

Prints, one per line, the URNs of agent ID's image and runtime (ID is a key of the stack's
bidopsai:agents) found in the offline plan (DIR/build/plan/<STACK>.json, written by make plan),
for pulumi up --target. --check only checks that the stack configures agent ID.
`

func runTargets(args []string) int {
	fl := flag.NewFlagSet("targets", flag.ContinueOnError)
	fl.Usage = func() { fmt.Fprint(os.Stderr, targetsUsage); fl.PrintDefaults() }
	stack := onceString(fl, "stack", "", "stack whose plan is read (required)")
	agentName := onceString(fl, "agent", "", "an agent id of the stack's bidopsai:agents (required)")
	dir := onceString(fl, "dir", ".", "project directory holding build/plan")
	planFile := onceString(fl, "plan", "", "plan file to read instead of DIR/build/plan/<STACK>.json")
	check := fl.Bool("check", false, "check that the stack configures the agent; read no plan")
	if err := fl.Parse(args); err != nil {
		return 2
	}
	if fl.NArg() > 0 || *stack == "" {
		fmt.Fprint(os.Stderr, "targets: --stack is required and takes no arguments\n"+targetsUsage)
		return 2
	}
	configured, err := release.StackAgents(*dir, *stack)
	if err != nil {
		fmt.Fprintf(os.Stderr, "targets: %v\n", err)
		return 2
	}
	agent, err := configured.Find(*agentName)
	if err != nil {
		fmt.Fprintf(os.Stderr, "targets: %v\n", err)
		return 2
	}
	if *check {
		return 0
	}
	path := *planFile
	if path == "" {
		path = plan.Path(*dir, *stack)
	}
	urns, err := release.ReadAgentTargets(path, agent, configured.Agents)
	if err != nil {
		fmt.Fprintf(os.Stderr, "targets: %v\n", err)
		return 1
	}
	for _, u := range urns {
		fmt.Println(u)
	}
	return 0
}
