package release

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// The resource types that make up one agent's rollout: its image and its runtime.
const (
	ImageType   = "docker:index/image:Image"
	RuntimeType = "bidopsai:index:AgentRuntime"
)

// planFile is the part of build/plan/<stack>.json that targeting needs.
type planFile struct {
	Resources []struct {
		URN  string `json:"urn"`
		Type string `json:"type"`
		Name string `json:"name"`
	} `json:"resources"`
}

// AgentTargets returns, in plan order, the URNs of the agent's image and runtime: resources of
// ImageType or RuntimeType named <...>-<id> or <...>-<id>-image. A name that fits two
// configured agents (ai-assistant and assistant) belongs to the longer id.
func AgentTargets(plan []byte, file string, a Agent, configured []Agent) ([]string, error) {
	var p planFile
	if err := json.Unmarshal(plan, &p); err != nil {
		return nil, fmt.Errorf("parse plan %s: %w", file, err)
	}
	var urns, seen []string
	for _, r := range p.Resources {
		if r.Type != ImageType && r.Type != RuntimeType {
			continue
		}
		seen = append(seen, r.Name)
		if owner(r.Name, configured) != a.ID {
			continue
		}
		if r.URN == "" {
			return nil, fmt.Errorf("plan %s: resource %q (%s) has no urn", file, r.Name, r.Type)
		}
		urns = append(urns, r.URN)
	}
	if len(urns) == 0 {
		return nil, fmt.Errorf("plan %s has no %s or %s named after agent %s (found: %s)",
			file, ImageType, RuntimeType, a.ID, listOrNone(seen))
	}
	return urns, nil
}

// owner is the id of the configured agent a resource name belongs to, or "".
func owner(name string, configured []Agent) string {
	best := ""
	for _, a := range configured {
		named := strings.HasSuffix(name, "-"+a.ID) || strings.HasSuffix(name, "-"+a.ID+"-image")
		if named && len(a.ID) > len(best) {
			best = a.ID
		}
	}
	return best
}

// ReadAgentTargets reads the plan at path and returns the agent's targets.
func ReadAgentTargets(path string, a Agent, configured []Agent) ([]string, error) {
	plan, err := os.ReadFile(filepath.Clean(path))
	if err != nil {
		return nil, fmt.Errorf("read plan: %w (run make plan first)", err)
	}
	return AgentTargets(plan, path, a, configured)
}

func listOrNone(names []string) string {
	if len(names) == 0 {
		return "none"
	}
	return strings.Join(names, ", ")
}
