package plandiff

import (
	"encoding/json"
	"fmt"
	"reflect"
	"sort"
	"strings"

	"github.com/bidopsai/bidopsai-infra/internal/inventory"
)

// walk calls emit for each leaf that differs between two values, with its path. Strings that
// hold a JSON object or array (IAM policies, dashboard bodies) are compared as JSON, so a
// changed statement shows as that statement, not as a new 3 kB string. A secret on either
// side is compared only as "[secret]": its value is never in a plan.
func walk(path string, o, n any, emit func(path string, o, n any)) {
	o, n = decodeJSON(o), decodeJSON(n)
	switch ov := o.(type) {
	case map[string]any:
		if nv, ok := n.(map[string]any); ok {
			for _, k := range sortedKeys(ov, nv) {
				oc, ook := ov[k]
				nc, nok := nv[k]
				switch {
				case !ook:
					oc = Absent
				case !nok:
					nc = Absent
				}
				walk(join(path, k), oc, nc, emit)
			}
			return
		}
	case []any:
		if nv, ok := n.([]any); ok {
			for i := 0; i < max(len(ov), len(nv)); i++ {
				var oc, nc any = Absent, Absent
				if i < len(ov) {
					oc = ov[i]
				}
				if i < len(nv) {
					nc = nv[i]
				}
				walk(fmt.Sprintf("%s[%d]", path, i), oc, nc, emit)
			}
			return
		}
	}
	if !equal(o, n) {
		emit(path, o, n)
	}
}

func join(path, k string) string {
	if path == "" {
		return k
	}
	return path + "." + k
}

// decodeJSON turns a string holding a JSON object or array into that value.
func decodeJSON(v any) any {
	s, ok := v.(string)
	if !ok || s == inventory.Secret {
		return v
	}
	t := strings.TrimSpace(s)
	if !strings.HasPrefix(t, "{") && !strings.HasPrefix(t, "[") {
		return v
	}
	var out any
	if err := json.Unmarshal([]byte(t), &out); err != nil {
		return v
	}
	return out
}

func equal(a, b any) bool { return reflect.DeepEqual(a, b) }

func sortedKeys[V any](maps ...map[string]V) []string {
	seen := map[string]bool{}
	var out []string
	for _, m := range maps {
		for k := range m {
			if !seen[k] {
				seen[k] = true
				out = append(out, k)
			}
		}
	}
	sort.Strings(out)
	return out
}
