// Package diagram draws a stack's offline plan as a Mermaid flowchart: tiers as subgraphs, the
// main resources as nodes, and the flows that matter (images into runtimes, roles onto the
// data they may touch, documents through Data Automation, runtimes into logs, metrics, alarms).
package diagram

import (
	"sort"
	"strings"

	"github.com/bidopsai/bidopsai-infra/internal/inventory"
)

// Mermaid renders the plan as a deterministic Mermaid flowchart (same plan, same text).
func Mermaid(inv *inventory.Inventory) string {
	g := build(inv)
	var b strings.Builder
	b.WriteString("flowchart LR\n")
	tiers := make([]string, 0, len(g.tiers))
	for t := range g.tiers {
		tiers = append(tiers, t)
	}
	sort.Strings(tiers)
	ids := sortedNodeIDs(g.nodes)
	for _, t := range tiers {
		b.WriteString("  subgraph t_" + t + `["` + t + `"]` + "\n")
		for _, id := range ids {
			if n := g.nodes[id]; n.tier == t {
				s := shapes[kindShape(n.kind)]
				b.WriteString("    " + id + s[0] + `"` + escape(n.label()) + `"` + s[1] + "\n")
			}
		}
		b.WriteString("  end\n")
	}
	edges := append([]edge(nil), g.edges...)
	sort.Slice(edges, func(i, j int) bool {
		if edges[i].from != edges[j].from {
			return edges[i].from < edges[j].from
		}
		return edges[i].to < edges[j].to
	})
	for _, e := range edges {
		arrow := " --> "
		if e.dotted {
			arrow = " -.-> "
		}
		if e.label != "" {
			arrow = strings.TrimSuffix(arrow, " ") + "|" + escape(e.label) + "| "
		}
		b.WriteString("  " + e.from + arrow + e.to + "\n")
	}
	return b.String()
}

func kindShape(kind string) string {
	for _, k := range kinds {
		if k.id == kind {
			return k.shape
		}
	}
	return "rect"
}

func kindTitle(kind string) string {
	for _, k := range kinds {
		if k.id == kind {
			return k.title
		}
	}
	return kind
}

// escape keeps a label inside its quotes.
func escape(s string) string { return strings.ReplaceAll(s, `"`, "#quot;") }

func sortedNodeIDs(nodes map[string]*node) []string {
	out := make([]string, 0, len(nodes))
	for id := range nodes {
		out = append(out, id)
	}
	sort.Strings(out)
	return out
}
