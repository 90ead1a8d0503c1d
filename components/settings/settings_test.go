package settings

import (
	"encoding/json"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/bidopsai/bidopsai-infra/internal/mock"
	"github.com/bidopsai/bidopsai-infra/internal/mock/mocktest"
)

var wantParameters = []string{
	"/bidopsai/dev/agents/ai-assistant-supervisor/config",
	"/bidopsai/dev/agents/analysis/config",
	"/bidopsai/dev/agents/comms/config",
	"/bidopsai/dev/agents/compliance/config",
	"/bidopsai/dev/agents/content/config",
	"/bidopsai/dev/agents/feature-flags/config",
	"/bidopsai/dev/agents/knowledge/config",
	"/bidopsai/dev/agents/memory/config",
	"/bidopsai/dev/agents/observability/config",
	"/bidopsai/dev/agents/parser/config",
	"/bidopsai/dev/agents/qa/config",
	"/bidopsai/dev/agents/submission/config",
	"/bidopsai/dev/agents/workflow-supervisor/config",
}

var wantSecrets = []string{
	"bidopsai/dev/aws/credentials",
	"bidopsai/dev/database/credentials",
	"bidopsai/dev/database/readonly-credentials",
	"bidopsai/dev/integrations/slack",
	"bidopsai/dev/observability/langfuse",
}

func TestComponentShape(t *testing.T) {
	t.Run("every_child_is_parented_to_the_component_and_named_from_it", func(t *testing.T) {
		mon := agentSettings.MustRun(t, baseArgs())
		comps := mon.ByType(TypeToken)
		if len(comps) != 1 || comps[0].Name != "agents" {
			t.Fatalf("want one %s named agents, got %+v", TypeToken, comps)
		}
		mocktest.CheckChildren(t, mon, TypeToken)
	})
	t.Run("registers_13_parameters_4_secrets_4_versions_and_a_generated_password", func(t *testing.T) {
		mon := agentSettings.MustRun(t, baseArgs())
		for typ, want := range map[string]int{typeParameter: 13, typeSecret: 5, typeVersion: 5, typePassword: 2} {
			if got := len(mon.ByType(typ)); got != want {
				t.Errorf("%s: got %d, want %d", typ, got, want)
			}
		}
		if got := len(mon.Resources()); got != 26 {
			t.Errorf("total resources: got %d, want 26", got)
		}
	})
	t.Run("two_instances_in_one_stack_do_not_collide", func(t *testing.T) {
		mon := mock.New("bidopsai", "dev", "us-east-1")
		err := pulumi.RunErr(func(ctx *pulumi.Context) error {
			for _, n := range []string{"a", "b"} {
				a := baseArgs()
				a.Stack = n + "env"
				if _, err := NewAgentSettings(ctx, n, a); err != nil {
					return err
				}
			}
			return nil
		}, pulumi.WithMocks("bidopsai", "dev", mon))
		if err != nil {
			t.Fatalf("two instances: %v", err)
		}
	})
	t.Run("outputs_carry_the_path_its_arn_pattern_and_each_agents_secret_arns", func(t *testing.T) {
		_, got, err := agentSettings.Outputs(baseArgs(), func(c *AgentSettings) map[string]pulumi.Output {
			return map[string]pulumi.Output{"path": c.ParameterPath, "pathArn": c.ParameterPathArn,
				"workflow": c.ReadWriteSecretArns(), "assistant": c.ReadOnlySecretArns()}
		})
		if err != nil {
			t.Fatal(err)
		}
		path, pathArn, workflow, assistant := got["path"], got["pathArn"], got["workflow"], got["assistant"]
		if path != "/bidopsai/dev/agents" {
			t.Errorf("ParameterPath = %v", path)
		}
		if want := "arn:aws:ssm:us-east-1:123456789012:parameter/bidopsai/dev/agents/*"; pathArn != want {
			t.Errorf("ParameterPathArn = %v, want %s", pathArn, want)
		}
		for _, c := range []struct {
			who   string
			got   any
			names []string
		}{
			{"workflow", workflow, []string{"database/credentials", "aws/credentials", "integrations/slack", "observability/langfuse"}},
			{"assistant", assistant, []string{"database/readonly-credentials", "observability/langfuse"}},
		} {
			arns, _ := c.got.([]string)
			if len(arns) != len(c.names) {
				t.Fatalf("%s secrets %v, want %v", c.who, arns, c.names)
			}
			for i, name := range c.names {
				prefix := "arn:aws:secretsmanager:us-east-1:123456789012:secret:bidopsai/dev/" + name + "-"
				if !strings.HasPrefix(arns[i], prefix) {
					t.Errorf("%s secret %d = %v, want prefix %s", c.who, i, arns[i], prefix)
				}
			}
		}
	})
}

