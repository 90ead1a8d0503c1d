package config

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/bidopsai/bidopsai-infra/components/access"
	"github.com/bidopsai/bidopsai-infra/components/observability"
	"github.com/bidopsai/bidopsai-infra/internal/naming"
	"github.com/bidopsai/bidopsai-infra/internal/tier"
)

// maxAgentID keeps every runtime name (naming.RuntimeName) within AgentCore's limit for the
// longest stack name.
var maxAgentID = naming.MaxAgentID(maxStackName)

// agentFields are the fields of one bidopsai:agents entry.
var agentFields = []string{"access", "timeoutSeconds", "version", "context", "dockerfile", "platform", "digest"}

// DefaultAgents are the agents when bidopsai:agents is unset (as Pulumi.yaml's default).
var DefaultAgents = []Agent{
	defaultAgent("ai-assistant", access.ReadOnly, 180),
	defaultAgent("workflow", access.ReadWrite, 300),
}

func defaultAgent(id string, level access.Level, timeout int) Agent {
	a := Agent{ID: id, Access: level, TimeoutSeconds: timeout}
	_ = tier.ApplyDefaults(&a.ImageArgs) // cannot fail: the tags are tested
	return a
}

// readAgents reads bidopsai:agents, a map of agent id to its image settings and access.
func readAgents(r *reader, c *Config) {
	key := ns + "agents"
	v, ok := r.get(key)
	if !ok {
		c.Agents = slices.Clone(DefaultAgents)
		return
	}
	var entries map[string]json.RawMessage
	if err := decodeObject([]byte(v), &entries); err != nil || len(entries) == 0 {
		r.invalid(key, v, "must be a map of agent id to {"+strings.Join(agentFields, ", ")+"} with at least one agent")
		return
	}
	for id := range entries {
		if !naming.AgentIDPattern.MatchString(id) || len(id) > maxAgentID {
			r.invalid(key+"."+id, id, fmt.Sprintf("agent id %s, at most %d characters", naming.AgentIDRule, maxAgentID))
			continue
		}
		if slices.Contains(observability.SubAgents, id) {
			r.invalid(key+"."+id, id, "must not be a sub-agent's name ("+strings.Join(observability.SubAgents, ", ")+
				"): the Agent metric dimension would mix the two")
			continue
		}
		c.Agents = append(c.Agents, readAgent(r, &object{r: r, key: key, fields: entries}, id))
	}
	slices.SortFunc(c.Agents, func(a, b Agent) int { return strings.Compare(a.ID, b.ID) })
	outputs := map[string]string{}
	for _, a := range c.Agents {
		p := naming.OutputPrefix(a.ID)
		if other, dup := outputs[p]; dup {
			r.invalid(key+"."+a.ID, a.ID, fmt.Sprintf("names the same stack outputs (%s...) as agent %q; choose another id", p, other))
		}
		outputs[p] = a.ID
	}
}

func readAgent(r *reader, parent *object, id string) Agent {
	o := parent.sub(id, agentFields...)
	if _, ok := o.fields["access"]; !ok {
		r.fail(o.name("access"), "missing; one of %s (what the agent's role may do with the stack's data)",
			strings.Join(access.Levels, ", "))
	}
	a := Agent{
		ID:             id,
		Access:         access.Level(o.oneOf("access", string(access.ReadOnly), access.Levels...)),
		TimeoutSeconds: o.integer("timeoutSeconds", 300, between(1, 3600)),
	}
	r.decodeIn(o, id, &a.ImageArgs)
	if a.Digest == "" {
		checkBuildPaths(r, o, a)
	}
	return a
}
