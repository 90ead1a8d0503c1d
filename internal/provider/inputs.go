package provider

import (
	"fmt"
	"maps"
	"reflect"
	"regexp"
	"slices"
	"strings"

	p "github.com/pulumi/pulumi-go-provider"
	"github.com/pulumi/pulumi/sdk/v3/go/property"
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

var (
	tagKeyRE = regexp.MustCompile(`^[\p{L}\p{Z}\p{N}_.:/=+\-@]{1,128}$`)
	tagValRE = regexp.MustCompile(`^[\p{L}\p{Z}\p{N}_.:/=+\-@]{0,256}$`)
)

// checkTags validates tags against the AWS tagging rules.
func checkTags(f *failures, tags map[string]string) {
	if len(tags) > 50 {
		f.add("tags", "at most 50 tags are allowed, got %d", len(tags))
	}
	for _, k := range slices.Sorted(maps.Keys(tags)) {
		if !tagKeyRE.MatchString(k) || strings.HasPrefix(k, "aws:") {
			f.add("tags", "tag key %q must be 1-128 letters, digits, spaces or _.:/=+-@ and not start with aws:", k)
		}
		if !tagValRE.MatchString(tags[k]) {
			f.add("tags", "tag %q value must be at most 256 letters, digits, spaces or _.:/=+-@", k)
		}
	}
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
