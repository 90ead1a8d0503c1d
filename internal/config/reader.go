package config

import (
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"

	"github.com/bidopsai/bidopsai-infra/internal/redact"
)

// source is where raw config strings come from: the Pulumi context in a run, a map in tests.
type source interface {
	Get(key string) (string, bool)
	IsSecret(key string) bool
	// Keys lists every key set, or nil when the source cannot tell (then unknown keys go unseen).
	Keys() []string
	// Root is the project directory (holding Pulumi.yaml), or "" when unknown.
	Root() string
}

// reader parses raw config strings and collects every problem instead of stopping at the first.
// It remembers every key it was asked for: any other key set is unknown (see checkKeys).
type reader struct {
	src     source
	errs    []string
	read    map[string]bool
	objects map[string]*object
}

// get is the one way a value is read, so that every key read is recorded.
func (r *reader) get(key string) (string, bool) {
	if r.read == nil {
		r.read = map[string]bool{}
	}
	r.read[key] = true
	return r.src.Get(key)
}

// fail reports a problem with key. Messages never format a value themselves: values go through
// invalid, the one path that redacts secrets and cuts long values.
// A key read by several tiers (bidopsai:protect) reports its problem once.
func (r *reader) fail(key, format string, args ...any) {
	msg := fmt.Sprintf("config %s: %s", redact.Key(key), fmt.Sprintf(format, args...))
	if !slices.Contains(r.errs, msg) {
		r.errs = append(r.errs, msg)
	}
}

// invalid reports a bad value and what is allowed; secret values are never echoed.
func (r *reader) invalid(key, value, allowed string) {
	r.fail(key, "invalid value %s: %s", redact.Value(value, r.src.IsSecret(topKey(key))), allowed)
}

// raw returns the trimmed string for key; whitespace-only or padded values are errors.
func (r *reader) raw(key string) (string, bool) {
	v, ok := r.get(key)
	if !ok {
		return "", false
	}
	if msg := parseText(v); msg != "" {
		r.invalid(key, v, msg)
		return "", false
	}
	return v, true
}

func (r *reader) require(key, allowed, example string) (string, bool) {
	if _, ok := r.get(key); !ok {
		r.fail(key, "missing; %s; set it with `pulumi config set %s %s`", allowed, key, example)
		return "", false
	}
	return r.raw(key)
}

func (r *reader) checkOneOf(key, v, def string, allowed []string) string {
	for _, a := range allowed {
		if v == a {
			return v
		}
	}
	r.invalid(key, v, "must be one of "+strings.Join(allowed, ", "))
	return def
}

func (r *reader) checkInt(key, v string, def int, check func(int) string) int {
	n, bad := parseInt(v)
	if bad != "" {
		r.invalid(key, v, bad+hint(check))
		return def
	}
	if msg := check(n); msg != "" {
		r.invalid(key, v, msg)
		return def
	}
	return n
}

// hint shows the allowed range when the value was not even a number.
func hint(check func(int) string) string {
	if msg := check(-1); msg != "" {
		return " (" + msg + ")"
	}
	return ""
}

// checkNumber parses a finite decimal (parseNumber).
func (r *reader) checkNumber(key, v string, def float64) float64 {
	n, bad := parseNumber(v)
	if bad != "" {
		r.invalid(key, v, bad)
		return def
	}
	return n
}

func (r *reader) boolean(key string, def bool) bool {
	v, ok := r.raw(key)
	if !ok {
		return def
	}
	return r.checkBool(key, v, def)
}

func (r *reader) checkBool(key, v string, def bool) bool {
	b, bad := parseBool(v)
	if bad != "" {
		r.invalid(key, v, bad)
		return def
	}
	return b
}

// object returns the JSON object config key, decoded once; fields not asked for by the end of
// parse are errors (checkFields: a typo must not silently fall back to a default). allowed are
// fields read through the object's own methods.
func (r *reader) object(key string, allowed ...string) *object {
	o, ok := r.objects[key]
	if !ok {
		o = &object{r: r, key: key, fields: map[string]json.RawMessage{}, asked: map[string]bool{}}
		if r.objects == nil {
			r.objects = map[string]*object{}
		}
		r.objects[key] = o
		if v, set := r.get(key); set {
			if err := decodeObject([]byte(v), &o.fields); err != nil {
				r.invalid(key, v, "must be an object of the fields Pulumi.yaml declares for it")
				o.fields = map[string]json.RawMessage{}
			}
		}
	}
	for _, f := range allowed {
		o.asked[f] = true
	}
	return o
}

// checkFields refuses the fields of object keys that nothing asked for.
func checkFields(r *reader) {
	keys := slices.Sorted(maps.Keys(r.objects))
	for _, key := range keys {
		o := r.objects[key]
		r.rejectUnknown(key, o.fields, slices.Sorted(maps.Keys(o.asked)))
	}
}

func (r *reader) rejectUnknown(key string, fields map[string]json.RawMessage, allowed []string) {
	var unknown []string
	for f := range fields {
		if !contains(allowed, f) {
			unknown = append(unknown, f)
		}
	}
	sort.Strings(unknown)
	for _, f := range unknown {
		r.invalid(key+"."+f, string(fields[f]), "unknown field; allowed fields are "+strings.Join(allowed, ", "))
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// decodeObject decodes a JSON object; null (a key or field set to nothing) is refused, so it
// never silently takes the defaults.
func decodeObject(b []byte, fields *map[string]json.RawMessage) error {
	if err := json.Unmarshal(b, fields); err != nil {
		return err
	}
	if *fields == nil {
		return errNull
	}
	return nil
}

var errNull = errors.New("null")

// topKey strips an object path: "bidopsai:ecr.tagMutability" -> "bidopsai:ecr".
func topKey(key string) string {
	if i := strings.IndexAny(key, ".["); i > 0 {
		return key[:i]
	}
	return key
}
