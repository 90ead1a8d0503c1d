package main

import (
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"

	"github.com/bidopsai/bidopsai-infra/internal/cost"
	"github.com/bidopsai/bidopsai-infra/internal/plan"
	"github.com/bidopsai/bidopsai-infra/internal/policy"
)

func runPlan(args []string) int {
	fl := flag.NewFlagSet("plan", flag.ContinueOnError)
	stackName := fl.String("stack", "dev", "stack whose Pulumi.<stack>.yaml is planned")
	dir := fl.String("dir", ".", "project directory (holds Pulumi.yaml)")
	preview := fl.Bool("preview", false, "evaluate as a preview (dry run)")
	verbose := fl.Bool("verbose", false, "list each tier's resource types, more cost lines and the advisory findings")
	if err := fl.Parse(args); err != nil {
		return 2
	}
	path := plan.Path(*dir, *stackName)
	// A failed plan must not leave an older plan behind that looks current.
	if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
		fmt.Fprintf(os.Stderr, "plan: %v\n", err)
		return 1
	}
	res, err := plan.Stack(*dir, *stackName, *preview)
	if err != nil {
		fmt.Fprintf(os.Stderr, "plan %s failed:\n%v\n", *stackName, err)
		return 1
	}
	prices, err := cost.Load()
	if err != nil {
		fmt.Fprintf(os.Stderr, "plan: %v\n", err)
		return 1
	}
	inv := res.Inventory
	inv.Cost = cost.Estimate(inv, cost.FromConfig(res.Config), prices)
	checks := policy.Check(inv, res.Config.Environment)
	inv.Violations = checks.Violations
	// The plan is written even when a mandatory rule fails, so the finding can be reviewed.
	if err := plan.Write(path, inv); err != nil {
		fmt.Fprintf(os.Stderr, "plan: %v\n", err)
		return 1
	}
	fmt.Print(summary(inv, checks, path, *verbose))
	if policy.Failed(checks.Violations) {
		fmt.Fprintf(os.Stderr, "plan %s: mandatory security rules fail (see above)\n", *stackName)
		return 1
	}
	return 0
}
