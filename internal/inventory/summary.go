package inventory

import (
	"fmt"
	"sort"
	"strings"
)

// Summary is the short human view of a plan written to path: one line per tier with its
// resource count (and, when detailed, the count of each type under it), then the outputs as a
// count with the file that holds them.
func (inv *Inventory) Summary(path string, detailed bool) string {
	byURN := map[string]Resource{}
	for _, r := range inv.Resources {
		byURN[r.URN] = r
	}
	// Each resource counts under its top-level component (the tier).
	counts := map[string]map[string]int{}
	for _, r := range inv.Resources {
		top := r
		for top.Parent != "" {
			p, ok := byURN[top.Parent]
			if !ok {
				break
			}
			top = p
		}
		tier := tierName(top)
		if counts[tier] == nil {
			counts[tier] = map[string]int{}
		}
		counts[tier][r.Type]++
	}
	var b strings.Builder
	fmt.Fprintf(&b, "plan for %s/%s: %d resources\n", inv.Project, inv.Stack, len(inv.Resources))
	for _, tier := range sortedKeys(counts) {
		total := 0
		for _, n := range counts[tier] {
			total += n
		}
		fmt.Fprintf(&b, "  %-16s %3d\n", tier, total)
		if detailed {
			for _, typ := range sortedKeys(counts[tier]) {
				fmt.Fprintf(&b, "    %3d  %s\n", counts[tier][typ], typ)
			}
		}
	}
	fmt.Fprintf(&b, "outputs: %d, in %s (\"outputs\")\n", len(inv.Outputs), path)
	return b.String()
}

// tierName is the middle of a component's type token (bidopsai:storage:Buckets -> storage);
// explicit providers (pulumi:providers:<package>) count as "providers".
func tierName(top Resource) string {
	parts := strings.Split(top.Type, ":")
	if len(parts) == 3 && parts[0] == "pulumi" && parts[1] == "providers" {
		return "providers"
	}
	if len(parts) == 3 && !top.Custom {
		return parts[1]
	}
	return top.Type + " " + top.Name
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
