package release

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/bidopsai/bidopsai-infra/internal/stackfile"
)

// Agent is one deployable agent, named by its id: its key under bidopsai:agents, its name on
// the command line and the prefix of its release tags.
type Agent struct {
	ID string
}

// All selects every configured agent in Configured.Select.
const All = "all"

// Tag is the git tag of version v of the agent, e.g. "workflow-v1.4.2".
func (a Agent) Tag(v Version) string { return a.ID + "-v" + v.String() }

// Title is the agent's name in prose, e.g. "ai-assistant agent".
func (a Agent) Title() string { return a.ID + " agent" }

// TagMessage is the annotation of the agent's release tag, e.g. "workflow agent v1.4.2".
func (a Agent) TagMessage(v Version) string { return a.Title() + " v" + v.String() }

// Configured are the agents a stack configures, sorted by id, and the file they were read from.
type Configured struct {
	Agents []Agent
	From   string
}

// StackAgents reads the agents of a stack: the keys of bidopsai:agents in DIR/Pulumi.<stack>.yaml,
// else of its default in DIR/Pulumi.yaml, through the project's one stack-file parser.
func StackAgents(dir, stack string) (Configured, error) {
	path, err := stackfile.Path(dir, stack)
	if err != nil {
		return Configured{}, err
	}
	src, err := stackfile.ReadFile(path)
	if err != nil {
		return Configured{}, err
	}
	f, err := stackConfig(src, path)
	if err != nil {
		return Configured{}, err
	}
	return agentsOf(f, dir)
}

// agentsOf reads the agent ids from a parsed stack file, or from Pulumi.yaml's default when the
// stack file sets none.
func agentsOf(f *stackfile.File, dir string) (Configured, error) {
	from, value := filepath.Base(f.Path), ""
	if e := f.Config[agentsKey]; e != nil {
		if e.Secure != "" {
			return Configured{}, fmt.Errorf("%s: %s is a secret; agent settings must be plain values", from, agentsKey)
		}
		value = e.Value
	} else {
		p, err := stackfile.LoadProject(dir)
		if err != nil {
			return Configured{}, fmt.Errorf("%s sets no %s, and its default cannot be read: %w", from, agentsKey, err)
		}
		d := p.Keys[strings.TrimPrefix(agentsKey, stackfile.Namespace+":")]
		if !d.HasDefault {
			return Configured{}, fmt.Errorf("%s sets no %s and Pulumi.yaml has no default for it", from, agentsKey)
		}
		from, value = "Pulumi.yaml (default)", d.Default
	}
	var entries map[string]json.RawMessage
	if err := json.Unmarshal([]byte(value), &entries); err != nil || len(entries) == 0 {
		return Configured{}, fmt.Errorf("%s: %s must map each agent id to its settings, with at least one agent", from, agentsKey)
	}
	c := Configured{From: from}
	for id := range entries {
		c.Agents = append(c.Agents, Agent{ID: id})
	}
	slices.SortFunc(c.Agents, func(a, b Agent) int { return strings.Compare(a.ID, b.ID) })
	return c, nil
}

// Find returns the configured agent with the given id.
func (c Configured) Find(id string) (Agent, error) {
	if i := slices.IndexFunc(c.Agents, func(a Agent) bool { return a.ID == id }); i >= 0 {
		return c.Agents[i], nil
	}
	return Agent{}, fmt.Errorf("agent %q is not configured; %s of %s has: %s", id, agentsKey, c.From, c.ids())
}

// Select returns the configured agent with the given id, or every one for All.
func (c Configured) Select(id string) ([]Agent, error) {
	if id == All {
		return c.Agents, nil
	}
	a, err := c.Find(id)
	if err != nil {
		return nil, fmt.Errorf("%w (or %s for every agent)", err, All)
	}
	return []Agent{a}, nil
}

// ids lists the configured ids, each quoted (they come from a file).
func (c Configured) ids() string {
	out := make([]string, len(c.Agents))
	for i, a := range c.Agents {
		out[i] = fmt.Sprintf("%q", a.ID)
	}
	return strings.Join(out, ", ")
}
