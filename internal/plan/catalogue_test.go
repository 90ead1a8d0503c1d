package plan_test

import (
	"fmt"
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
	at         string // the key the error names, when not key itself
}

// prodCognito is the prod cognito object, for rows that set it whole.
const prodCognito = `{"mfa":"ON","deletionProtection":true,"domainPrefix":"bidopsai-prod",` +
	`"callbackUrls":["https://app.bidopsai.com/callback"],"logoutUrls":["https://app.bidopsai.com"]}`

// manyTags is a default tag set that, with each tier's component tag, is over AWS's 50.
func manyTags() string {
	tags := []string{`"project":"bidopsai"`, `"environment":"prod"`, `"managed-by":"pulumi"`}
	for i := len(tags); i < 50; i++ {
		tags = append(tags, fmt.Sprintf(`"t%02d":"v"`, i))
	}
	return `{"tags":{` + strings.Join(tags, ",") + `}}`
}

// hostile are the rows drawn from issue 14: unknown keys in every namespace, secrets in any key,
// long values, AWS limits and the environment safeguards of prod.
var hostile = []badInput{
	{key: "bidops:logLevel", value: "INFO", allowed: `unknown namespace "bidops"`},
	{key: "bidopsai:logLevl", value: "INFO", allowed: "unknown key"},
	{key: "bidopsai:Protect", value: "true", allowed: "unknown key"},
	{key: "aws:regoin", value: "us-east-1", allowed: "unknown key of the AWS provider"},
	{key: "aws:defaultTag", value: `{"tags":{}}`, allowed: "unknown key of the AWS provider", shown: `"{\"tags\":{}}"`},
	{key: "awss:region", value: "us-east-1", allowed: "unknown namespace"},
	{key: "logLevel", value: "INFO", allowed: "<namespace>:<name>"},
	{key: "bidopsai:ecr.tagMutabilty", value: "IMMUTABLE", allowed: "unknown field", shown: `"\"IMMUTABLE\""`},
	{key: "aws:defaultTags.extra", value: "x", allowed: "unknown field", shown: `"\"x\""`},
	{key: "aws:accessKey", value: "AKIAIOSFODNN7EXAMPLE", allowed: "must be a secret", shown: "[secret]"},
	{key: "aws:secretKey", value: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", allowed: "must be a secret", shown: "[secret]"},
	{key: "aws:token", value: "FwoGZXIvYXdzEXAMPLETOKEN", allowed: "must be a secret", shown: "[secret]"},
	{key: "bidopsai:agents", value: `{"workflow":null}`, allowed: "must be an object", shown: `"null"`, at: "bidopsai:agents.workflow"},
	{key: "bidopsai:cognito", value: "null", allowed: "must be an object"},
	{key: "aws:defaultTags", value: "null", allowed: "must be an object"},
	{key: "bidopsai:protect", value: "True", allowed: "true or false"},
	{key: "bidopsai:logLevel", value: "TRACE-in-a-secret", allowed: "DEBUG, INFO, WARN, ERROR", secret: true},
	{key: "bidopsai:notAKey", value: "secret-unknown-value", allowed: "unknown key", secret: true},
	{key: "aws:defaultTags", value: `{"tags":{"project":"bidopsai","environment":"staging-secret","managed-by":"pulumi"}}`,
		allowed: "must equal", secret: true, at: "aws:defaultTags.tags.environment"},
	{key: "bidopsai:cognito", value: strings.Replace(prodCognito, "https://app.bidopsai.com/callback", "http://secret-host.example/cb", 1),
		allowed: "https", secret: true, at: "bidopsai:cognito.callbackUrls"},
	{key: "bidopsai:logLevel", value: "INFO", allowed: "not secret data", secret: true},
	{key: "bidopsai:cognito", value: prodCognito, allowed: "not secret data", secret: true},
	{key: "aws:region", value: "us-east-1", allowed: "only bidopsai:databasePassword", secret: true},
	{key: "bidopsai:logLevel", value: strings.Repeat("A", 5000), allowed: "DEBUG, INFO", shown: "... (5000 characters)"},
	{key: "aws:region", value: "us-east-9", allowed: "known AWS region"},
	{key: "aws:region", value: "US-EAST-1", allowed: "awsvalues.Regions"},
	{key: "aws:region", value: "aws-global", allowed: "known AWS region"},
	{key: "bidopsai:agents.workflow.version", value: "1.2.3+build.7", allowed: "valid image tag"},
	{key: "bidopsai:agents.workflow.version", value: "1.0.0-" + strings.Repeat("a", 122), allowed: "at most 127",
		shown: "... (128 characters)"},
	{key: "bidopsai:network.vpcCidr", value: "10.0.1.0/16", allowed: "no host bits"},
	{key: "bidopsai:network.vpcCidr", value: "010.0.0.0/16", allowed: "without leading zeros"},
	{key: "bidopsai:network.vpcCidr", value: "10.0.0.0/016", allowed: "IPv4 CIDR block"},
	{key: "aws:defaultTags.tags.aws:owner", value: "me", allowed: "not start with aws:", shown: `"aws:owner"`, at: "aws:defaultTags.tags key"},
	{key: "aws:defaultTags.tags.team", value: strings.Repeat("t", 257), allowed: "at most 256", shown: "... (257 characters)",
		at: `aws:defaultTags.tags[\"team\"]`},
	{key: "aws:defaultTags.tags.cost;center", value: "x", allowed: "letters, digits", shown: `"cost;center"`, at: "aws:defaultTags.tags key"},
	{key: "aws:defaultTags.tags.team", value: "AWS:reserved", allowed: "not start with aws:", at: `aws:defaultTags.tags[\"team\"]`},
	{key: "aws:defaultTags", value: manyTags(), allowed: "at most 50 tags", shown: `"50 tags"`, at: "aws:defaultTags.tags"},
	{key: "aws:defaultTags.tags.environment", value: "dev", allowed: "must equal"},
	{key: "bidopsai:agents.workflow.context", value: "agents/missing", allowed: "existing directory"},
	{key: "bidopsai:agents.workflow.context", value: "agents/sample/Dockerfile", allowed: "existing directory"},
	{key: "bidopsai:agents.ai-assistant.dockerfile", value: "agents/sample", allowed: "existing file"},
	{key: "bidopsai:agents.ai-assistant.dockerfile", value: "../../etc/passwd", allowed: "no .."},
	{key: "bidopsai:agents.workflow.context", value: "agents/sample/../../..", allowed: "no .."},
	{key: "bidopsai:cognito.callbackUrls", value: "https://localhost/callback", allowed: "public host"},
	{key: "bidopsai:cognito.callbackUrls", value: "http://localhost:3000/callback", allowed: "no http, localhost"},
	{key: "bidopsai:cognito.callbackUrls", value: "https://LOCALHOST./cb", allowed: "public host"},
	{key: "bidopsai:cognito.logoutUrls", value: "https://127.0.0.1", allowed: "loopback"},
	{key: "bidopsai:cognito.logoutUrls", value: "https://[::1]:8443", allowed: "loopback"},
	{key: "bidopsai:cognito.logoutUrls", value: "http://app.bidopsai.com", allowed: "must use https"},
	{key: "bidopsai:cors.allowedOrigins", value: "http://localhost:3000", allowed: "no http, localhost"},
	{key: "bidopsai:cors.allowedOrigins", value: "https://app.localhost", allowed: "public host"},
	{key: "bidopsai:cors.allowedOrigins", value: "https://0.0.0.0", allowed: "public host"},
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
	{key: "bidopsai:agents.ai-assistant.version", value: "latest", allowed: "SemVer"},
	{key: "bidopsai:agents.workflow.platform", value: "linux/amd64", allowed: "linux/arm64"},
	{key: "bidopsai:agents.workflow.access", value: "admin", allowed: "read-write, read-only"},
	{key: "bidopsai:agents.workflow.timeoutSeconds", value: "0", allowed: "1"},
	{key: "bidopsai:agents", value: `{"aiAssistant":{"access":"read-only"}}`, allowed: "kebab-case", shown: `"aiAssistant"`, at: "bidopsai:agents.aiAssistant"},
	{key: "bidopsai:agents", value: `{"planner":{"version":"1.0.0"}}`, allowed: "read-write, read-only", shown: "missing", at: "bidopsai:agents.planner.access"},
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
	if len(catalogue) < 40 || len(hostile) < 40 {
		t.Fatalf("the catalogue has %d + %d rows; keep at least 40 of each", len(catalogue), len(hostile))
	}
	for i, row := range append(append([]badInput{}, catalogue...), hostile...) {
		name := fmt.Sprintf("%02d_%s", i, strings.NewReplacer(":", "_", ".", "_", "/", "_").Replace(row.key))
		t.Run(name, func(t *testing.T) {
			p, cfg := stackConfig(t, "prod")
			set(t, cfg, row.key, row.value)
			var secrets []string
			if row.secret {
				secrets = []string{row.key}
			}
			res, err := plan.Run(plan.Options{Project: p.Name, Stack: "prod", Config: cfg, SecretKeys: secrets, Dir: projectDir})
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
			}
			if (shown == "[secret]" || len(row.value) > 100) && strings.Contains(msg, row.value) {
				t.Errorf("the error echoes a secret or long value whole: %.300s", msg)
			}
			at := row.at
			if at == "" {
				at = row.key
			}
			for _, want := range []string{`"` + at, shown, row.allowed} {
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
