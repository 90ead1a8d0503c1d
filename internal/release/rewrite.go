package release

import (
	"fmt"
	"sort"
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
			return nil, nil, fmt.Errorf("%s: agent %s: %w", file, a.Name, err)
		}
		start, end, err := valueSpan(src, n, file, agentsKey+"."+a.ConfigKey+".version")
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
	if err := verify(out, file, changes); err != nil {
		return nil, nil, err
	}
	return changes, out, nil
}

// verify re-parses rewritten content and checks each agent now has its new version.
func verify(out []byte, file string, changes []Change) error {
	cfg, err := stackConfig(out, file)
	if err != nil {
		return fmt.Errorf("rewritten %s no longer parses: %w", file, err)
	}
	for _, c := range changes {
		_, got, err := versionNode(cfg, c.Agent, file)
		if err != nil {
			return fmt.Errorf("rewritten %s: %w", file, err)
		}
		if got != c.New {
			return fmt.Errorf("rewritten %s: agent %s reads back as %s, want %s", file, c.Agent.Name, got, c.New)
		}
	}
	return nil
}
