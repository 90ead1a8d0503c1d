package access

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/bidopsai/bidopsai-infra/internal/awsvalues"
	"github.com/bidopsai/bidopsai-infra/internal/tags"
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

// AgentRolesArgs configures the agents' IAM roles. Plain values come from config; the Input
// fields are other tiers' outputs. Plain values (and plain pulumi.String inputs) are validated
// before anything is registered; resolved outputs are checked again when the policies render.
type AgentRolesArgs struct {
	// AccountID is the AWS account of the stack; every ARN and trust condition uses it.
	// No default; exactly 12 digits.
	AccountID string
	// Region is the stack's region, e.g. us-east-1. No default.
	Region string
	// Stack is the stack's name (dev, prod, dev-alice); ParameterPathArn must be
	// /bidopsai/<Stack>/agents/*. No default; lowercase letters, digits and '-'.
	Stack string
	// RepositoryArns are the agent image repositories (registry tier); ECR pull is granted on
	// these only. No default; at least one.
	RepositoryArns []pulumi.StringInput
	// AgentLogGroups are this stack's agent and system log group names (internal/naming). No
	// default; at least one; no wildcards.
	AgentLogGroups []string
	// RuntimeNames are the AgentCore runtime names (internal/naming) whose workload identities
	// the roles may get tokens for. No default; at least one; ^[a-zA-Z][a-zA-Z0-9_]{0,47}$.
	RuntimeNames []string
	// MetricsNamespace is the custom CloudWatch namespace agents emit to (config.MetricsNamespace).
	// No default; not an AWS/ namespace.
	MetricsNamespace string
	// ParameterPathArn is the settings tier's ARN pattern of the agents' parameters. Required.
	ParameterPathArn pulumi.StringInput
	// WorkflowSecretArns are the secrets the workflow agent reads (settings tier). Required (may
	// resolve empty); no wildcards.
	WorkflowSecretArns pulumi.StringArrayInput
	// AssistantSecretArns are the secrets the read-only AI assistant reads: never the read/write
	// database secret or the integration AWS credentials. Required (may resolve empty).
	AssistantSecretArns pulumi.StringArrayInput
	// KMSKeyArn is the stack key (encryption tier). Optional: nil means AWS-managed keys and no
	// KMS statements.
	KMSKeyArn pulumi.StringInput
	// Models are the Bedrock models the agents invoke (internal/inference resolves them).
	// Required; at least one.
	Models []Model
	// DocumentsBucketArn, ArtifactsBucketArn and ProcessedBucketArn are the storage tier's
	// buckets. Required; three different bucket ARNs.
	DocumentsBucketArn, ArtifactsBucketArn, ProcessedBucketArn pulumi.StringInput
	// DataAutomationProjectArn is the Bedrock Data Automation project. Optional until that tier
	// lands: nil means no Data Automation statements.
	DataAutomationProjectArn pulumi.StringInput
	// DatabaseUsername is the workflow agent's database user. Required.
	DatabaseUsername string
	// DatabaseReadOnlyUsername is the AI assistant's read-only database user; must differ from
	// DatabaseUsername. Required.
	DatabaseReadOnlyUsername string
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

// maxNameLength keeps name+"-assistant" plus Pulumi's 8-character suffix within IAM's 64.
const maxNameLength = 64 - 8 - len(suffixAssistant)

var (
	namePattern      = regexp.MustCompile(`^[A-Za-z0-9+=,.@_-]+$`)
	regionPattern    = regexp.MustCompile(`^[a-z]{2}(-[a-z]+)+-[0-9]+$`)
	envPattern       = regexp.MustCompile(`^[a-z][a-z0-9-]{0,31}$`)
	logGroupPattern  = regexp.MustCompile(`^/[.\-_/#A-Za-z0-9]{1,511}$`)
	runtimePattern   = regexp.MustCompile(`^[a-zA-Z][a-zA-Z0-9_]{0,47}$`)
	namespacePattern = regexp.MustCompile(`^[A-Za-z0-9./_#-]{1,255}$`)
	// Bedrock model and inference-profile ids (ListFoundationModels / ListInferenceProfiles).
	modelIDPattern   = regexp.MustCompile(`^[a-z0-9-]+\.[a-z0-9][a-zA-Z0-9.:-]{0,127}$`)
	profileIDPattern = regexp.MustCompile(`^[a-z-]+\.[a-z0-9-]+\.[a-z0-9][a-zA-Z0-9.:-]{0,127}$`)
	dbUserPattern    = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]{0,62}$`)
)

// validate returns every problem with name and args at once, each naming the field.
func validate(name string, a *AgentRolesArgs) error {
	var errs []error
	bad := func(field string, value any, rule string) {
		errs = append(errs, fmt.Errorf("access %q: invalid %s = %#v: %s", name, field, value, rule))
	}
	if !namePattern.MatchString(name) || len(name) > maxNameLength {
		bad("name", name, fmt.Sprintf("must be 1-%d of letters, digits and +=,.@_- (it prefixes the role names)",
			maxNameLength))
	}
	if !awsvalues.AccountID.MatchString(a.AccountID) {
		bad("AgentRolesArgs.AccountID", a.AccountID, "must be exactly 12 digits")
	}
	if !regionPattern.MatchString(a.Region) {
		bad("AgentRolesArgs.Region", a.Region, "must be an AWS region such as us-east-1")
	}
	if !envPattern.MatchString(a.Stack) {
		bad("AgentRolesArgs.Stack", a.Stack, "must be lowercase letters, digits and '-', such as prod")
	}
	checkList(bad, "AgentRolesArgs.AgentLogGroups", a.AgentLogGroups, logGroupPattern,
		"must be a log group name starting with / (letters, digits and . - _ / #)")
	checkList(bad, "AgentRolesArgs.RuntimeNames", a.RuntimeNames, runtimePattern,
		"must match ^[a-zA-Z][a-zA-Z0-9_]{0,47}$ (an AgentCore runtime name)")
	checkModels(bad, a.Models)
	if !namespacePattern.MatchString(a.MetricsNamespace) || strings.HasPrefix(a.MetricsNamespace, "AWS/") {
		bad("AgentRolesArgs.MetricsNamespace", a.MetricsNamespace,
			"must be 1-255 of letters, digits and . / _ # - and not start with AWS/")
	}
	for field, user := range map[string]string{"AgentRolesArgs.DatabaseUsername": a.DatabaseUsername,
		"AgentRolesArgs.DatabaseReadOnlyUsername": a.DatabaseReadOnlyUsername} {
		if !dbUserPattern.MatchString(user) {
			bad(field, user, "must be a database user name (letter or _, then letters, digits, _; at most 63)")
		}
	}
	if a.DatabaseUsername != "" && a.DatabaseUsername == a.DatabaseReadOnlyUsername {
		bad("AgentRolesArgs.DatabaseReadOnlyUsername", a.DatabaseReadOnlyUsername,
			"must differ from DatabaseUsername (the assistant connects as a separate read-only user)")
	}
	errs = append(errs, checkInputs(name, a)...)
	tags.Check("AgentRolesArgs.Tags", a.Tags, bad)
	slices.SortFunc(errs, func(x, y error) int { return strings.Compare(x.Error(), y.Error()) })
	return errors.Join(errs...)
}

// checkModels requires at least one model, each naming its foundation model, an optional
// profile and the Regions it runs in, without wildcards.
func checkModels(bad func(string, any, string), models []Model) {
	if len(models) == 0 {
		bad("AgentRolesArgs.Models", models, "at least one model is required")
	}
	for i, m := range models {
		f := fmt.Sprintf("AgentRolesArgs.Models[%d]", i)
		if !modelIDPattern.MatchString(m.FoundationModelID) {
			bad(f+".FoundationModelID", m.FoundationModelID, "must be a Bedrock model id such as anthropic.claude-sonnet-4-20250514-v1:0")
		}
		if m.ProfileID != "" && !profileIDPattern.MatchString(m.ProfileID) {
			bad(f+".ProfileID", m.ProfileID, "must be an inference profile id such as us.anthropic.claude-sonnet-4-20250514-v1:0")
		}
		checkList(bad, f+".Regions", m.Regions, regionPattern, "must be an AWS region such as us-east-1")
	}
}

// checkList requires at least one value, each matching the pattern, without duplicates.
func checkList(bad func(string, any, string), field string, values []string, p *regexp.Regexp, rule string) {
	if len(values) == 0 {
		bad(field, values, "at least one value is required")
	}
	seen := map[string]bool{}
	for i, v := range values {
		f := fmt.Sprintf("%s[%d]", field, i)
		if !p.MatchString(v) {
			bad(f, v, rule)
		}
		if seen[v] {
			bad(f, v, "is listed twice")
		}
		seen[v] = true
	}
}
