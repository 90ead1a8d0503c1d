package config

import (
	"encoding/json"
	"strings"
)

// object reads the fields of one JSON object config value, naming each as "<key>.<field>".
type object struct {
	r      *reader
	key    string
	fields map[string]json.RawMessage
	asked  map[string]bool // fields read: the allowed ones
}

func (o *object) name(field string) string { return o.key + "." + field }

func (o *object) ask(field string) {
	if o.asked != nil {
		o.asked[field] = true
	}
}

// scalar returns the field's JSON scalar as text; strings are unquoted.
func (o *object) scalar(field string) (string, bool) {
	o.ask(field)
	raw, ok := o.fields[field]
	if !ok {
		return "", false
	}
	var s string
	if err := json.Unmarshal(raw, &s); err == nil {
		return s, true
	}
	return strings.TrimSpace(string(raw)), true
}

func (o *object) str(field, def string, check func(string) string) string {
	v, ok := o.scalar(field)
	if !ok {
		return def
	}
	if msg := parseText(v); msg != "" {
		o.r.invalid(o.name(field), v, msg)
		return def
	}
	if msg := check(v); msg != "" {
		o.r.invalid(o.name(field), v, msg)
		return def
	}
	return v
}

func (o *object) oneOf(field, def string, allowed ...string) string {
	v, ok := o.scalar(field)
	if !ok {
		return def
	}
	return o.r.checkOneOf(o.name(field), v, def, allowed)
}

func (o *object) integer(field string, def int, check func(int) string) int {
	v, ok := o.scalar(field)
	if !ok {
		return def
	}
	return o.r.checkInt(o.name(field), v, def, check)
}

// number reads a finite decimal such as 5, 0.05 or 30000.
func (o *object) number(field string, def float64, check func(float64) string) float64 {
	v, ok := o.scalar(field)
	if !ok {
		return def
	}
	n := o.r.checkNumber(o.name(field), v, def)
	if msg := check(n); msg != "" {
		o.r.invalid(o.name(field), v, msg)
		return def
	}
	return n
}

func (o *object) boolean(field string, def bool) bool {
	v, ok := o.scalar(field)
	if !ok {
		return def
	}
	return o.r.checkBool(o.name(field), v, def)
}

// sub reads a nested object field.
func (o *object) sub(field string, allowed ...string) *object {
	child := &object{r: o.r, key: o.name(field), fields: map[string]json.RawMessage{}}
	raw, ok := o.fields[field]
	if !ok {
		return child
	}
	if err := decodeObject(raw, &child.fields); err != nil {
		o.r.invalid(child.key, string(raw), "must be an object with fields "+strings.Join(allowed, ", "))
		return child
	}
	o.r.rejectUnknown(child.key, child.fields, allowed)
	return child
}
