package release

import (
	"encoding/json"
	"fmt"
	"reflect"
	"sort"
	"strings"

	"github.com/bidopsai/bidopsai-infra/internal/stackfile"
)

// Change is one agent's version moving from Old to New.
type Change struct {
	Agent Agent
	Old   Version
	New   Version
}

// BumpVersions bumps part of each agent's version in the stack file src and returns the changes
// and the new file content, identical to src except for the version scalars. It re-reads the
// result to check every version landed where intended.
func BumpVersions(src []byte, file string, agents []Agent, part Part) ([]Change, []byte, error) {
	cfg, err := stackConfig(src, file)
	if err != nil {
		return nil, nil, err
	}
	type edit struct {
		start, end int
		text       string
	}
	var changes []Change
	var edits []edit
	for _, a := range agents {
		n, old, err := versionNode(cfg, a, file)
		if err != nil {
			return nil, nil, err
		}
		next, err := old.Bump(part)
		if err != nil {
			return nil, nil, fmt.Errorf("%s: agent %s: %w", file, a.ID, err)
		}
		start, end, err := valueSpan(src, n, file, agentsKey+"."+a.ID+".version")
		if err != nil {
			return nil, nil, err
		}
		changes = append(changes, Change{Agent: a, Old: old, New: next})
		edits = append(edits, edit{start, end, next.String()})
	}
	// Apply from the end so earlier offsets stay valid.
	sort.Slice(edits, func(i, j int) bool { return edits[i].start > edits[j].start })
	out := append([]byte(nil), src...)
	for _, e := range edits {
		out = append(out[:e.start:e.start], append([]byte(e.text), out[e.end:]...)...)
	}
	if err := verify(src, out, file, changes); err != nil {
		return nil, nil, err
	}
	return changes, out, nil
}

// verify re-parses rewritten content: each agent now has its new version and every other value
// of the file reads back exactly as before, so an edit that would change anything else is refused.
func verify(src, out []byte, file string, changes []Change) error {
	before, err := stackConfig(src, file)
	if err != nil {
		return err
	}
	after, err := stackConfig(out, file)
	if err != nil {
		return fmt.Errorf("rewritten %s no longer parses: %w", file, err)
	}
	for _, c := range changes {
		_, got, err := versionNode(after, c.Agent, file)
		if err != nil {
			return fmt.Errorf("rewritten %s: %w", file, err)
		}
		if got != c.New {
			return fmt.Errorf("rewritten %s: agent %s reads back as %s, want %s", file, c.Agent.ID, got, c.New)
		}
	}
	want, err := expected(before, changes)
	if err != nil {
		return err
	}
	got, err := values(after)
	if err != nil {
		return err
	}
	if !reflect.DeepEqual(want, got) {
		return fmt.Errorf("%s cannot be edited unambiguously: changing the version would change other values too; "+
			"write each agent's version as its own plain scalar", file)
	}
	return nil
}

// values is every config value of a parsed file, objects decoded.
func values(f *stackfile.File) (map[string]any, error) {
	out := map[string]any{}
	for k, e := range f.Config {
		var v any = e.Value
		if e.Secure != "" {
			v = "secure:" + e.Secure
		} else if json.Valid([]byte(e.Value)) && strings.HasPrefix(strings.TrimSpace(e.Value), "{") {
			if err := json.Unmarshal([]byte(e.Value), &v); err != nil {
				return nil, err
			}
		}
		out[k] = v
	}
	return out, nil
}

// expected is the values of the file before the bump with the new versions put in.
func expected(before *stackfile.File, changes []Change) (map[string]any, error) {
	want, err := values(before)
	if err != nil {
		return nil, err
	}
	agents, _ := want[agentsKey].(map[string]any)
	for _, c := range changes {
		if a, ok := agents[c.Agent.ID].(map[string]any); ok {
			a["version"] = c.New.String()
		}
	}
	return want, nil
}
