package plan_test

import (
	"strings"
	"testing"

	"github.com/bidopsai/bidopsai-infra/internal/plan"
)

// badInput is one row of the bad-input catalogue (security-rules.md §4): a key set to a bad value
// on top of the real prod stack file. The error must name the full key, show the value
// (redacted when secret) and say what is allowed; nothing may be registered.
type badInput struct {
	key, value string
	allowed    string // a fragment of the "what is allowed" text
	secret     bool   // set as a Pulumi secret: the value must never be echoed
	shown      string // how the value appears in the message; default: quoted value
}

var catalogue = []badInput{
	{key: "bidopsai:environment", value: "production", allowed: "dev, staging, prod"},
	{key: "bidopsai:environment", value: "Prod", allowed: "dev, staging, prod"},
	{key: "bidopsai:environment", value: "prod ", allowed: "without leading or trailing spaces"},
	{key: "bidopsai:logRetentionDays", value: "45", allowed: "1, 3, 5, 7, 14, 30"},
	{key: "bidopsai:logRetentionDays", value: "-7", allowed: "base-10 digits"},
	{key: "bidopsai:logRetentionDays", value: "0", allowed: "3653"},
	{key: "bidopsai:logRetentionDays", value: "366", allowed: "365, 400"},
	{key: "bidopsai:logRetentionDays", value: "030", allowed: "without leading zeros"},
	{key: "bidopsai:logRetentionDays", value: "0x1e", allowed: "base-10 digits"},
	{key: "bidopsai:logRetentionDays", value: "30.0", allowed: "base-10 digits"},
	{key: "bidopsai:logRetentionDays", value: "thirty", allowed: "base-10 digits"},
	{key: "bidopsai:logLevel", value: "TRACE", allowed: "DEBUG, INFO, WARN, ERROR"},
	{key: "bidopsai:protect", value: "yes", allowed: "true or false"},
	{key: "bidopsai:forceDestroy", value: "1", allowed: "true or false"},
	{key: "bidopsai:secretRecoveryWindowDays", value: "1", allowed: "between 7 and 30"},
	{key: "bidopsai:secretRecoveryWindowDays", value: "31", allowed: "between 7 and 30"},
	{key: "bidopsai:secretRecoveryWindowDays", value: "-1", allowed: "between 7 and 30"},
	{key: "aws:region", value: "us-east1", allowed: "AWS region code"},
	{key: "bidopsai:ecr.tagMutability", value: "IMMUTABLE_WITH_EXCLUSION", allowed: "MUTABLE, IMMUTABLE"},
	{key: "bidopsai:ecr.keepTaggedImages", value: "0", allowed: "between 1 and 1000"},
	{key: "bidopsai:ecr.maxImageAgeDays", value: "5000", allowed: "between 1 and 3650"},
	{key: "bidopsai:storage.accessLogExpirationDays", value: "0", allowed: "between 1 and 3650"},
	{key: "bidopsai:cognito.mfa", value: "on", allowed: "OFF, OPTIONAL, ON"},
	{key: "bidopsai:cognito.domainPrefix", value: "Bidops_AI", allowed: "lowercase letters, digits or hyphens"},
	{key: "bidopsai:cognito.domainPrefix", value: "my-aws-login", allowed: `"aws", "amazon" or "cognito"`},
	{key: "bidopsai:cors.allowedOrigins", value: "*", allowed: "no path or wildcard", shown: `"*"`},
	{key: "bidopsai:models.supervisor", value: "gpt-4", allowed: "Bedrock model id"},
	{key: "bidopsai:database.port", value: "0", allowed: "between 1 and 65535"},
	{key: "bidopsai:database.username", value: "Agent User", allowed: "PostgreSQL identifier"},
	{key: "bidopsai:agents.workflow.version", value: "1.2", allowed: "SemVer"},
	{key: "bidopsai:agents.workflow.version", value: "01.2.3", allowed: "SemVer"},
	{key: "bidopsai:agents.workflow.version", value: "1.2.3-", allowed: "SemVer"},
	{key: "bidopsai:agents.workflow.version", value: "v1.2.3", allowed: "no v prefix"},
	{key: "bidopsai:agents.aiAssistant.version", value: "latest", allowed: "SemVer"},
	{key: "bidopsai:agents.workflow.platform", value: "linux/amd64", allowed: "linux/arm64"},
	{key: "bidopsai:agents.workflow.context", value: "/srv/agents", allowed: "relative to the project"},
	{key: "bidopsai:agents.workflow.digest", value: "sha256:1234", allowed: "64 lowercase hex digits"},
	{key: "bidopsai:kms.deletionWindowDays", value: "45", allowed: "between 7 and 30"},
	{key: "bidopsai:kms.deletionWindowDays", value: "0", allowed: "between 7 and 30"},
	{key: "bidopsai:alarms.evaluationPeriods", value: "0", allowed: "between 1 and 100"},
	{key: "bidopsai:alarms.periodSeconds", value: "45", allowed: "multiple of 60"},
	{key: "bidopsai:alarms.errorThreshold", value: "-5", allowed: "zero or more"},
	{key: "bidopsai:alarms.llmLatencyMs", value: "1e3", allowed: "decimal number"},
	{key: "bidopsai:alarms.emails", value: "ops@", allowed: "email address", shown: `"ops@"`},
	{key: "bidopsai:tracing.samplingRate", value: "1.5", allowed: "at most 1"},
	{key: "bidopsai:tracing.samplingRate", value: "0", allowed: "above 0"},
	{key: "bidopsai:network.mode", value: "PRIVATE", allowed: "PUBLIC, VPC"},
	{key: "bidopsai:network.vpcCidr", value: "10.0.0.0/8", allowed: "between /16 and /22"},
	{key: "bidopsai:network.egress", value: "OPEN", allowed: "NONE, NAT"},
	{key: "bidopsai:network.natGateways", value: "3", allowed: "1, PER_AZ"},
	{key: "bidopsai:network.databaseCidr", value: "0.0.0.0/0", allowed: "/8 or narrower"},
	{key: "bidopsai:runtime.idleTimeoutSeconds", value: "30", allowed: "between 60 and 28800"},
	{key: "bidopsai:runtime.protocol", value: "grpc", allowed: "HTTP, MCP, A2A"},
	{key: "bidopsai:dataAutomation.stage", value: "PRODUCTION", allowed: "DEVELOPMENT, LIVE"},
	{key: "bidopsai:slackCredentials", value: `{"bot_token":"xoxb-catalogue-secret"}`, allowed: "required fields are", secret: true},
	{key: "bidopsai:langfuseCredentials", value: "not-json-catalogue-secret", allowed: "JSON object", secret: true},
	{key: "bidopsai:databasePassword", value: "short-secret", allowed: "at least 16 characters", secret: true},
}

