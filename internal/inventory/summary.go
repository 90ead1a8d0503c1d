package inventory

import (
	"fmt"
	"sort"
	"strings"
)

// Summary is the short human view: resources per component and type, then the outputs.
func (inv *Inventory) Summary() string {
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
		tier := top.Type + " " + top.Name
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
		fmt.Fprintf(&b, "  %s (%d)\n", tier, total)
		for _, typ := range sortedKeys(counts[tier]) {
			fmt.Fprintf(&b, "    %3d  %s\n", counts[tier][typ], typ)
		}
	}
	fmt.Fprintf(&b, "outputs: %d (%s)\n", len(inv.Outputs), strings.Join(sortedKeys(inv.Outputs), ", "))
	return b.String()
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
