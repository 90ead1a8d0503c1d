//go:build e2e

package e2e

import (
	"slices"
	"strings"
	"testing"
)

// TestAThirdAgentThroughTheEngine adds an agent the way a user does, with
// `pulumi config set --path bidopsai:agents.researcher.access read-only` on the real dev stack
// file, then previews and deploys it: the engine announces exactly the plan's resources, and
// AgentCore (the fake, which holds AWS's name rules) gets a runtime for it.
func TestAThirdAgentThroughTheEngine(t *testing.T) {
	t.Parallel()
	p := newProjectEnv(t, "dev", projectOptions{})
	p.setPath(t, "bidopsai:agents.researcher.access", "read-only")
	if !strings.Contains(p.stackFile(t), "researcher:") {
		t.Fatalf("the stack file has no researcher entry:\n%s", p.stackFile(t))
	}
	r := mustSucceed(t, "preview with a third agent", p.preview(t))
	engine, planned := engineResources(r), planResources(t, p, "dev")
	sameResources(t, engine, planned)
	var researcher []string
	for _, e := range engine {
		if strings.Contains(e.URN, "researcher") {
			researcher = append(researcher, e.Type)
		}
	}
	for _, typ := range []string{"aws:ecr/repository:Repository", "aws:iam/role:Role", "bidopsai:index:AgentRuntime",
		"aws:cloudwatch/logGroup:LogGroup", "aws:ssm/parameter:Parameter"} {
		if !slices.Contains(researcher, typ) {
			t.Errorf("the engine announced no %s for the researcher agent (got %v)", typ, researcher)
		}
	}
	mustSucceed(t, "up with a third agent", p.up(t))
	created := false
	for _, c := range p.fake.Calls() {
		if c.Op == "CreateAgentRuntime" && c.Resource == "bidopsai_dev_researcher" && c.Status < 300 {
			created = true
		}
	}
	if !created {
		t.Errorf("no successful CreateAgentRuntime for bidopsai_dev_researcher: %+v", p.fake.Calls())
	}
	if out := p.outputs(t)["researcherAgentRuntimeArn"]; !strings.Contains(out, ":runtime/bidopsai_dev_researcher-") {
		t.Errorf("researcherAgentRuntimeArn = %q", out)
	}
}