func TestParameters(t *testing.T) {
	mon := agentSettings.MustRun(t, baseArgs())
	params := mon.ByType(typeParameter)
	values := map[string]map[string]any{}
	var names []string
	for _, p := range params {
		name, _, _ := str(p, "name")
		names = append(names, name)
		value, secret, ok := str(p, "insecureValue")
		if !ok || secret {
			t.Fatalf("%s: insecureValue missing or secret", name)
		}
		var obj map[string]any
		if err := json.Unmarshal([]byte(value), &obj); err != nil {
			t.Fatalf("%s: value is not JSON: %v", name, err)
		}
		values[strings.TrimSuffix(strings.TrimPrefix(name, "/bidopsai/dev/agents/"), "/config")] = obj
		for key, want := range map[string]string{"type": "String", "tier": "Standard"} {
			if got, _, _ := str(p, resource.PropertyKey(key)); got != want {
				t.Errorf("%s: %s = %q, want %q", name, key, got, want)
			}
		}
	}
	t.Run("creates_exactly_the_fixed_parameter_names", func(t *testing.T) {
		sort.Strings(names)
		if !slices.Equal(names, wantParameters) {
			t.Errorf("names:\n got %v\nwant %v", names, wantParameters)
		}
	})
	t.Run("supervisors_use_the_supervisor_model_and_agentcore_port_8080", func(t *testing.T) {
		for _, key := range []string{"workflow-supervisor", "ai-assistant-supervisor"} {
			v := values[key]
			if v["model_name"] != baseArgs().SupervisorModelID || v["port"] != 8080.0 || v["enabled"] != true {
				t.Errorf("%s: %v", key, v)
			}
		}
	})
	t.Run("sub_agents_use_the_sub_agent_model", func(t *testing.T) {
		for _, s := range subAgents {
			if v := values[s.key]; v["model_name"] != baseArgs().SubAgentModelID || v["max_tokens"] != float64(s.maxTokens) {
				t.Errorf("%s: %v", s.key, v)
			}
		}
	})
	t.Run("observability_reflects_args_and_the_one_namespace", func(t *testing.T) {
		v := values["observability"]
		want := map[string]any{"langfuse_enabled": false, "cloudwatch_logs_enabled": true,
			"xray_tracing_enabled": true, "log_level": "DEBUG", "metrics_namespace": "BidOpsAI/Agents"}
		for k, w := range want {
			if v[k] != w {
				t.Errorf("observability.%s = %v, want %v", k, v[k], w)
			}
		}
	})
	t.Run("feature_flags_come_from_args", func(t *testing.T) {
		v := values["feature-flags"]
		if len(v) != 2 || v["ENABLE_AI_ASSISTANT"] != false || v["ENABLE_CHECKPOINT_RECOVERY"] != true {
			t.Errorf("feature flags = %v", v)
		}
	})
	t.Run("memory_ttls_match_the_original_design", func(t *testing.T) {
		if v := values["memory"]; v["workflow_memory_ttl_hours"] != 72.0 || v["session_memory_ttl_hours"] != 1.0 {
			t.Errorf("memory = %v", v)
		}
	})
	t.Run("values_are_stable_across_runs", func(t *testing.T) {
		again := mocktest.ByName(agentSettings.MustRun(t, baseArgs()), typeParameter)
		for _, p := range params {
			a, _, _ := str(p, "insecureValue")
			b, _, _ := str(again[p.Name], "insecureValue")
			if a != b {
				t.Errorf("%s changed between runs:\n%s\n%s", p.Name, a, b)
			}
		}
	})
}

func TestDefaults(t *testing.T) {
	t.Run("empty_log_level_and_namespace_default_to_info_and_bidopsai_agents", func(t *testing.T) {
		a := baseArgs()
		a.LogLevel, a.MetricsNamespace, a.FeatureFlags = "", "", nil
		params := agentSettings.MustRun(t, a).ByType(typeParameter)
		for _, p := range params {
			name, _, _ := str(p, "name")
			val, _, _ := str(p, "insecureValue")
			switch {
			case strings.HasSuffix(name, "/observability/config"):
				if !strings.Contains(val, `"log_level":"INFO"`) || !strings.Contains(val, `"metrics_namespace":"BidOpsAI/Agents"`) {
					t.Errorf("observability = %s", val)
				}
			case strings.HasSuffix(name, "/feature-flags/config"):
				if val != "{}" {
					t.Errorf("feature flags without args = %s, want {}", val)
				}
			}
		}
	})
}
