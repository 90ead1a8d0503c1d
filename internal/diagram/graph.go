package diagram

import (
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/bidopsai/bidopsai-infra/internal/inventory"
)

// node is one box: a resource, or every resource of a grouped kind in a tier.
type node struct {
	id, tier, kind, title, detail string
	count                         int
	unit, units                   string
}

// edge is one arrow; to may be a tier's subgraph (keys encrypt whole tiers).
type edge struct {
	from, to, label string
	dotted          bool
}

// graph is the diagram's content before rendering.
type graph struct {
	tiers map[string]bool
	nodes map[string]*node
	edges []edge
	seen  map[[2]string]bool
}

// builder walks one inventory.
type builder struct {
	g      *graph
	byURN  map[string]inventory.Resource
	res    []inventory.Resource
	nodeOf map[string]string // URN -> node id, for resources that are nodes
	prefix string            // common name prefix of the tiers, left out of labels
}

func build(inv *inventory.Inventory) *graph {
	b := &builder{g: &graph{tiers: map[string]bool{}, nodes: map[string]*node{}, seen: map[[2]string]bool{}},
		byURN: map[string]inventory.Resource{}, nodeOf: map[string]string{}}
	if inv != nil {
		b.res = append(b.res, inv.Resources...)
	}
	sort.Slice(b.res, func(i, j int) bool { return b.res[i].URN < b.res[j].URN })
	for _, r := range b.res {
		b.byURN[r.URN] = r
	}
	b.prefix = b.commonPrefix()
	for _, r := range b.res {
		b.addNode(r)
	}
	b.dependencyFlows()
	b.permissionFlows()
	b.metricFlows()
	b.documentFlows()
	return b.g
}

// top is r's top-level ancestor (its tier's component).
func (b *builder) top(r inventory.Resource) inventory.Resource {
	for i := 0; r.Parent != "" && i < 64; i++ {
		p, ok := b.byURN[r.Parent]
		if !ok {
			break
		}
		r = p
	}
	return r
}

// tier is the module of r's top component type: bidopsai:storage:Buckets -> storage.
func (b *builder) tier(r inventory.Resource) string {
	parts := strings.Split(b.top(r).Type, ":")
	if len(parts) == 3 && parts[1] != "index" {
		return parts[1]
	}
	return "stack"
}

// commonPrefix is the longest dash-separated prefix shared by the top-level component names.
func (b *builder) commonPrefix() string {
	var names []string
	for _, r := range b.res {
		if r.Parent == "" && !r.Custom {
			names = append(names, r.Name)
		}
	}
	if len(names) == 0 {
		return ""
	}
	parts := strings.Split(names[0], "-")
	for _, n := range names[1:] {
		other := strings.Split(n, "-")
		i := 0
		for i < len(parts) && i < len(other) && parts[i] == other[i] {
			i++
		}
		parts = parts[:i]
	}
	return strings.Join(parts, "-")
}

func (b *builder) short(name string) string {
	if b.prefix == "" {
		return name
	}
	if name == b.prefix {
		return ""
	}
	return strings.TrimPrefix(name, b.prefix+"-")
}

var unsafeID = regexp.MustCompile(`[^A-Za-z0-9_]+`)

func (b *builder) addNode(r inventory.Resource) {
	k, ok := kinds[r.Type]
	if !ok {
		return
	}
	tier := b.tier(r)
	id := "n_" + tier + "_" + k.id
	detail := b.short(r.Name)
	if in, ok := nameInputs[k.id]; ok {
		if v, ok := r.Inputs[in].(string); ok && v != "" {
			detail = v
		}
	}
	if k.unit == "" && detail != "" {
		id += "_" + strings.Trim(unsafeID.ReplaceAllString(b.short(r.Name), "_"), "_")
	}
	for n := b.g.nodes[id]; n != nil && k.unit == "" && n.detail != detail; n = b.g.nodes[id] {
		id += "_" // same short name in one tier for a different resource: keep both
	}
	n := b.g.nodes[id]
	if n == nil {
		n = &node{id: id, tier: tier, kind: k.id, title: k.title, detail: detail, unit: k.unit, units: k.units}
		b.g.nodes[id] = n
		b.g.tiers[tier] = true
	}
	n.count++
	b.nodeOf[r.URN] = id
}

// owner is the node a resource's relations count for: its own, an ancestor's, the node in its
// tier whose name its name extends (bucket -> bucket-policy), or its only node dependency there.
func (b *builder) owner(r inventory.Resource) string {
	if id, ok := b.nodeOf[r.URN]; ok {
		return id
	}
	for p := r.Parent; p != ""; p = b.byURN[p].Parent {
		if id, ok := b.nodeOf[p]; ok {
			return id
		}
		if _, ok := b.byURN[p]; !ok {
			break
		}
	}
	tier, best, bestLen := b.tier(r), "", 0
	for urn, id := range b.nodeOf {
		m := b.byURN[urn]
		longer := len(m.Name) > bestLen || (len(m.Name) == bestLen && id < best)
		if b.tier(m) == tier && longer && strings.HasPrefix(r.Name, m.Name+"-") {
			best, bestLen = id, len(m.Name)
		}
	}
	if best != "" {
		return best
	}
	var deps []string
	for _, d := range r.Dependencies {
		if id, ok := b.nodeOf[d]; ok && b.tier(b.byURN[d]) == tier && !contains(deps, id) {
			deps = append(deps, id)
		}
	}
	if len(deps) == 1 {
		return deps[0]
	}
	return ""
}

// relate draws the flow for "dependent uses dependency".
func (b *builder) relate(dependent, dependency string) {
	if dependent == "" || dependency == "" || dependent == dependency {
		return
	}
	a, d := b.g.nodes[dependent], b.g.nodes[dependency]
	if a.kind == d.kind || skipDependents[a.kind] {
		return
	}
	if d.kind == "key" {
		if a.tier != d.tier {
			b.g.add(edge{from: dependency, to: "t_" + a.tier, label: "encrypts", dotted: true})
		}
		return
	}
	f := flows[a.kind+"<"+d.kind]
	if f.reverse {
		b.g.add(edge{from: dependent, to: dependency, label: f.label})
		return
	}
	b.g.add(edge{from: dependency, to: dependent, label: f.label})
}

// add keeps the first edge between two boxes, so each pair is drawn once.
func (g *graph) add(e edge) {
	k := [2]string{e.from, e.to}
	if g.seen[k] {
		return
	}
	g.seen[k] = true
	g.edges = append(g.edges, e)
}

func (n *node) label() string {
	switch {
	case n.unit != "":
		if n.count == 1 {
			return fmt.Sprintf("%s<br/>1 %s", n.title, n.unit)
		}
		return fmt.Sprintf("%s<br/>%d %s", n.title, n.count, n.units)
	case n.detail != "":
		return n.title + "<br/>" + n.detail
	}
	return n.title
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
