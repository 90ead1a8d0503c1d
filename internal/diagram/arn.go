package diagram

import (
	"encoding/json"
	"regexp"
	"sort"
	"strings"

	"github.com/bidopsai/bidopsai-infra/internal/inventory"
)

// arnForm is how a kind's ARNs look: the service, the resource-part prefix, and which input
// holds the name (none: Pulumi auto-names it from the logical name plus "-" and a suffix).
type arnForm struct {
	service, prefix, nameInput string
	// opaque ids (keys, projects) cannot be told apart by name; the policy's dependencies decide.
	opaque bool
}

var arnForms = map[string]arnForm{
	"bucket":  {service: "s3", nameInput: "bucket"},
	"repo":    {service: "ecr", prefix: "repository/", nameInput: "name"},
	"secrets": {service: "secretsmanager", prefix: "secret:", nameInput: "name"},
	"params":  {service: "ssm", prefix: "parameter", nameInput: "name"},
	"logs":    {service: "logs", prefix: "log-group:", nameInput: "name"},
	"runtime": {service: "bedrock-agentcore", prefix: "runtime/", nameInput: "agentRuntimeName"},
	"topic":   {service: "sns", nameInput: "name"},
	"role":    {service: "iam", prefix: "role/", nameInput: "name"},
	"da":      {service: "bedrock", prefix: "data-automation-project/", opaque: true},
	"key":     {service: "kms", prefix: "key/", opaque: true},
}

// target is one resource an ARN may name, with a sample of its ARN resource part.
type target struct {
	urn, node, kind string
	form            arnForm
	exact           string // resource part when the name is known (secrets get a suffix)
	stem            string // auto-name stem when it is not
}

func (b *builder) targets() []target {
	var out []target
	for _, r := range b.res {
		id, ok := b.nodeOf[r.URN]
		if !ok {
			continue
		}
		k := b.g.nodes[id].kind
		f, ok := arnForms[k]
		if !ok {
			continue
		}
		t := target{urn: r.URN, node: id, kind: k, form: f}
		if name, _ := r.Inputs[f.nameInput].(string); name != "" && !f.opaque {
			if k == "params" && !strings.HasPrefix(name, "/") {
				name = "/" + name
			}
			t.exact = f.prefix + name
		} else if !f.opaque {
			t.stem = f.prefix + r.Name
		}
		out = append(out, t)
	}
	return out
}

// autoSuffix is what AWS or Pulumi appends to a name: secrets 6 characters, auto-names 7,
// runtime ids 10.
var autoSuffix = regexp.MustCompile(`^-[A-Za-z0-9]{6,10}$`)

// names reports whether a concrete ARN resource part names t.
func (t target) names(part string) bool {
	switch {
	case t.exact != "" && part == t.exact:
		return true
	case t.exact != "" && (t.kind == "secrets" || t.kind == "runtime"):
		return strings.HasPrefix(part, t.exact) && autoSuffix.MatchString(part[len(t.exact):])
	case t.stem != "":
		return strings.HasPrefix(part, t.stem) && autoSuffix.MatchString(part[len(t.stem):])
	}
	return false
}

// sample is a concrete resource part for t, for matching wildcard ARNs.
func (t target) sample() string {
	switch {
	case t.exact != "" && (t.kind == "secrets" || t.kind == "runtime"):
		return t.exact + "-AbC123"
	case t.exact != "":
		return t.exact
	}
	return t.stem + "-abc1234"
}

// granted returns the nodes a policy's ARNs name. Wildcards must name more than the resource
// type ("log-group:*" names every log group: too broad to draw).
func (b *builder) granted(p inventory.Resource, targets []target) []string {
	var out []string
	for _, s := range arnStrings(p.Inputs) {
		parts := strings.SplitN(s, ":", 6)
		if len(parts) != 6 {
			continue
		}
		service, part := parts[2], trimSubpath(parts[2], parts[5])
		var hits []target
		for _, t := range targets {
			if t.form.service != service || !strings.HasPrefix(part, t.form.prefix) {
				continue
			}
			if t.form.opaque {
				if contains(p.Dependencies, t.urn) {
					hits = append(hits, t)
				}
				continue
			}
			if i := strings.IndexAny(part, "*?"); i >= 0 {
				if i > len(t.form.prefix)+1 && glob(part, t.sample()) {
					hits = append(hits, t)
				}
			} else if t.names(part) {
				hits = append(hits, t)
			}
		}
		if len(hits) > 1 && hits[0].form.opaque {
			continue // several keys or projects in the policy's dependencies: cannot tell which
		}
		for _, h := range hits {
			if !contains(out, h.node) {
				out = append(out, h.node)
			}
		}
	}
	sort.Strings(out)
	return out
}

// trimSubpath drops what names parts of a resource: objects (bucket/*) and log streams
// (group:*). Elsewhere a trailing * is a wildcard over names (parameter/path/*).
func trimSubpath(service, part string) string {
	switch service {
	case "s3":
		return strings.TrimSuffix(part, "/*")
	case "logs":
		return strings.TrimSuffix(part, ":*")
	}
	return part
}

func glob(pattern, s string) bool {
	re := "^" + strings.ReplaceAll(strings.ReplaceAll(regexp.QuoteMeta(pattern), `\*`, ".*"), `\?`, ".") + "$"
	ok, err := regexp.MatchString(re, s)
	return err == nil && ok
}

// arnStrings collects every ARN in a value, looking inside JSON documents held as strings.
func arnStrings(v any) []string {
	var out []string
	var walk func(any, int)
	walk = func(v any, depth int) {
		if depth > 32 {
			return
		}
		switch x := v.(type) {
		case string:
			if strings.HasPrefix(x, "arn:") {
				out = append(out, x)
			} else if strings.HasPrefix(strings.TrimSpace(x), "{") {
				var doc any
				if json.Unmarshal([]byte(x), &doc) == nil {
					walk(doc, depth+1)
				}
			}
		case []any:
			for _, e := range x {
				walk(e, depth+1)
			}
		case map[string]any:
			for _, k := range sortedKeys(x) {
				walk(x[k], depth+1)
			}
		}
	}
	walk(v, 0)
	return out
}

func sortedKeys(m map[string]any) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
