package plan_test

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/bidopsai/bidopsai-infra/internal/plan"
)

func stackConfig(t *testing.T, stack string) (*plan.Project, map[string]string) {
	t.Helper()
	p, err := plan.LoadProject(projectDir)
	if err != nil {
		t.Fatal(err)
	}
	sc, err := plan.LoadStack(projectDir, p, stack)
	if err != nil {
		t.Fatal(err)
	}
	return p, sc.Values
}

func decodeObject(s string) (map[string]any, error) {
	obj := map[string]any{}
	if s == "" {
		return obj, nil
	}
	err := json.Unmarshal([]byte(s), &obj)
	return obj, err
}

func encodeObject(t *testing.T, obj map[string]any) string {
	t.Helper()
	b, err := json.Marshal(obj)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// setPath sets a nested field; list fields get a one-element list, numbers and booleans stay
// strings so that the config code sees exactly the bad text.
func setPath(obj map[string]any, path []string, value string) error {
	for _, p := range path[:len(path)-1] {
		child, ok := obj[p].(map[string]any)
		if !ok {
			child = map[string]any{}
			obj[p] = child
		}
		obj = child
	}
	last := path[len(path)-1]
	switch obj[last].(type) {
	case []any:
		obj[last] = []any{value}
	case float64, bool:
		obj[last] = json.RawMessage(value)
		if !json.Valid([]byte(value)) {
			obj[last] = value
		}
	case string, nil:
		obj[last] = value
	default:
		return fmt.Errorf("field %s has an unexpected type", last)
	}
	return nil
}
