package release

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestAgentTargetsPicksImageAndRuntimeOfOneAgent(t *testing.T) {
	t.Parallel()
	cases := map[string][]string{
		"workflow": {
			"urn:pulumi:dev::bidopsai::bidopsai:registry:Repository$docker:index/image:Image::workflow-image",
			"urn:pulumi:dev::bidopsai::bidopsai:agentcore:Runtime$bidopsai:index:AgentRuntime::workflow-runtime",
		},
		"ai-assistant": {
			"urn:pulumi:dev::bidopsai::bidopsai:registry:Repository$docker:index/image:Image::ai-assistant-image",
			"urn:pulumi:dev::bidopsai::bidopsai:agentcore:Runtime$bidopsai:index:AgentRuntime::ai-assistant-runtime",
		},
	}
	for name, want := range cases {
		a, err := ParseAgent(name)
		if err != nil {
			t.Fatal(err)
		}
		got, err := ReadAgentTargets("testdata/plan.json", a)
		if err != nil || !slices.Equal(got, want) {
			t.Errorf("targets of %s = %v, %v\nwant %v", name, got, err, want)
		}
	}
}

func TestAgentTargetsErrors(t *testing.T) {
	t.Parallel()
	wf := Agents[0]
	cases := []struct{ name, plan, errHas string }{
		{"rejects_plan_without_agent_resources",
			`{"resources":[{"urn":"u","type":"docker:index/image:Image","name":"ai-assistant-image"}]}`,
			"found: ai-assistant-image"},
		{"rejects_empty_plan", `{"resources":[]}`, "found: none"},
		{"rejects_resource_without_urn", `{"resources":[{"type":"bidopsai:index:AgentRuntime","name":"workflow-runtime"}]}`, "has no urn"},
		{"rejects_invalid_json", `{"resources":`, "parse plan"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			if _, err := AgentTargets([]byte(c.plan), "plan.json", wf); err == nil || !strings.Contains(err.Error(), c.errHas) {
				t.Errorf("err = %v, want one containing %q", err, c.errHas)
			}
		})
	}
	if _, err := ReadAgentTargets(filepath.Join(t.TempDir(), "none.json"), wf); err == nil || !strings.Contains(err.Error(), "make plan") {
		t.Errorf("missing plan: err = %v, want a hint to run make plan", err)
	}
}

func TestParseAgentListsAllowedNames(t *testing.T) {
	t.Parallel()
	if _, err := ParseAgent("both"); err == nil || !strings.Contains(err.Error(), "workflow, ai-assistant") {
		t.Errorf("ParseAgent(both) = %v, want an error listing workflow, ai-assistant", err)
	}
}
