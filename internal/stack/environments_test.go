package stack_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/bidopsai/bidopsai-infra/internal/inventory"
)

func byType(inv *inventory.Inventory, typ string) []inventory.Resource {
	var out []inventory.Resource
	for _, r := range inv.Resources {
		if r.Type == typ {
			out = append(out, r)
		}
	}
	return out
}

// Each environment's stack file shows up in the plan: retention, alarms and their thresholds,
// and runtimes pinned to the image digests the registry tier pushes.
func TestEnvironmentValuesReachTheResources(t *testing.T) {
	want := map[string]struct {
		retention      float64
		alarms         int
		errorThreshold float64
	}{
		"dev":     {30, 0, 0},
		"staging": {90, 3 + 2*2, 10},
		"prod":    {180, 3 + 2*2, 5},
	}
	for env, w := range want {
		t.Run(env, func(t *testing.T) {
			inv := planStack(t, env).Inventory
			for _, lg := range byType(inv, "aws:cloudwatch/logGroup:LogGroup") {
				if got := lg.Inputs["retentionInDays"]; got != w.retention {
					t.Errorf("%s retention %v, want %v", lg.Name, got, w.retention)
				}
			}
			alarms := byType(inv, "aws:cloudwatch/metricAlarm:MetricAlarm")
			if len(alarms) != w.alarms {
				t.Fatalf("%d alarms, want %d", len(alarms), w.alarms)
			}
			topic, _ := inv.Outputs["alarmTopicArn"].(string)
			errorAlarms := 0
			for _, a := range alarms {
				for _, key := range []string{"alarmActions", "okActions"} {
					actions, _ := a.Inputs[key].([]any)
					if len(actions) != 1 || actions[0] != topic {
						t.Errorf("%s %s = %v, want the alarm topic %s", a.Name, key, actions, topic)
					}
				}
				if a.Inputs["metricName"] == "TaskErrors" {
					errorAlarms++
					if a.Inputs["threshold"] != w.errorThreshold {
						t.Errorf("error alarm threshold %v, want %v", a.Inputs["threshold"], w.errorThreshold)
					}
				}
			}
			if w.alarms > 0 && errorAlarms != 1 {
				t.Errorf("%d TaskErrors alarms, want 1", errorAlarms)
			}
			for _, agent := range []string{"workflowAgent", "aiAssistantAgent"} {
				digest, _ := inv.Outputs[agent+"ImageDigest"].(string)
				if !strings.Contains(digest, "@sha256:") {
					t.Fatalf("%s image digest output %q is not pinned", agent, digest)
				}
				found := false
				for _, rt := range byType(inv, "bidopsai:index:AgentRuntime") {
					if rt.Inputs["containerUri"] == digest {
						found = true
					}
				}
				if !found {
					t.Errorf("no runtime runs the pushed %s image %s", agent, digest)
				}
			}
		})
	}
}

// Secret config values never reach the plan file, even when the stack sets them.
func TestSecretValuesStayOutOfThePlan(t *testing.T) {
	values := map[string]string{
		"bidopsai:databasePassword":          "db-password-canary-0123456789",
		"bidopsai:slackCredentials":          `{"bot_token":"slack-canary-1","signing_secret":"slack-canary-2","app_token":"slack-canary-3","workspace_id":"T0"}`,
		"bidopsai:langfuseCredentials":       `{"public_key":"lf-canary-1","secret_key":"lf-canary-2","host":"https://cloud.langfuse.com"}`,
		"bidopsai:integrationAwsCredentials": `{"aws_access_key_id":"AKIACANARY","aws_secret_access_key":"aws-canary-secret","aws_region":"us-east-1"}`,
	}
	res := planWithSecrets(t, "prod", values)
	b, err := json.Marshal(res.Inventory)
	if err != nil {
		t.Fatal(err)
	}
	for _, canary := range []string{"db-password-canary", "slack-canary", "lf-canary", "AKIACANARY", "aws-canary-secret"} {
		if strings.Contains(string(b), canary) {
			t.Errorf("the plan contains the secret value %q", canary)
		}
	}
	for _, rt := range byType(res.Inventory, "bidopsai:index:AgentRuntime") {
		env, _ := json.Marshal(rt.Inputs["environmentVariables"])
		if strings.Contains(string(env), "canary") {
			t.Errorf("runtime %s environment holds a secret value: %s", rt.Name, env)
		}
	}
}
