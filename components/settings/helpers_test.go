package settings

import (
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"

	"github.com/bidopsai/bidopsai-infra/internal/mock"
	"github.com/bidopsai/bidopsai-infra/internal/mock/mocktest"
)

const (
	typeParameter = "aws:ssm/parameter:Parameter"
	typeSecret    = "aws:secretsmanager/secret:Secret"
	typeVersion   = "aws:secretsmanager/secretVersion:SecretVersion"
	typePassword  = "random:index/randomPassword:RandomPassword"
)

// baseArgs is a valid argument set; tests copy and change one thing.
func baseArgs() *AgentSettingsArgs {
	return &AgentSettingsArgs{
		Stack:             "dev",
		Region:            "us-east-1",
		AccountID:         mock.Account,
		Supervisors:       []Supervisor{{Agent: "ai-assistant", TimeoutSeconds: 180}, {Agent: "workflow", TimeoutSeconds: 300}},
		SupervisorModelID: "us.anthropic.claude-sonnet-4-20250514-v1:0",
		SubAgentModelID:   "us.anthropic.claude-3-5-haiku-20241022-v1:0",
		LogLevel:          "DEBUG",
		TracingEnabled:    true,
		FeatureFlags:      map[string]bool{"ENABLE_AI_ASSISTANT": false, "ENABLE_CHECKPOINT_RECOVERY": true},
	}
}

// agentSettings runs the component under the mock; assertions happen after it returns.
var agentSettings = mocktest.Tier[*AgentSettingsArgs, *AgentSettings]{Stack: "dev", Region: "us-east-1", Name: "agents",
	New: NewAgentSettings}

// str returns a string input, unwrapping a secret; ok is false when absent or not a string.
func str(r mock.Resource, key resource.PropertyKey) (value string, secret, ok bool) {
	v, found := r.Inputs[key]
	if !found {
		return "", false, false
	}
	if v.IsSecret() {
		v, secret = v.SecretValue().Element, true
	}
	if !v.IsString() {
		return "", secret, false
	}
	return v.StringValue(), secret, true
}

// plainStrings calls fn for every string in v that is not under a secret marker.
func plainStrings(v resource.PropertyValue, fn func(string)) {
	switch {
	case v.IsSecret():
		return
	case v.IsString():
		fn(v.StringValue())
	case v.IsArray():
		for _, e := range v.ArrayValue() {
			plainStrings(e, fn)
		}
	case v.IsObject():
		for _, e := range v.ObjectValue() {
			plainStrings(e, fn)
		}
	}
}
