package release

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// planAgents are the agents of testdata/plan.json; "assistant" shares a suffix with ai-assistant.
var planAgents = []Agent{{ID: "ai-assistant"}, {ID: "assistant"}, {ID: "workflow"}}

func TestAgentTargetsPicksImageAndRuntimeOfOneAgent(t *testing.T) {
	t.Parallel()
	cases := map[string][]string{
		"workflow": {
			"urn:pulumi:dev::bidopsai::bidopsai:registry:Repository$docker:index/image:Image::bidopsai-dev-workflow-image",
			"urn:pulumi:dev::bidopsai::bidopsai:agentcore:Runtime$bidopsai:index:AgentRuntime::bidopsai-dev-workflow",
		},
		"ai-assistant": {
			"urn:pulumi:dev::bidopsai::bidopsai:registry:Repository$docker:index/image:Image::bidopsai-dev-ai-assistant-image",
			"urn:pulumi:dev::bidopsai::bidopsai:agentcore:Runtime$bidopsai:index:AgentRuntime::bidopsai-dev-ai-assistant",
		},
		"assistant": {
			"urn:pulumi:dev::bidopsai::bidopsai:registry:Repository$docker:index/image:Image::bidopsai-dev-assistant-image",
			"urn:pulumi:dev::bidopsai::bidopsai:agentcore:Runtime$bidopsai:index:AgentRuntime::bidopsai-dev-assistant",
		},
	}
	for id, want := range cases {
		got, err := ReadAgentTargets("testdata/plan.json", Agent{ID: id}, planAgents)
		if err != nil || !slices.Equal(got, want) {
			t.Errorf("targets of %s = %v, %v\nwant %v", id, got, err, want)
		}
	}
	t.Run("a_shorter_id_never_takes_a_longer_ids_resources", func(t *testing.T) {
		got, err := ReadAgentTargets("testdata/plan.json", Agent{ID: "flow"}, append(planAgents, Agent{ID: "flow"}))
		if err == nil {
			t.Errorf("agent flow took %v, which belong to workflow", got)
		}
	})
}

func TestAgentTargetsErrors(t *testing.T) {
	t.Parallel()
	wf := Agent{ID: "workflow"}
	cases := []struct{ name, plan, errHas string }{
		{"rejects_plan_without_agent_resources",
			`{"resources":[{"urn":"u","type":"docker:index/image:Image","name":"bidopsai-dev-ai-assistant-image"}]}`,
			"found: bidopsai-dev-ai-assistant-image"},
		{"rejects_empty_plan", `{"resources":[]}`, "found: none"},
		{"rejects_resource_without_urn", `{"resources":[{"type":"bidopsai:index:AgentRuntime","name":"bidopsai-dev-workflow"}]}`, "has no urn"},
		{"rejects_invalid_json", `{"resources":`, "parse plan"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			if _, err := AgentTargets([]byte(c.plan), "plan.json", wf, planAgents); err == nil || !strings.Contains(err.Error(), c.errHas) {
				t.Errorf("err = %v, want one containing %q", err, c.errHas)
			}
		})
	}
	if _, err := ReadAgentTargets(filepath.Join(t.TempDir(), "none.json"), wf, planAgents); err == nil || !strings.Contains(err.Error(), "make plan") {
		t.Errorf("missing plan: err = %v, want a hint to run make plan", err)
	}
}
