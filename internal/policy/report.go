package policy

import (
	"fmt"
	"slices"
	"strings"

	"github.com/bidopsai/bidopsai-infra/internal/inventory"
)

// Report is the human summary of violations: one count line with the advisory score, then each
// violation of the listed levels (all when none are listed) grouped by level, with the
// resource's name and type.
func Report(violations []inventory.Violation, advisory Score, levels ...string) string {
	counts := map[string]int{}
	for _, v := range violations {
		counts[v.Level]++
	}
	var b strings.Builder
	fmt.Fprintf(&b, "policy: %d mandatory, %d unknown, %d advisory; advisory score %d/%d rules pass\n",
		counts[LevelMandatory], counts[LevelUnknown], counts[LevelAdvisory], advisory.Passed, advisory.Total)
	last := ""
	for _, v := range violations {
		if len(levels) > 0 && !slices.Contains(levels, v.Level) {
			continue
		}
		if v.Level != last {
			fmt.Fprintf(&b, "%s:\n", v.Level)
			last = v.Level
		}
		name, typ := urnParts(v.URN)
		fmt.Fprintf(&b, "  %-10s %s (%s)\n             %s\n", v.Rule, name, typ, v.Message)
	}
	return b.String()
}

// urnParts returns a URN's resource name and type (urn:pulumi:stack::project::parent$type::name).
func urnParts(urn string) (name, typ string) {
	parts := strings.Split(urn, "::")
	if len(parts) < 4 {
		return urn, ""
	}
	typ = parts[len(parts)-2]
	if i := strings.LastIndex(typ, "$"); i >= 0 {
		typ = typ[i+1:]
	}
	return parts[len(parts)-1], typ
}
