package settings

import (
	"fmt"
	"regexp"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/bidopsai/bidopsai-infra/internal/awsvalues"
	"github.com/bidopsai/bidopsai-infra/internal/naming"
	"github.com/bidopsai/bidopsai-infra/internal/tier"
)

// DefaultMetricsNamespace is the one CloudWatch namespace the agents emit to and the dashboards read.
const DefaultMetricsNamespace = "BidOpsAI/Agents"

// LogLevels are the accepted values of AgentSettingsArgs.LogLevel.
var LogLevels = []string{"DEBUG", "INFO", "WARN", "ERROR"}

// AgentSettingsArgs configures the agents' SSM parameters and Secrets Manager secrets.
type AgentSettingsArgs struct {
	// Stack is the stack's name (dev, prod, dev-alice): data for the paths
	// (/bidopsai/<stack>/agents/...) and secret names
	// (bidopsai/<stack>/...). Required; lowercase letters, digits and hyphens, at most 32.
	Stack string
	// Region is the AWS region the stack deploys to, e.g. us-east-1. Required.
	Region string `config:"aws:region"`
	// AccountID is the 12-digit AWS account id, used to build ParameterPathArn. Required.
	AccountID string
	// Supervisors are the agents' supervisors, each with its own <Agent>-supervisor parameter.
	// Required; at least one; distinct lowercase kebab-case agent ids.
	Supervisors []Supervisor
	// SupervisorModelID is the Bedrock model id, inference-profile id or ARN for every supervisor.
	// Required; a model or inference profile id (awsvalues.ModelOrProfileID).
	SupervisorModelID string
	// SubAgentModelID is the model for the eight sub-agents; same constraint as SupervisorModelID.
	SubAgentModelID string
	// LogLevel is the agents' log level: DEBUG, INFO, WARN or ERROR.
	LogLevel string `config:"logLevel" default:"INFO"`
	// MetricsNamespace is the CloudWatch namespace for agent metrics: at most 255 of
	// [A-Za-z0-9 ._/#:-], not starting with "AWS/".
	MetricsNamespace string `default:"BidOpsAI/Agents"`
	// TracingEnabled turns X-Ray tracing on in the observability config. Default false.
	TracingEnabled bool `config:"tracing.enabled"`
	// LangfuseEnabled turns Langfuse tracing on in the observability config. Default false.
	LangfuseEnabled bool
	// FeatureFlags are written to feature-flags/config. Default none; keys match
	// ^[A-Za-z][A-Za-z0-9_]{0,63}$.
	FeatureFlags map[string]bool
	// Database is the non-secret part of the database credentials secret.
	Database Database
	// DatabasePassword is the database password (a secret). Default: a generated 32-character
	// alphanumeric password, stable across runs, written once (later manual edits are kept).
	DatabasePassword pulumi.StringInput
	// DatabaseReadOnlyPassword is the read-only user's password (a secret). Default: generated
	// and written once, like DatabasePassword.
	DatabaseReadOnlyPassword pulumi.StringInput
	// SlackCredentials is the Slack secret as a JSON object string. Default: a placeholder
	// written once (later manual edits are kept). A non-object value fails the deployment.
	SlackCredentials pulumi.StringInput
	// LangfuseCredentials is the Langfuse secret as a JSON object string. Default and
	// constraint as SlackCredentials.
	LangfuseCredentials pulumi.StringInput
	// IntegrationAWSCredentials is the external-integration AWS credentials secret as a JSON
	// object string. Default and constraint as SlackCredentials.
	IntegrationAWSCredentials pulumi.StringInput
	// RecoveryWindowDays is how long a deleted secret can be restored: 0 (immediate) or 7-30.
	// Default 0.
	RecoveryWindowDays int `config:"secretRecoveryWindowDays"`
	// KMSKeyArn is an optional customer-managed KMS key for the secrets. Default: aws/secretsmanager.
	KMSKeyArn pulumi.StringInput
	// Protect turns on protect + retain-on-delete for the secrets. Default false.
	Protect bool
	// Tags are extra tags; the component=settings tag is always added.
	Tags map[string]string
}

// Supervisor is one agent's supervisor configuration.
type Supervisor struct {
	// Agent is the agent id (workflow, ai-assistant); the parameter is <Agent>-supervisor/config.
	Agent string
	// TimeoutSeconds is the supervisor's request timeout. 1-3600.
	TimeoutSeconds int
}

