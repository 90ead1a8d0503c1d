package config

import (
	"encoding/json"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// source is where raw config strings come from: the Pulumi context in a run, a map in tests.
type source interface {
	Get(key string) (string, bool)
	IsSecret(key string) bool
}

// reader parses raw config strings and collects every problem instead of stopping at the first.
type reader struct {
	src  source
	errs []string
}

func (r *reader) fail(key, format string, args ...any) {
	r.errs = append(r.errs, fmt.Sprintf("config %q: %s", key, fmt.Sprintf(format, args...)))
}

// invalid reports a bad value; secret values are never echoed.
func (r *reader) invalid(key, value, allowed string) {
	shown := strconv.Quote(value)
	if r.src.IsSecret(topKey(key)) {
		shown = "[secret]"
	}
	r.fail(key, "invalid value %s: %s", shown, allowed)
}

// raw returns the trimmed string for key; whitespace-only or padded values are errors.
func (r *reader) raw(key string) (string, bool) {
	v, ok := r.src.Get(key)
	if !ok {
		return "", false
	}
	if strings.TrimSpace(v) != v || v == "" {
		r.invalid(key, v, "must be non-empty without leading or trailing spaces")
		return "", false
	}
	return v, true
}

func (r *reader) require(key, allowed, example string) (string, bool) {
	if _, ok := r.src.Get(key); !ok {
		r.fail(key, "missing; %s; set it with `pulumi config set %s %s`", allowed, key, example)
		return "", false
	}
	return r.raw(key)
}

func (r *reader) oneOf(key, def string, allowed ...string) string {
	v, ok := r.raw(key)
	if !ok {
		return def
	}
	return r.checkOneOf(key, v, def, allowed)
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

var decimal = regexp.MustCompile(`^(0|[1-9][0-9]{0,8})$`)

// integer parses base-10 digits only: "030", "0x1e", "30.0" and "-7" are all refused.
func (r *reader) integer(key string, def int, check func(int) string) int {
	v, ok := r.raw(key)
	if !ok {
		return def
	}
	return r.checkInt(key, v, def, check)
}

func (r *reader) checkInt(key, v string, def int, check func(int) string) int {
	if !decimal.MatchString(v) {
		r.invalid(key, v, "must be a whole number written in base-10 digits without leading zeros"+hint(check))
		return def
	}
	n, _ := strconv.Atoi(v) // cannot fail: at most 9 digits
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

func (r *reader) boolean(key string, def bool) bool {
	v, ok := r.raw(key)
	if !ok {
		return def
	}
	return r.checkBool(key, v, def)
}

func (r *reader) checkBool(key, v string, def bool) bool {
	switch v {
	case "true":
		return true
	case "false":
		return false
	}
	r.invalid(key, v, "must be true or false")
	return def
}

// object decodes a JSON object config key; fields not in allowed are errors (a typo must not
// silently fall back to a default).
func (r *reader) object(key string, allowed ...string) *object {
	o := &object{r: r, key: key, fields: map[string]json.RawMessage{}}
	v, ok := r.src.Get(key)
	if !ok {
		return o
	}
	if err := json.Unmarshal([]byte(v), &o.fields); err != nil {
		r.fail(key, "must be an object with fields %s", strings.Join(allowed, ", "))
		return o
	}
	r.rejectUnknown(key, o.fields, allowed)
	return o
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
		r.fail(key+"."+f, "unknown field; allowed fields are %s", strings.Join(allowed, ", "))
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

// topKey strips an object path: "bidopsai:ecr.tagMutability" -> "bidopsai:ecr".
func topKey(key string) string {
	if i := strings.IndexByte(key, '.'); i > 0 {
		return key[:i]
	}
	return key
}
