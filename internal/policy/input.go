package policy

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/bidopsai/bidopsai-infra/internal/inventory"
)

// input is one resource input looked up by path ("a.b.0.c"), remembering whether it was absent,
// unknown (during preview) or secret, so checks never mistake a missing value for a pass.
type input struct {
	path    string
	value   any
	found   bool
	unknown bool
	secret  bool
}

// in looks an input up. A number segment indexes an array.
func in(r inventory.Resource, path string) input {
	return lookup(r.Inputs, path)
}

func lookup(m map[string]any, path string) input {
	i := input{path: path}
	var cur any = m
	for _, seg := range strings.Split(path, ".") {
		if s, ok := cur.(string); ok && (s == inventory.Unknown || s == inventory.Secret) {
			break
		}
		switch c := cur.(type) {
		case map[string]any:
			v, ok := c[seg]
			if !ok {
				return i
			}
			cur = v
		case []any:
			n, err := strconv.Atoi(seg)
			if err != nil || n < 0 || n >= len(c) {
				return i
			}
			cur = c[n]
		default:
			return i
		}
	}
	i.value, i.found = cur, cur != nil
	if s, ok := cur.(string); ok {
		i.unknown, i.secret = s == inventory.Unknown, s == inventory.Secret
	}
	return i
}

// opaque is true when the value cannot be read: unknown now, or hidden as a secret.
func (i input) opaque() bool { return i.unknown || i.secret }

// str returns the value as a string.
func (i input) str() (string, bool) {
	if i.opaque() {
		return "", false
	}
	s, ok := i.value.(string)
	return s, ok
}

// boolean returns the value as a bool; "true"/"false" strings count (config often gives those).
func (i input) boolean() (bool, bool) {
	switch v := i.value.(type) {
	case bool:
		return v, true
	case string:
		if i.opaque() {
			return false, false
		}
		b, err := strconv.ParseBool(v)
		return b, err == nil
	}
	return false, false
}

// number returns the value as a float64; numeric strings count.
func (i input) number() (float64, bool) {
	switch v := i.value.(type) {
	case float64:
		return v, true
	case int:
		return float64(v), true
	case string:
		if i.opaque() {
			return 0, false
		}
		f, err := strconv.ParseFloat(v, 64)
		return f, err == nil
	}
	return 0, false
}

// list returns the value as an array.
func (i input) list() ([]any, bool) {
	l, ok := i.value.([]any)
	return l, ok
}

// object returns the value as a map.
func (i input) object() (map[string]any, bool) {
	m, ok := i.value.(map[string]any)
	return m, ok
}

// show renders the value for a message; secrets stay hidden.
func (i input) show() string {
	switch {
	case !i.found:
		return "unset"
	case i.secret:
		return "a secret"
	case i.unknown:
		return "unknown"
	}
	if s, ok := i.value.(string); ok {
		return strconv.Quote(s)
	}
	return fmt.Sprint(i.value)
}

// unknownOr is the usual first step of a check: an unknown input makes the finding unknown.
func (i input) unknownOr(f func() Finding) Finding {
	if i.unknown {
		return unknown(i.path)
	}
	return f()
}

// wantBool passes when the input is exactly want.
func wantBool(r inventory.Resource, path string, want bool) Finding {
	i := in(r, path)
	return i.unknownOr(func() Finding {
		if b, ok := i.boolean(); ok && b == want {
			return pass()
		}
		return fail("%s is %s; it must be %t", path, i.show(), want)
	})
}

// wantString passes when the input is one of allowed.
func wantString(r inventory.Resource, path string, allowed ...string) Finding {
	i := in(r, path)
	return i.unknownOr(func() Finding {
		if s, ok := i.str(); ok {
			for _, a := range allowed {
				if s == a {
					return pass()
				}
			}
		}
		return fail("%s is %s; it must be %s", path, i.show(), orList(allowed))
	})
}

// orList renders "A", "A or B", "A, B or C" with quotes.
func orList(vals []string) string {
	q := make([]string, len(vals))
	for i, v := range vals {
		q[i] = strconv.Quote(v)
	}
	if len(q) == 1 {
		return q[0]
	}
	return strings.Join(q[:len(q)-1], ", ") + " or " + q[len(q)-1]
}
