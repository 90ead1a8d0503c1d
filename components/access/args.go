package access

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/bidopsai/bidopsai-infra/internal/awsvalues"
	"github.com/bidopsai/bidopsai-infra/internal/naming"
	"github.com/bidopsai/bidopsai-infra/internal/tier"
)

// Model is one Bedrock model the agents invoke: through a cross-Region inference profile (the
// profile and the foundation model in each Region it routes to) or on demand in one Region.
type Model struct {
	// ProfileID is the system-defined inference profile id, e.g. us.anthropic.claude-sonnet-4-20250514-v1:0;
	// empty for an on-demand model. No wildcards.
	ProfileID string
	// FoundationModelID is the model the profile routes to (or the on-demand model), e.g.
	// anthropic.claude-sonnet-4-20250514-v1:0. Required; no wildcards.
	FoundationModelID string
	// Regions are where the model runs: the profile's destination Regions for the stack's Region,
	// or the stack's Region for an on-demand model. Required; at least one.
	Regions []string
}

// Level is what an agent's role may do with the stack's data.
type Level string

// The access levels of bidopsai:agents.<id>.access.
const (
	// ReadWrite also writes artifacts and processed objects, Memory events and Data Automation jobs.
	ReadWrite Level = tier.ReadWriteAccess
	// ReadOnly only reads (SR-IAM-8): documents and processed objects, models, Memory.
	ReadOnly Level = tier.ReadOnlyAccess
)

// Levels are the accepted values of Agent.Access.
var Levels = []string{string(ReadWrite), string(ReadOnly)}

// Agent is one agent whose role the tier creates.
type Agent struct {
	// ID is the agent id, lowercase kebab-case (workflow, ai-assistant); the role is <name>-<ID>.
	ID string
	// Access decides the role's own policy. Required.
	Access Level
	// RepositoryArn is the agent's image repository (registry tier). Required.
	RepositoryArn pulumi.StringInput
	// RuntimeName is its AgentCore runtime name (internal/naming); ^[a-zA-Z][a-zA-Z0-9_]{0,47}$.
	RuntimeName string
	// LogGroup is its application log group (internal/naming); no wildcards.
	LogGroup string
	// SecretArns are the secrets this agent reads (settings tier). Required (may resolve empty).
	SecretArns pulumi.StringArrayInput
	// DatabaseUser is the database user it connects as; a read-only agent's user must be no
	// read/write agent's user.
	DatabaseUser string
}

// AgentRolesArgs configures the agents' IAM roles. Plain values come from config; the Input
// fields are other tiers' outputs, whose ARNs the policy rules check in the plan.
type AgentRolesArgs struct {
	// AccountID is the AWS account of the stack; every ARN and trust condition uses it.
	// No default; exactly 12 digits.
	AccountID string
	// Region is the stack's region, e.g. us-east-1. No default.
	Region string
	// Agents get one role each. At least one; distinct ids.
	Agents []Agent
	// SystemLogGroup is the stack's system log group (internal/naming). Required.
	SystemLogGroup string
	// MetricsNamespace is the custom CloudWatch namespace agents emit to (config.MetricsNamespace).
	// No default; not an AWS/ namespace.
	MetricsNamespace string
	// ParameterPathArn is the settings tier's ARN pattern of the agents' parameters. Required.
	ParameterPathArn pulumi.StringInput
	// KMSKeyArn is the stack key (encryption tier). Optional: nil means AWS-managed keys and no
	// KMS statements.
	KMSKeyArn pulumi.StringInput
	// Models are the Bedrock models the agents invoke (internal/inference resolves them).
	// Required; at least one.
	Models []Model
	// DocumentsBucketArn, ArtifactsBucketArn and ProcessedBucketArn are the storage tier's
	// buckets. Required.
	DocumentsBucketArn, ArtifactsBucketArn, ProcessedBucketArn pulumi.StringInput
	// DataAutomationProjectArn is the Bedrock Data Automation project. Optional: nil means no
	// Data Automation statements.
	DataAutomationProjectArn pulumi.StringInput
	// DatabaseIAMAuth grants rds-db:connect as each role's own user (RDS/Aurora with IAM database
	// authentication on). Default false: the agents use the passwords in their secrets.
	DatabaseIAMAuth bool
	// JWTAuthorizer says the runtimes accept only end-user JWTs: the roles then get workload
	// tokens for JWTs only and GetWorkloadAccessTokenForUserId is denied. Default false.
	JWTAuthorizer bool
	// Tags are extra tags for the roles and policies; the tier's component tag always wins.
	// Default none; keys 1-128 characters, not starting with "aws:"; values up to 256 characters.
	Tags map[string]string
}

// maxRoleName is IAM's role name limit; Pulumi appends an 8-character suffix to <name>-<id>.
const maxRoleName = 64 - 8

