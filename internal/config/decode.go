package config

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"

	"github.com/bidopsai/bidopsai-infra/internal/tier"
)

// tierArgs is a tier's Args: its Validate is the one definition of the tier's rules.
type tierArgs interface{ Validate(name string) error }

// decodeTier fills args from the stack config, then validates it with the tier's own Validate
// before anything is registered. A field tagged `config:"<key>"` takes that key's value, or its
// `default` tag when unset; the key is relative to the bidopsai namespace
// ("storage.processedExpirationDays") or a full key ("aws:region"). Untagged struct fields are
// walked into. Each problem Validate finds in a decoded field is reported under its config key;
// fields the program fills later (account, key ARN) are the component's to check, with the same
// Validate.
func (r *reader) decodeTier(name string, args tierArgs) {
	keys := map[string]string{}
	r.decodeStruct(reflect.ValueOf(args).Elem(), "", keys)
	r.report(args.Validate(name), keys)
}

func (r *reader) decodeStruct(v reflect.Value, path string, keys map[string]string) {
	t := v.Type()
	for i := range t.NumField() {
		f := t.Field(i)
		if tag, ok := f.Tag.Lookup("config"); ok {
			key := tag
			if !strings.Contains(key, ":") {
				key = ns + tag
			}
			keys[path+f.Name] = key
			r.decodeField(v.Field(i), key, f.Tag.Get("default"))
		} else if f.IsExported() && f.Type.Kind() == reflect.Struct {
			r.decodeStruct(v.Field(i), path+f.Name+".", keys)
		}
	}
}

// decodeField sets v from its default, then from key's value when set: base-10 whole numbers,
// decimals, true/false, text without padding, lists of text (a default list is comma-separated).
// A value that does not parse is reported and v keeps its default.
func (r *reader) decodeField(v reflect.Value, key, def string) {
	if def != "" {
		r.set(v, key, def, jsonList(def))
	}
	if text, list, ok := r.lookup(key); ok {
		r.set(v, key, text, list)
	}
}

func (r *reader) set(v reflect.Value, key, text string, list []byte) {
	switch v.Kind() {
	case reflect.String:
		if strings.TrimSpace(text) != text || text == "" {
			r.invalid(key, text, "must be non-empty without leading or trailing spaces")
			return
		}
		v.SetString(text)
	case reflect.Int:
		v.SetInt(int64(r.checkInt(key, text, int(v.Int()), anyInt)))
	case reflect.Float64:
		v.SetFloat(r.checkNumber(key, text, v.Float()))
	case reflect.Bool:
		v.SetBool(r.checkBool(key, text, v.Bool()))
	case reflect.Slice:
		var out []string
		if err := json.Unmarshal(list, &out); err != nil || v.Type().Elem().Kind() != reflect.String {
			r.invalid(key, string(list), "must be a list of strings")
			return
		}
		v.Set(reflect.ValueOf(out))
	default:
		r.fail(key, "has Go type %s, which config cannot decode", v.Type()) // a programming error
	}
}

func anyInt(int) string { return "" }

// jsonList turns a default tag "a,b" into the JSON list ["a","b"].
func jsonList(def string) []byte {
	b, _ := json.Marshal(strings.Split(def, ","))
	return b
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

// report files each problem of a tier's Validate under the config key of its field.
func (r *reader) report(err error, keys map[string]string) {
	var p *tier.Problems
	if !errors.As(err, &p) {
		if err != nil {
			r.errs = append(r.errs, err.Error())
		}
		return
	}
	for _, x := range p.List {
		base, index, _ := strings.Cut(x.Field, "[")
		key, ok := keys[base]
		if !ok {
			continue
		}
		if index != "" {
			key += "[" + index
		}
		if _, _, set := r.lookup(keys[base]); !set && isZero(x.Value) {
			r.fail(key, "missing; %s", x.Rule)
			continue
		}
		r.invalid(key, valueText(x.Value), x.Rule)
	}
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
