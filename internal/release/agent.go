package release

import (
	"fmt"
	"strings"
)

// Agent is one deployable agent and the names it goes by.
type Agent struct {
	Name      string // CLI and git tag name, e.g. "ai-assistant"
	ConfigKey string // key under bidopsai:agents in a stack file, e.g. "aiAssistant"
	Title     string // human name used in tag messages, e.g. "AI Assistant Agent"
}

// Agents lists every agent, in the order the tool reports them.
var Agents = []Agent{
	{Name: "workflow", ConfigKey: "workflow", Title: "Workflow Agent"},
	{Name: "ai-assistant", ConfigKey: "ai-assistant", Title: "AI Assistant Agent"},
}

// Both selects every agent in ParseAgents.
const Both = "both"

// Tag is the git tag of version v of the agent, e.g. "workflow-v1.4.2".
func (a Agent) Tag(v Version) string { return a.Name + "-v" + v.String() }

// TagMessage is the annotation of the agent's release tag, e.g. "Workflow Agent v1.4.2".
func (a Agent) TagMessage(v Version) string { return a.Title + " v" + v.String() }

// ParseAgent returns the agent with the given CLI name.
func ParseAgent(name string) (Agent, error) {
	for _, a := range Agents {
		if a.Name == name {
			return a, nil
		}
	}
	return Agent{}, fmt.Errorf("agent %q is not one of %s", name, strings.Join(agentNames(), ", "))
}

// ParseAgents returns one agent by CLI name, or all of them for "both".
func ParseAgents(name string) ([]Agent, error) {
	if name == Both {
		return Agents, nil
	}
	a, err := ParseAgent(name)
	if err != nil {
		return nil, fmt.Errorf("agent %q is not one of %s, %s", name, strings.Join(agentNames(), ", "), Both)
	}
	return []Agent{a}, nil
}

func agentNames() []string {
	names := make([]string, len(Agents))
	for i, a := range Agents {
		names[i] = a.Name
	}
	return names
}