// Database is the non-secret part of the database credentials secret. In the default (generated
// password) mode it is written once like the password, so a later change here is not applied.
type Database struct {
	// Host is the database endpoint, a DNS name; the placeholder until the database exists.
	Host string `config:"database.host" default:"<RDS_ENDPOINT>"`
	// Port is the database port, 1-65535.
	Port int `config:"database.port" default:"5432"`
	// Name is the database name, a lowercase PostgreSQL identifier.
	Name string `config:"database.name" default:"bidopsai"`
	// Username is the read-write agents' database user; same rule as Name.
	Username string `config:"database.username" default:"bidopsai_agent"`
	// ReadOnlyUsername is the read-only agents' user; same rule as Name; must differ from Username.
	ReadOnlyUsername string `config:"database.readOnlyUsername" default:"bidopsai_assistant"`
}

// hostPlaceholder is Database.Host before the database exists (no database is in this stack).
const hostPlaceholder = "<RDS_ENDPOINT>"

var (
	envPattern   = regexp.MustCompile(`^[a-z][a-z0-9-]{0,31}$`)
	flagPattern  = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_]{0,63}$`)
	identPattern = regexp.MustCompile(`^[a-z_][a-z0-9_]{0,62}$`)
	hostPattern  = regexp.MustCompile(`^[a-zA-Z0-9]([a-zA-Z0-9.-]{0,251}[a-zA-Z0-9])?$`)
)

// Validate reports every problem with args, each naming its field.
func (a *AgentSettingsArgs) Validate(name string) error {
	if a == nil {
		return tier.NilArgs(component, name)
	}
	c := tier.NewChecker(component, name, "AgentSettingsArgs")
	c.Check(envPattern.MatchString(a.Stack), "Stack", a.Stack,
		"must match ^[a-z][a-z0-9-]{0,31}$")
	c.Region("Region", a.Region)
	c.AccountID("AccountID", a.AccountID)
	c.Check(len(a.Supervisors) > 0, "Supervisors", len(a.Supervisors), "at least one supervisor is required")
	seen := map[string]bool{}
	for i, sv := range a.Supervisors {
		f := fmt.Sprintf("Supervisors[%d]", i)
		c.Check(naming.AgentIDPattern.MatchString(sv.Agent) && !seen[sv.Agent], f+".Agent", sv.Agent,
			"must be a distinct lowercase kebab-case agent id")
		c.Check(sv.TimeoutSeconds >= 1 && sv.TimeoutSeconds <= 3600, f+".TimeoutSeconds", sv.TimeoutSeconds, "must be 1-3600")
		seen[sv.Agent] = true
	}
	c.Check(awsvalues.ModelOrProfileID.MatchString(a.SupervisorModelID), "SupervisorModelID", a.SupervisorModelID,
		awsvalues.ModelOrProfileRule)
	c.Check(awsvalues.ModelOrProfileID.MatchString(a.SubAgentModelID), "SubAgentModelID", a.SubAgentModelID,
		awsvalues.ModelOrProfileRule)
	c.OneOf("LogLevel", a.LogLevel, LogLevels)
	c.Check(awsvalues.ValidMetricsNamespace(a.MetricsNamespace), "MetricsNamespace", a.MetricsNamespace, awsvalues.MetricsNamespaceRule)
	for _, k := range sortedKeys(a.FeatureFlags) {
		c.Check(flagPattern.MatchString(k), "FeatureFlags", k, "keys must match ^[A-Za-z][A-Za-z0-9_]{0,63}$")
	}
	d := a.Database
	c.Check(hostPattern.MatchString(d.Host) || d.Host == hostPlaceholder, "Database.Host", d.Host, "must be a DNS host name")
	c.Between("Database.Port", d.Port, 1, 65535)
	const ident = "must be a lowercase PostgreSQL identifier (letters, digits, underscores; max 63)"
	c.Check(identPattern.MatchString(d.Name), "Database.Name", d.Name, ident)
	c.Check(identPattern.MatchString(d.Username), "Database.Username", d.Username, ident)
	c.Check(identPattern.MatchString(d.ReadOnlyUsername), "Database.ReadOnlyUsername", d.ReadOnlyUsername, ident)
	c.Check(d.ReadOnlyUsername != d.Username, "Database.ReadOnlyUsername", d.ReadOnlyUsername,
		"must differ from the read-write username, so read-only agents connect read-only")
	c.Check(a.RecoveryWindowDays == 0 || (a.RecoveryWindowDays >= 7 && a.RecoveryWindowDays <= 30),
		"RecoveryWindowDays", a.RecoveryWindowDays, "must be 0 (delete at once) or between 7 and 30 days")
	return c.Err()
}
