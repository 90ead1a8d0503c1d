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

// DefaultModelFamilies are the Bedrock model-id prefixes the agents may invoke when
// AgentRolesArgs.ModelFamilies is empty (Claude, Titan, Cohere).
var DefaultModelFamilies = []string{"anthropic.claude", "amazon.titan", "cohere"}

// AgentRolesArgs configures the agents' IAM roles. Plain values come from config; the Input
// fields are other tiers' outputs. Plain values (and plain pulumi.String inputs) are validated
// before anything is registered; resolved outputs are checked again when the policies render.
type AgentRolesArgs struct {
	// AccountID is the AWS account of the stack; every ARN and trust condition uses it.
	// No default; exactly 12 digits.
	AccountID string
	// Region is the stack's region, e.g. us-east-1. No default.
	Region string
	// Environment is the stack's environment (dev, staging, prod); ParameterPathArn must be
	// /bidopsai/<Environment>/agents/*. No default; lowercase letters, digits and '-'.
	Environment string
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
	// SecretArns are the settings tier's secret ARNs the agents read. Required (may resolve empty).
	SecretArns pulumi.StringArrayInput
	// KMSKeyArn is the stack key (encryption tier). Optional: nil means AWS-managed keys and no
	// KMS statements.
	KMSKeyArn pulumi.StringInput
	// ModelFamilies are Bedrock model-id prefixes the agents may invoke. Default
	// DefaultModelFamilies; each lowercase letters, digits, '.' and '-'; no wildcards.
	ModelFamilies []string
	// DocumentsBucketArn, ArtifactsBucketArn and ProcessedBucketArn are the storage tier's
	// buckets. Required; three different bucket ARNs.
	DocumentsBucketArn, ArtifactsBucketArn, ProcessedBucketArn pulumi.StringInput
	// DataAutomationProjectArn is the Bedrock Data Automation project. Optional until that tier
	// lands: nil means no Data Automation statements.
	DataAutomationProjectArn pulumi.StringInput
	// DatabaseUsername is the workflow agent's database user (rds-db:connect). Required.
	DatabaseUsername string
	// DatabaseReadOnlyUsername is the AI assistant's read-only database user; must differ from
	// DatabaseUsername. Required.
	DatabaseReadOnlyUsername string
	// Tags are extra tags for the roles and policies; the tier's component tag always wins.
	// Default none; keys 1-128 characters, not starting with "aws:"; values up to 256 characters.
	Tags map[string]string
}

// maxNameLength keeps name+"-execution" plus Pulumi's 8-character suffix within IAM's 64.
const maxNameLength = 64 - 8 - len(suffixExecution)

var (
	namePattern      = regexp.MustCompile(`^[A-Za-z0-9+=,.@_-]+$`)
	regionPattern    = regexp.MustCompile(`^[a-z]{2}(-[a-z]+)+-[0-9]+$`)
	envPattern       = regexp.MustCompile(`^[a-z][a-z0-9-]{0,31}$`)
	logGroupPattern  = regexp.MustCompile(`^/[.\-_/#A-Za-z0-9]{1,511}$`)
	runtimePattern   = regexp.MustCompile(`^[a-zA-Z][a-zA-Z0-9_]{0,47}$`)
	namespacePattern = regexp.MustCompile(`^[A-Za-z0-9./_#-]{1,255}$`)
	familyPattern    = regexp.MustCompile(`^[a-z0-9][a-z0-9.-]{0,63}$`)
	dbUserPattern    = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]{0,62}$`)
)

// withDefaults returns a copy of args with empty optional values replaced by their defaults.
func withDefaults(in AgentRolesArgs) AgentRolesArgs {
	out := in
	if len(out.ModelFamilies) == 0 {
		out.ModelFamilies = slices.Clone(DefaultModelFamilies)
	}
	return out
}

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
	if !envPattern.MatchString(a.Environment) {
		bad("AgentRolesArgs.Environment", a.Environment, "must be lowercase letters, digits and '-', such as prod")
	}
	checkList(bad, "AgentRolesArgs.AgentLogGroups", a.AgentLogGroups, logGroupPattern,
		"must be a log group name starting with / (letters, digits and . - _ / #)")
	checkList(bad, "AgentRolesArgs.RuntimeNames", a.RuntimeNames, runtimePattern,
		"must match ^[a-zA-Z][a-zA-Z0-9_]{0,47}$ (an AgentCore runtime name)")
	checkList(bad, "AgentRolesArgs.ModelFamilies", a.ModelFamilies, familyPattern,
		"must be a model-id prefix such as anthropic.claude (lowercase letters, digits, '.', '-')")
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
