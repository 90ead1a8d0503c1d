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
// ImageType or RuntimeType whose logical name contains the agent's name.
func AgentTargets(plan []byte, file string, a Agent) ([]string, error) {
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
		if !strings.Contains(r.Name, a.Name) {
			continue
		}
		if r.URN == "" {
			return nil, fmt.Errorf("plan %s: resource %q (%s) has no urn", file, r.Name, r.Type)
		}
		urns = append(urns, r.URN)
	}
	if len(urns) == 0 {
		return nil, fmt.Errorf("plan %s has no %s or %s named after agent %s (found: %s)",
			file, ImageType, RuntimeType, a.Name, listOrNone(seen))
	}
	return urns, nil
}

// ReadAgentTargets reads the plan at path and returns the agent's targets.
func ReadAgentTargets(path string, a Agent) ([]string, error) {
	plan, err := os.ReadFile(filepath.Clean(path))
	if err != nil {
		return nil, fmt.Errorf("read plan: %w (run make plan first)", err)
	}
	return AgentTargets(plan, path, a)
}

func listOrNone(names []string) string {
	if len(names) == 0 {
		return "none"
	}
	return strings.Join(names, ", ")
}