// set writes value at key, which may be a path into an object key ("bidopsai:ecr.tagMutability").
func set(t *testing.T, cfg map[string]string, key, value string) {
	t.Helper()
	top, path, nested := strings.Cut(key, ".")
	if !nested {
		cfg[top] = value
		return
	}
	obj, err := decodeObject(cfg[top])
	if err != nil {
		t.Fatalf("%s: %v", top, err)
	}
	if err := setPath(obj, strings.Split(path, "."), value); err != nil {
		t.Fatalf("%s: %v", key, err)
	}
	cfg[top] = encodeObject(t, obj)
}

func TestBadInputCatalogue(t *testing.T) {
	if len(catalogue) < 40 {
		t.Fatalf("the catalogue has %d rows; keep at least 40", len(catalogue))
	}
	for _, row := range catalogue {
		name := strings.NewReplacer(":", "_", ".", "_").Replace(row.key) + "=" + row.value
		t.Run(name, func(t *testing.T) {
			p, cfg := stackConfig(t, "prod")
			set(t, cfg, row.key, row.value)
			var secrets []string
			if row.secret {
				secrets = []string{row.key}
			}
			res, err := plan.Run(plan.Options{Project: p.Name, Stack: "prod", Config: cfg, SecretKeys: secrets})
			if err == nil {
				t.Fatalf("%s = %q accepted", row.key, row.value)
			}
			msg := err.Error()
			shown := row.shown
			if shown == "" {
				shown = `"` + row.value + `"`
			}
			if row.secret {
				shown = "[secret]"
				if strings.Contains(msg, row.value) {
					t.Errorf("the error leaks the secret value: %s", msg)
				}
			}
			for _, want := range []string{`"` + row.key, shown, row.allowed} {
				if !strings.Contains(msg, want) {
					t.Errorf("error lacks %q:\n%s", want, msg)
				}
			}
			if n := len(res.Monitor.Resources()); n != 0 {
				t.Errorf("%d resources registered on invalid config", n)
			}
		})
	}
}
