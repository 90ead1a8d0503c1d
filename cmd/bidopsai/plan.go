package main

import (
	"flag"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"github.com/bidopsai/bidopsai-infra/internal/cost"
	"github.com/bidopsai/bidopsai-infra/internal/plan"
	"github.com/bidopsai/bidopsai-infra/internal/policy"
	"github.com/bidopsai/bidopsai-infra/internal/stackfile"
)

// exitInterrupted is the shell's code for a command stopped by SIGINT.
const exitInterrupted = 130

func runPlan(args []string) int {
	// An interrupt stops the plan before its file is touched, or after the file is replaced
	// whole: the previous plan or the new one, never part of one.
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
	defer signal.Stop(sig)
	return planStack(args, sig)
}

// planStack is the plan command; sig delivers interrupts.
func planStack(args []string, sig <-chan os.Signal) int {
	fl := flag.NewFlagSet("plan", flag.ContinueOnError)
	stackName := onceString(fl, "stack", "dev", "stack whose Pulumi.<stack>.yaml is planned")
	dir := onceString(fl, "dir", ".", "project directory (holds Pulumi.yaml)")
	preview := fl.Bool("preview", false, "evaluate as a preview (dry run)")
	verbose := fl.Bool("verbose", false, "list each tier's resource types, more cost lines and the advisory findings")
	if err := fl.Parse(args); err != nil {
		return 2
	}
	if fl.NArg() > 0 {
		fmt.Fprintf(os.Stderr, "plan: unexpected argument %q; give the stack with --stack\n", fl.Arg(0))
		return 2
	}
	// The name becomes a file name: nothing is read or written before it is checked.
	if _, err := stackfile.Path(*dir, *stackName); err != nil {
		fmt.Fprintf(os.Stderr, "plan: %v\n", err)
		return 2
	}
	type outcome struct {
		res *plan.Result
		err error
	}
	done := make(chan outcome, 1)
	go func() {
		res, err := plan.Stack(*dir, *stackName, *preview)
		done <- outcome{res, err}
	}()
	var out outcome
	select {
	case <-sig: // an interrupt that came first wins over a plan that finished since
		fmt.Fprintf(os.Stderr, "plan %s: interrupted; %s left as it was\n", *stackName, plan.Path(*dir, *stackName))
		return exitInterrupted
	default:
	}
	select {
	case <-sig:
		fmt.Fprintf(os.Stderr, "plan %s: interrupted; %s left as it was\n", *stackName, plan.Path(*dir, *stackName))
		return exitInterrupted
	case out = <-done:
	}
	if out.err != nil {
		// A failed plan must not leave an older plan behind that looks current.
		if err := plan.Remove(*dir, *stackName); err != nil {
			fmt.Fprintf(os.Stderr, "plan: %v\n", err)
		}
		fmt.Fprintf(os.Stderr, "plan %s failed:\n%v\n", *stackName, out.err)
		return 1
	}
	code := report(*dir, *stackName, out.res, *verbose)
	select {
	case <-sig:
		return exitInterrupted
	default:
		return code
	}
}

// report prices and checks the plan, writes it and prints the summaries.
func report(dir, stack string, res *plan.Result, verbose bool) int {
	prices, err := cost.Load()
	if err != nil {
		fmt.Fprintf(os.Stderr, "plan: %v\n", err)
		return 1
	}
	inv := res.Inventory
	inv.Cost = cost.Estimate(inv, res.Config.Cost(), prices)
	checks := policy.Check(inv, res.Config.Environment)
	inv.Violations = checks.Violations
	// The plan is written even when a mandatory rule fails, so the finding can be reviewed.
	path, err := plan.Write(dir, stack, inv)
	if err != nil {
		fmt.Fprintf(os.Stderr, "plan: %v\n", err)
		return 1
	}
	fmt.Print(summary(inv, checks, path, verbose))
	if policy.Failed(checks.Violations) {
		fmt.Fprintf(os.Stderr, "plan %s: mandatory security rules fail (see above)\n", stack)
		return 1
	}
	return 0
}
