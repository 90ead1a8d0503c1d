package main

import (
	"strings"

	"github.com/bidopsai/bidopsai-infra/internal/cost"
	"github.com/bidopsai/bidopsai-infra/internal/inventory"
	"github.com/bidopsai/bidopsai-infra/internal/policy"
)

// summary is what `bidopsai plan` prints: one screen by default (resources per tier, the
// outputs' count and file, the cost with its three largest lines, the policy counts and only
// the mandatory findings); verbose adds the types per tier, eight cost lines and every finding.
// Everything is in the plan file either way.
func summary(inv *inventory.Inventory, checks policy.Assessment, path string, verbose bool) string {
	var b strings.Builder
	b.WriteString(inv.Summary(path, verbose))
	lines, levels := 3, []string{policy.LevelMandatory}
	if verbose {
		lines, levels = 8, nil
	}
	b.WriteString(cost.Report(inv.Cost, lines))
	b.WriteString(policy.Report(checks.Violations, checks.Advisory, levels...))
	if !verbose && len(checks.Violations) > 0 {
		b.WriteString("  (--verbose lists the advisory and unknown findings; all are in the plan's \"violations\")\n")
	}
	b.WriteString("wrote " + path + "\n")
	return b.String()
}