var (
	namePattern      = regexp.MustCompile(`^[A-Za-z0-9+=,.@_-]+$`)
	logGroupPattern  = regexp.MustCompile(`^/[.\-_/#A-Za-z0-9]{1,511}$`)
	profileIDPattern = regexp.MustCompile(`^[a-z-]+\.[a-z0-9-]+\.[a-z0-9][a-zA-Z0-9.:-]{0,127}$`)
	dbUserPattern    = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]{0,62}$`)
)

// validate returns every problem with name and args at once, each naming the field.
func validate(name string, a *AgentRolesArgs) error {
	c := tier.NewChecker(component, name, "AgentRolesArgs")
	c.Name(namePattern.MatchString(name), "must be letters, digits and +=,.@_- (it prefixes the role names)")
	c.AccountID("AccountID", a.AccountID)
	c.Region("Region", a.Region)
	checkAgents(c, name, a)
	c.Check(logGroupPattern.MatchString(a.SystemLogGroup), "SystemLogGroup", a.SystemLogGroup,
		"must be a log group name starting with / (letters, digits and . - _ / #)")
	checkModels(c, a.Models)
	c.Check(awsvalues.ValidMetricsNamespace(a.MetricsNamespace), "MetricsNamespace", a.MetricsNamespace,
		awsvalues.MetricsNamespaceRule)
	for _, in := range []struct {
		field string
		in    pulumi.Input
	}{{"ParameterPathArn", a.ParameterPathArn}, {"DocumentsBucketArn", a.DocumentsBucketArn},
		{"ArtifactsBucketArn", a.ArtifactsBucketArn}, {"ProcessedBucketArn", a.ProcessedBucketArn}} {
		c.Check(in.in != nil, in.field, nil, "required")
	}
	c.Tags("Tags", a.Tags)
	return c.Err()
}

// checkAgents requires at least one agent, each complete, with distinct ids, and read-only
// agents connecting to the database as no read/write agent's user.
func checkAgents(c *tier.Checker, name string, a *AgentRolesArgs) {
	if len(a.Agents) == 0 {
		c.Bad("Agents", nil, "at least one agent is required")
	}
	ids, writers := map[string]bool{}, map[string]bool{}
	for _, ag := range a.Agents {
		if ag.Access == ReadWrite {
			writers[ag.DatabaseUser] = true
		}
	}
	for i, ag := range a.Agents {
		f := fmt.Sprintf("Agents[%d]", i)
		if suffix, _ := roleSuffix(ag.ID); !naming.AgentIDPattern.MatchString(ag.ID) || ids[ag.ID] || len(name+suffix) > maxRoleName {
			c.Bad(f+".ID", ag.ID, fmt.Sprintf("must be a distinct lowercase kebab-case id; %q+\"-\"+id at most %d characters (IAM role names)", name, maxRoleName))
		}
		ids[ag.ID] = true
		if !slices.Contains(Levels, string(ag.Access)) {
			c.Bad(f+".Access", ag.Access, "must be one of "+strings.Join(Levels, ", "))
		}
		if ag.RepositoryArn == nil {
			c.Bad(f+".RepositoryArn", nil, "required")
		}
		if ag.SecretArns == nil {
			c.Bad(f+".SecretArns", nil, "required (an empty pulumi.StringArray grants no secret)")
		}
		if !awsvalues.RuntimeName.MatchString(ag.RuntimeName) {
			c.Bad(f+".RuntimeName", ag.RuntimeName, awsvalues.RuntimeNameRule)
		}
		if !logGroupPattern.MatchString(ag.LogGroup) {
			c.Bad(f+".LogGroup", ag.LogGroup, "must be a log group name starting with / (letters, digits and . - _ / #)")
		}
		if !dbUserPattern.MatchString(ag.DatabaseUser) {
			c.Bad(f+".DatabaseUser", ag.DatabaseUser, "must be a database user name (letter or _, then letters, digits, _; at most 63)")
		} else if ag.Access == ReadOnly && writers[ag.DatabaseUser] {
			c.Bad(f+".DatabaseUser", ag.DatabaseUser, "must differ from every read-write agent's user (a read-only agent connects read-only)")
		}
	}
}

// checkModels requires at least one model, each naming its foundation model, an optional
// profile and the Regions it runs in, without wildcards.
func checkModels(c *tier.Checker, models []Model) {
	if len(models) == 0 {
		c.Bad("Models", models, "at least one model is required")
	}
	for i, m := range models {
		f := fmt.Sprintf("Models[%d]", i)
		if !awsvalues.FoundationModelID.MatchString(m.FoundationModelID) {
			c.Bad(f+".FoundationModelID", m.FoundationModelID, "must be a Bedrock model id such as anthropic.claude-sonnet-4-20250514-v1:0")
		}
		if m.ProfileID != "" && !profileIDPattern.MatchString(m.ProfileID) {
			c.Bad(f+".ProfileID", m.ProfileID, "must be an inference profile id such as us.anthropic.claude-sonnet-4-20250514-v1:0")
		}
		checkList(c, f+".Regions", m.Regions, awsvalues.ValidRegion, awsvalues.RegionRule)
	}
}

// checkList requires at least one value, each matching the pattern, without duplicates.
func checkList(c *tier.Checker, field string, values []string, ok func(string) bool, rule string) {
	if len(values) == 0 {
		c.Bad(field, values, "at least one value is required")
	}
	seen := map[string]bool{}
	for i, v := range values {
		f := fmt.Sprintf("%s[%d]", field, i)
		if !ok(v) {
			c.Bad(f, v, rule)
		}
		if seen[v] {
			c.Bad(f, v, "is listed twice")
		}
		seen[v] = true
	}
}
