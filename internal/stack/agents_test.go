package stack_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/bidopsai/bidopsai-infra/internal/inventory"
	"github.com/bidopsai/bidopsai-infra/internal/plan"
	"github.com/bidopsai/bidopsai-infra/internal/policy"
)

// planWithAgent plans a committed stack with one more bidopsai:agents entry, as a user adds one.
func planWithAgent(t *testing.T, env, id string, entry map[string]any) *plan.Result {
	t.Helper()
	p, sc := stackFile(t, env)
	agents := map[string]any{}
	if err := json.Unmarshal([]byte(sc.Values["bidopsai:agents"]), &agents); err != nil {
		t.Fatal(err)
	}
	agents[id] = entry
	b, _ := json.Marshal(agents) // a map of JSON values always marshals
	sc.Values["bidopsai:agents"] = string(b)
	res, err := plan.Run(plan.Options{Project: p.Name, Stack: env, Config: sc.Values, SecretKeys: sc.SecretKeys, Dir: projectDir})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func TestAThirdAgentIsOneConfigEntry(t *testing.T) {
	base := planStack(t, "prod")
	res := planWithAgent(t, "prod", "researcher", map[string]any{"access": "read-only", "version": "0.1.0",
		"context": "agents/sample", "dockerfile": "agents/sample/Dockerfile", "platform": "linux/arm64"})
	inv := res.Inventory
	t.Run("gets_its_repository_image_role_runtime_log_group_and_alarms", func(t *testing.T) {
		added := map[string]int{}
		old := map[string]bool{}
		for _, r := range base.Inventory.Resources {
			old[r.URN] = true
		}
		for _, r := range inv.Resources {
			if !old[r.URN] {
				added[r.Type]++
			}
		}
		for typ, n := range map[string]int{
			"aws:ecr/repository:Repository": 1, "docker:index/image:Image": 1, "aws:iam/role:Role": 1,
			"aws:iam/policy:Policy": 1, "aws:iam/rolePolicyAttachment:RolePolicyAttachment": 2,
			"bidopsai:index:AgentRuntime": 1, "aws:ssm/parameter:Parameter": 1,
		} {
			if added[typ] < n {
				t.Errorf("%d new %s, want at least %d (added: %v)", added[typ], typ, n, added)
			}
		}
		if !hasInput(inv, "aws:cloudwatch/logGroup:LogGroup", "name", "/bidopsai/prod/agents/researcher") {
			t.Error("no log group /bidopsai/prod/agents/researcher")
		}
		if !hasInput(inv, "bidopsai:index:AgentRuntime", "agentRuntimeName", "bidopsai_prod_researcher") {
			t.Error("no runtime bidopsai_prod_researcher")
		}
		alarms := 0
		for _, r := range byType(inv, "aws:cloudwatch/metricAlarm:MetricAlarm") {
			if strings.Contains(r.Name, "researcher") {
				alarms++
			}
		}
		if alarms == 0 {
			t.Error("no alarm watches the researcher runtime")
		}
		for _, k := range []string{"researcherAgentRuntimeArn", "researcherAgentRoleArn", "researcherAgentRepositoryUri"} {
			if _, ok := res.Inventory.Outputs[k]; !ok {
				t.Errorf("no stack output %s", k)
			}
		}
	})
	t.Run("its_read_only_role_writes_nothing", func(t *testing.T) {
		own := policyStatements(t, inv, "bidopsai-prod-researcher-policy")
		if len(own) == 0 {
			t.Fatal("no own policy statements")
		}
		for _, s := range own {
			for _, a := range s.Action {
				if s.Effect == "Allow" && !readVerb(a[strings.Index(a, ":")+1:]) {
					t.Errorf("researcher role allows %s", a)
				}
			}
		}
		for _, v := range policy.Check(inv, policy.Prod).Violations {
			if strings.Contains(v.URN, "researcher") {
				t.Errorf("%s %s on %s: %s", v.Level, v.Rule, v.URN, v.Message)
			}
		}
	})
}

// policyStatements are the statements of the policy with a logical name.
func policyStatements(t *testing.T, inv *inventory.Inventory, name string) []statement {
	t.Helper()
	for _, p := range byType(inv, tPolicy) {
		if p.Name == name {
			var doc struct{ Statement []statement }
			text, _ := p.Inputs["policy"].(string)
			if err := json.Unmarshal([]byte(text), &doc); err != nil {
				t.Fatal(err)
			}
			return doc.Statement
		}
	}
	t.Fatalf("no policy %s", name)
	return nil
}

// readVerb is true for the verbs of reads (and model inference, decrypting, connecting as the
// read-only database user).
func readVerb(v string) bool {
	for _, p := range []string{"Get", "BatchGet", "List", "Describe", "Query", "Retrieve", "InvokeModel", "Decrypt", "connect"} {
		if strings.HasPrefix(v, p) {
			return true
		}
	}
	return false
}

func hasInput(inv *inventory.Inventory, typ, key, value string) bool {
	for _, r := range byType(inv, typ) {
		if v, _ := r.Inputs[key].(string); v == value {
			return true
		}
	}
	return false
}
