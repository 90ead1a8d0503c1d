package config

import (
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strings"

	"github.com/bidopsai/bidopsai-infra/internal/tier"
)

// tierArgs is a tier's Args: its Validate is the one definition of the tier's rules.
type tierArgs interface{ Validate(name string) error }

// decodeTier fills args from its `default` tags, then each `config:"<key>"` field from the stack
// config (keys relative to bidopsai:, or full like aws:region), and reports each problem of the
// tier's own Validate under its field's key. Fields the program fills later are the component's.
func (r *reader) decodeTier(args tierArgs) { r.decodeIn(nil, "", args) }

// decodeIn is decodeTier with field tags relative to the object in (an agent's entry), when set.
func (r *reader) decodeIn(in *object, name string, args tierArgs) {
	if err := tier.ApplyDefaults(args); err != nil {
		r.errs = append(r.errs, err.Error()) // a programming error, which the defaults test shows
	}
	d := decoding{r: r, in: in, fields: map[string]decoded{}, bad: map[string]badValue{}}
	d.walk(reflect.ValueOf(args).Elem(), "")
	d.report(args.Validate(name))
}

// decoding is one tier's decode: each tagged field's config key and whether the stack sets it,
// and the values that did not parse, by the field's Go path.
type decoding struct {
	r      *reader
	in     *object // the object field tags are relative to, or nil for the namespace
	fields map[string]decoded
	bad    map[string]badValue
}

type decoded struct {
	key string
	set bool
}

type badValue struct{ text, problem string }

func (d *decoding) walk(v reflect.Value, path string) {
	t := v.Type()
	for i := range t.NumField() {
		f := t.Field(i)
		tag, ok := f.Tag.Lookup("config")
		if !ok {
			if f.IsExported() && f.Type.Kind() == reflect.Struct {
				d.walk(v.Field(i), path+f.Name+".")
			}
			continue
		}
		text, list, set := d.lookup(tag)
		d.fields[path+f.Name] = decoded{d.fullKey(tag), set}
		if set {
			d.decode(v.Field(i), path+f.Name, text, list)
		}
	}
}

// decode sets field from its value, or records what the value should be and probes the field.
func (d *decoding) decode(v reflect.Value, field, text string, list []byte) {
	if v.Type() == reflect.TypeFor[[]int]() {
		d.ints(v, field, list)
	} else if msg := parseValue(v, text, list); msg != "" {
		d.bad[field] = badValue{text, msg}
		probe(v)
	}
}

// ints decodes a list of whole numbers; an element that does not parse is probed like a number.
func (d *decoding) ints(v reflect.Value, field string, list []byte) {
	var raw []json.RawMessage
	if err := json.Unmarshal(list, &raw); err != nil || raw == nil {
		d.bad[field] = badValue{string(list), "must be a list of whole numbers such as [80, 100]"}
		return
	}
	out := make([]int, len(raw))
	for i, e := range raw {
		text := strings.Trim(strings.TrimSpace(string(e)), `"`)
		n, bad := parseInt(text)
		if bad != "" {
			d.bad[fmt.Sprintf("%s[%d]", field, i)] = badValue{text, bad}
			n = -1 // a probe, as for a number
		}
		out[i] = n
	}
	v.Set(reflect.ValueOf(out))
}

// probe sets a number that did not parse to -1, so that Validate says what is allowed.
func probe(v reflect.Value) {
	switch v.Kind() {
	case reflect.Int:
		v.SetInt(-1)
	case reflect.Float64:
		v.SetFloat(-1)
	default: // text, flags and lists have no probe: their parse problem is the message
	}
}

// parseValue sets v from text (or list, its raw JSON) and returns "", or what text should be: base-10
// whole numbers, decimals, true/false, text without padding, lists of text.
func parseValue(v reflect.Value, text string, list []byte) string {
	switch v.Kind() {
	case reflect.String:
		if bad := parseText(text); bad != "" {
			return bad
		}
		v.SetString(text)
	case reflect.Int:
		n, bad := parseInt(text)
		if bad != "" {
			return bad
		}
		v.SetInt(int64(n))
	case reflect.Float64:
		n, bad := parseNumber(text)
		if bad != "" {
			return bad
		}
		v.SetFloat(n)
	case reflect.Bool:
		b, bad := parseBool(text)
		if bad != "" {
			return bad
		}
		v.SetBool(b)
	case reflect.Slice:
		var out []string
		if err := json.Unmarshal(list, &out); err != nil || v.Type().Elem().Kind() != reflect.String {
			return "must be a list of strings"
		}
		v.Set(reflect.ValueOf(out))
	default:
		return "has Go type " + v.Type().String() + ", which config cannot decode" // a programming error
	}
	return ""
}

// fullKey is the config key a field tag names.
func (d *decoding) fullKey(tag string) string {
	switch {
	case d.in != nil:
		return d.in.name(tag)
	case strings.Contains(tag, ":"):
		return tag
	}
	return ns + tag
}

// lookup returns the value a field tag names, as lookup does for a key.
func (d *decoding) lookup(tag string) (text string, raw []byte, set bool) {
	if d.in == nil {
		return d.r.lookup(d.fullKey(tag))
	}
	text, set = d.in.scalar(tag)
	return text, d.in.fields[tag], set
}

// lookup returns key's value as text (a JSON string unquoted) and as raw JSON, recording the key
// (or the object field) as read.
func (r *reader) lookup(key string) (text string, raw []byte, set bool) {
	top, field, nested := strings.Cut(key, ".")
	if !nested {
		v, ok := r.get(key)
		return v, []byte(v), ok
	}
	o := r.object(top)
	text, ok := o.scalar(field)
	return text, o.fields[field], ok
}

// report files each problem of a tier's Validate under the config key of its field; a value that
// did not parse is reported with the rule its probe broke.
func (d *decoding) report(err error) {
	var p *tier.Problems
	if !errors.As(err, &p) {
		if err != nil {
			d.r.errs = append(d.r.errs, err.Error())
		}
		return
	}
	for _, x := range p.List {
		key, ok := d.key(x.Field)
		b, unparsed := d.bad[x.Field]
		switch {
		case !ok:
		case unparsed:
			d.r.invalid(key, b.text, b.problem+" ("+x.Rule+")")
			delete(d.bad, x.Field)
		case strings.Contains(x.Field, "["):
			d.r.invalid(key, valueText(x.Value), x.Rule)
		default:
			if !d.fields[x.Field].set && isZero(x.Value) {
				d.r.fail(key, "missing; %s", x.Rule)
				continue
			}
			d.r.invalid(key, valueText(x.Value), x.Rule)
		}
	}
	for _, field := range slices.Sorted(maps.Keys(d.bad)) {
		key, _ := d.key(field)
		d.r.invalid(key, d.bad[field].text, d.bad[field].problem)
	}
}

// key is the config key of a field path: "CallbackURLs[1]" -> "bidopsai:cognito.callbackUrls[1]".
func (d *decoding) key(field string) (string, bool) {
	base, index, indexed := strings.Cut(field, "[")
	f, ok := d.fields[base]
	if indexed {
		f.key += "[" + index
	}
	return f.key, ok
}

func isZero(v any) bool { return v == nil || reflect.ValueOf(v).IsZero() }

// valueText is a problem's value as the user wrote it: text as is, lists as JSON.
func valueText(v any) string {
	if s, ok := v.(string); ok {
		return s
	}
	if rv := reflect.ValueOf(v); rv.IsValid() && rv.Kind() == reflect.Slice {
		b, _ := json.Marshal(v)
		return string(b)
	}
	return fmt.Sprint(v)
}
