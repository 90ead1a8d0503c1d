package policy

import (
	"regexp"
	"slices"
	"strings"

	"github.com/bidopsai/bidopsai-infra/internal/inventory"
)

// View is what a check may read besides its resource: the environment and, in the offline plan,
// the whole inventory. In the policy pack each resource arrives alone and without its options.
type View struct {
	// Env is the normalised environment (dev, staging or prod).
	Env string
	// inv is nil when the check sees one resource only (the policy pack).
	inv *inventory.Inventory
	// optionsKnown is false when protect, retainOnDelete and timeouts were not delivered.
	optionsKnown bool
}

// NewView is the view of a whole inventory in an environment.
func NewView(inv *inventory.Inventory, environment string) *View {
	return &View{Env: Environment(environment), inv: inv, optionsKnown: true}
}

// whole is true when other resources can be looked at.
func (v *View) whole() bool { return v.inv != nil }

// ofType returns the resources of the given types, in inventory order.
func (v *View) ofType(types ...string) []inventory.Resource {
	if v.inv == nil {
		return nil
	}
	var out []inventory.Resource
	for _, r := range v.inv.Resources {
		if slices.Contains(types, r.Type) {
			out = append(out, r)
		}
	}
	return out
}

// nameInputs are the inputs that hold a type's physical name (explicit, then prefix).
var nameInputs = map[string][2]string{
	typeBucket:     {"bucket", "bucketPrefix"},
	typeRepository: {"name", ""},
	typeRole:       {"name", "namePrefix"},
	typePolicy:     {"name", "namePrefix"},
	typeSecret:     {"name", "namePrefix"},
	typeLogGroup:   {"name", "namePrefix"},
	typeTopic:      {"name", "namePrefix"},
}

// isAutoName reports whether name is Pulumi's auto-name for a logical name: the logical name,
// "-" and seven lowercase letters or digits.
func isAutoName(name, logical string) bool {
	rest, ok := strings.CutPrefix(name, logical+"-")
	if !ok || len(rest) != 7 {
		return false
	}
	for _, c := range rest {
		if (c < 'a' || c > 'z') && (c < '0' || c > '9') {
			return false
		}
	}
	return true
}

// namedBy reports whether a physical name (or an ARN or id ending in one) names target: its
// explicit name, its name prefix, or its auto-name (logical name plus suffix).
func namedBy(value string, target inventory.Resource) bool {
	names := nameInputs[target.Type]
	explicit, prefix := in(target, names[0]), in(target, names[1])
	for _, c := range nameCandidates(value) {
		switch {
		case explicit.found:
			if s, ok := explicit.str(); ok && c == s {
				return true
			}
		case prefix.found:
			if s, ok := prefix.str(); ok && strings.HasPrefix(c, s) {
				return true
			}
		case isAutoName(c, target.Name):
			return true
		}
	}
	return false
}

// secretSuffix is the six characters Secrets Manager appends to a secret's ARN.
var secretSuffix = regexp.MustCompile(`-[A-Za-z0-9]{6}$`)

// nameCandidates are the names a reference may carry: itself, an ARN's resource part (after the
// last "/" or ":"), and a secret ARN's name without its random suffix.
func nameCandidates(v string) []string {
	out := []string{v}
	if i := strings.LastIndexAny(v, "/:"); i >= 0 {
		out = append(out, v[i+1:])
	}
	if _, after, ok := strings.Cut(v, ":secret:"); ok {
		out = append(out, secretSuffix.ReplaceAllString(after, ""))
	}
	if _, after, ok := strings.Cut(v, ":role/"); ok {
		out = append(out, after[strings.LastIndex(after, "/")+1:])
	}
	return out
}

// target resolves the resource of one of types that src's input field refers to. Known values
// match by name. Dependencies decide (unique by type, else the one whose logical name prefixes
// src's) only when names cannot: the value is unknown or missing, or a candidate's own name is
// unknown or not an input (KMS keys). ok is false when the reference is unresolved; unknownRef
// is true when it was unresolved because the value is unknown.
func (v *View) target(src inventory.Resource, field string, types ...string) (t inventory.Resource, ok, unknownRef bool) {
	i := in(src, field)
	s, known := i.str()
	byDeps := !known
	for _, c := range v.ofType(types...) {
		if known && namedBy(s, c) {
			return c, true, false
		}
		names, nameable := nameInputs[c.Type]
		byDeps = byDeps || !nameable || in(c, names[0]).opaque() || in(c, names[1]).opaque()
	}
	if !byDeps {
		return inventory.Resource{}, false, false
	}
	var deps []inventory.Resource
	for _, c := range v.ofType(types...) {
		if slices.Contains(src.Dependencies, c.URN) {
			deps = append(deps, c)
		}
	}
	switch {
	case len(deps) == 1:
		return deps[0], true, false
	case len(deps) > 1:
		best := -1
		for n, d := range deps {
			if strings.HasPrefix(src.Name, d.Name+"-") && (best < 0 || len(d.Name) > len(deps[best].Name)) {
				best = n
			}
		}
		if best >= 0 {
			return deps[best], true, false
		}
	}
	return inventory.Resource{}, false, i.opaque()
}

// attached returns the resources of type attType whose field refers to owner. unresolved is true
// when some attachment's reference could not be resolved (so one may be missing from the list).
func (v *View) attached(owner inventory.Resource, attType, field string) (out []inventory.Resource, unresolved bool) {
	for _, a := range v.ofType(attType) {
		t, ok, unk := v.target(a, field, owner.Type)
		switch {
		case ok && t.URN == owner.URN:
			out = append(out, a)
		case !ok && unk:
			unresolved = true
		}
	}
	return out, unresolved
}

// needsOne is the existence half of a cross-resource rule: owner must have at least one
// attachment of attType (what names it in the message), else fail; unresolvable is unknown.
func (v *View) needsOne(owner inventory.Resource, attType, field, what string) ([]inventory.Resource, Finding) {
	if !v.whole() {
		return nil, na()
	}
	atts, unresolved := v.attached(owner, attType, field)
	switch {
	case len(atts) > 0:
		return atts, pass()
	case unresolved:
		return nil, unknown(field + " of a " + shortType(attType))
	}
	return nil, fail("%s has no %s", owner.Name, what)
}

// shortType is the last part of a type token: aws:s3/bucketV2:BucketV2 -> BucketV2.
func shortType(t string) string { return t[strings.LastIndex(t, ":")+1:] }
