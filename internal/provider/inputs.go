package provider

import (
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strings"

	p "github.com/pulumi/pulumi-go-provider"
	"github.com/pulumi/pulumi/sdk/v3/go/property"

	"github.com/bidopsai/bidopsai-infra/internal/awsvalues"
)

// inputs answers questions about raw inputs that the decoded struct cannot: whether a key
// was given at all, and whether its value is still unknown (computed during preview).
type inputs struct{ m property.Map }

func (in inputs) value(path ...string) (property.Value, bool) {
	v := property.New(in.m)
	for _, k := range path {
		if v.IsComputed() || !v.IsMap() {
			return v, !v.IsNull()
		}
		var ok bool
		if v, ok = v.AsMap().GetOk(k); !ok {
			return property.Value{}, false
		}
	}
	return v, !v.IsNull()
}

// absent reports that the key was not given (or given as null), so a default applies.
func (in inputs) absent(path ...string) bool {
	_, ok := in.value(path...)
	return !ok
}

// known reports that the value is fully known, so it can be validated and normalised.
func (in inputs) known(path ...string) bool {
	v, _ := in.value(path...)
	return !v.IsComputed() && !v.HasComputed()
}

// failures collects check failures, each naming its property.
type failures []p.CheckFailure

func (f *failures) add(prop, format string, args ...any) {
	*f = append(*f, p.CheckFailure{Property: prop, Reason: fmt.Sprintf(format, args...)})
}

// check records reason against prop when prop's value is known and reason is not empty;
// the reason follows the property's name ("roleArn \"x\" is not an IAM role ARN").
func (f *failures) check(in inputs, prop, reason string) {
	top, _, _ := strings.Cut(prop, ".")
	if reason != "" && in.known(top) {
		f.add(prop, "%s %s", prop, reason)
	}
}

// addAll records each reason against prop.
func (f *failures) addAll(prop string, reasons []string) {
	for _, r := range reasons {
		f.add(prop, "%s: %s", prop, r)
	}
}

// sorted returns a sorted copy, nil when empty: these lists are sets to AWS, and a stable
// order keeps reordering from showing as a diff.
func sorted(v []string) []string {
	if len(v) == 0 {
		return nil
	}
	return slices.Sorted(slices.Values(v))
}

// nilIfEmpty treats an empty map like an absent one.
func nilIfEmpty(m map[string]string) map[string]string {
	if len(m) == 0 {
		return nil
	}
	return maps.Clone(m)
}

// checkTags validates tags against the service's tag rules; the owner tag is the
// provider's own, so a program may not set it and it takes one of the service's slots.
func checkTags(f *failures, rules awsvalues.TagRules, tags map[string]string) {
	if _, ok := tags[OwnerTagKey]; ok {
		f.add("tags", "tag key %q is reserved: the provider sets it to the resource's owner", OwnerTagKey)
	}
	f.addAll("tags", rules.Problems(tags, 1))
}

// fieldDiff compares one property of old and new inputs for Diff.
type fieldDiff[T any] struct {
	name    string
	get     func(T) any
	replace bool
}

// diffFields lists every property whose value differs, as Add (was empty) or Update,
// upgraded to a replacement for replace fields.
func diffFields[T any](fields []fieldDiff[T], olds, news T) map[string]p.PropertyDiff {
	out := map[string]p.PropertyDiff{}
	for _, f := range fields {
		o, n := f.get(olds), f.get(news)
		if reflect.DeepEqual(o, n) {
			continue
		}
		kind := p.Update
		if o == nil || reflect.ValueOf(o).IsZero() {
			kind = p.Add
		}
		if f.replace {
			kind = map[p.DiffKind]p.DiffKind{p.Add: p.AddReplace, p.Update: p.UpdateReplace}[kind]
		}
		out[f.name] = p.PropertyDiff{Kind: kind, InputDiff: true}
	}
	return out
}

func sortedKeys(m map[string]string) []string { return slices.Sorted(maps.Keys(m)) }
