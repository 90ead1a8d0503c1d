package diagram

import (
	"sort"
	"strings"

	"github.com/bidopsai/bidopsai-infra/internal/inventory"
)

const (
	tPolicy     = "aws:iam/policy:Policy"
	tRolePolicy = "aws:iam/rolePolicy:RolePolicy"
	tRole       = "aws:iam/role:Role"
)

// dependencyFlows draws what each resource's dependencies say, counted for the owning nodes.
// IAM documents are left to permissionFlows: a policy built from many outputs depends on all of
// them, while its ARNs say what each role may really touch.
func (b *builder) dependencyFlows() {
	owners := map[string]string{}
	owner := func(r inventory.Resource) string {
		if id, ok := owners[r.URN]; ok {
			return id
		}
		owners[r.URN] = b.owner(r)
		return owners[r.URN]
	}
	for _, r := range b.res {
		if strings.HasPrefix(r.Type, "aws:iam/") && r.Type != tRole {
			continue
		}
		from := owner(r)
		for _, d := range r.Dependencies {
			if dep, ok := b.byURN[d]; ok {
				b.relate(from, owner(dep))
			}
		}
	}
}

// permissionFlows draws a dotted edge from each role to what its policies' ARNs name; a role
// that may touch every node of a kind in a tier gets one edge to the tier instead.
func (b *builder) permissionFlows() {
	targets := b.targets()
	granted := map[string][]string{} // role -> nodes, over all its policies
	var roles []string
	for _, p := range b.res {
		if p.Type != tPolicy && p.Type != tRolePolicy {
			continue
		}
		nodes := b.granted(p, targets)
		for _, role := range b.rolesOf(p) {
			if !contains(roles, role) {
				roles = append(roles, role)
			}
			for _, n := range nodes {
				if n != role && !contains(granted[role], n) {
					granted[role] = append(granted[role], n)
				}
			}
		}
	}
	sort.Strings(roles)
	for _, role := range roles {
		b.drawGrants(role, granted[role])
	}
}

// drawGrants draws one role's permissions, collapsing complete tier-kind sets.
func (b *builder) drawGrants(role string, nodes []string) {
	sort.Strings(nodes)
	byTierKind := map[[2]string][]string{}
	for _, n := range nodes {
		k := [2]string{b.g.nodes[n].tier, b.g.nodes[n].kind}
		byTierKind[k] = append(byTierKind[k], n)
	}
	for _, n := range nodes {
		nd := b.g.nodes[n]
		label := access[nd.kind]
		if label == "" {
			label = "access"
		}
		k := [2]string{nd.tier, nd.kind}
		if all := b.nodesOf(nd.tier, nd.kind); len(all) > 1 && len(byTierKind[k]) == len(all) {
			b.g.add(edge{from: role, to: "t_" + nd.tier, label: label + ": every " + kindTitle(nd.kind), dotted: true})
			continue
		}
		b.g.add(edge{from: role, to: n, label: label, dotted: true})
	}
}

func (b *builder) nodesOf(tier, kind string) []string {
	var out []string
	for id, n := range b.g.nodes {
		if n.tier == tier && n.kind == kind {
			out = append(out, id)
		}
	}
	return out
}

// rolesOf finds the roles a policy applies to: through attachments, inline, or a role that
// lists it.
func (b *builder) rolesOf(p inventory.Resource) []string {
	var roles []string
	addRoles := func(urns []string) {
		for _, u := range urns {
			if r, ok := b.byURN[u]; ok && r.Type == tRole && !contains(roles, b.nodeOf[u]) {
				roles = append(roles, b.nodeOf[u])
			}
		}
	}
	if p.Type == tRolePolicy {
		addRoles(p.Dependencies)
	}
	for _, r := range b.res {
		switch {
		case strings.HasPrefix(r.Type, "aws:iam/") && strings.Contains(r.Type, "Attachment") && contains(r.Dependencies, p.URN):
			addRoles(r.Dependencies)
		case r.Type == tRole && contains(r.Dependencies, p.URN):
			addRoles([]string{r.URN})
		}
	}
	return roles
}

// metricFlows links runtimes to the alarms and dashboards that read the metric namespace the
// runtimes' agents emit to (METRICS_NAMESPACE), which no dependency shows.
func (b *builder) metricFlows() {
	for _, rt := range b.res {
		env, _ := rt.Inputs["environmentVariables"].(map[string]any)
		ns, _ := env["METRICS_NAMESPACE"].(string)
		if rt.Type != "bidopsai:index:AgentRuntime" || ns == "" {
			continue
		}
		for _, r := range b.res {
			if id, ok := b.nodeOf[r.URN]; ok && readsNamespace(r, ns) {
				b.relate(id, b.nodeOf[rt.URN])
			}
		}
	}
}

func readsNamespace(r inventory.Resource, ns string) bool {
	switch r.Type {
	case "aws:cloudwatch/metricAlarm:MetricAlarm":
		if r.Inputs["namespace"] == ns {
			return true
		}
		for _, q := range list(r.Inputs["metricQueries"]) {
			m, _ := q.(map[string]any)
			if metric, _ := m["metric"].(map[string]any); metric["namespace"] == ns {
				return true
			}
		}
	case "aws:cloudwatch/dashboard:Dashboard":
		body, _ := r.Inputs["dashboardBody"].(string)
		return strings.Contains(body, `"`+ns+`"`)
	}
	return false
}

// documentFlows draws documents -> Data Automation -> processed. The project's input and output
// buckets are passed per invocation, so the plan shows them only by the buckets' names.
func (b *builder) documentFlows() {
	var projects, documents, processed []string
	for _, id := range sortedNodeIDs(b.g.nodes) {
		n := b.g.nodes[id]
		switch {
		case n.kind == "da":
			projects = append(projects, id)
		case n.kind == "bucket" && strings.HasSuffix(n.detail, "documents"):
			documents = append(documents, id)
		case n.kind == "bucket" && strings.HasSuffix(n.detail, "processed"):
			processed = append(processed, id)
		}
	}
	for _, p := range projects {
		for _, d := range documents {
			b.g.add(edge{from: d, to: p, label: "parsed by"})
		}
		for _, o := range processed {
			b.g.add(edge{from: p, to: o, label: "writes"})
		}
	}
}

func list(v any) []any {
	l, _ := v.([]any)
	return l
}
