package access

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// scope is the plain, validated part of the args that every ARN is built from.
type scope struct {
	partition, region, account, environment string
}

func newScope(a *AgentRolesArgs) scope {
	return scope{partition: partition(a.Region), region: a.Region, account: a.AccountID, environment: a.Stack}
}

// arn builds arn:<partition>:<service>:<region>:<account>:<rest> (region or account may be "" or "*").
func (s scope) arn(service, region, account, rest string) string {
	return fmt.Sprintf("arn:%s:%s:%s:%s:%s", s.partition, service, region, account, rest)
}

// parameterPath is the only SSM ARN pattern the roles may read.
func (s scope) parameterPath() string {
	return s.arn("ssm", s.region, s.account, "parameter/bidopsai/"+s.environment+"/agents/*")
}

// arnKind is a kind of ARN an input must hold: a rule text and a pattern for this scope.
type arnKind struct {
	rule    string
	pattern func(s scope) string
}

var (
	repositoryArn = arnKind{"must be an ECR repository ARN in this account and region",
		func(s scope) string { return s.anchored("ecr", `repository/[a-z0-9][a-z0-9._/-]*`) }}
	secretArn = arnKind{"must be a Secrets Manager secret ARN in this account and region (no wildcard)",
		func(s scope) string { return s.anchored("secretsmanager", `secret:[A-Za-z0-9/_+=.@-]+`) }}
	keyArn = arnKind{"must be a KMS key ARN in this account and region (not an alias)",
		func(s scope) string { return s.anchored("kms", `key/[A-Za-z0-9-]+`) }}
	projectArn = arnKind{"must be a Bedrock Data Automation project ARN in this account and region",
		func(s scope) string { return s.anchored("bedrock", `data-automation-project/[A-Za-z0-9_-]+`) }}
	bucketArn = arnKind{"must be an S3 bucket ARN (arn:aws:s3:::<bucket>, no key or wildcard)",
		func(scope) string { return `^arn:aws[a-z-]*:s3:::[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$` }}
)

// anchored is the pattern of an ARN of a service in this account and region.
func (s scope) anchored(service, rest string) string {
	return `^arn:aws[a-z-]*:` + service + `:` + regexp.QuoteMeta(s.region) + `:` + s.account + `:` + rest + `$`
}

// check reports whether v is an ARN of kind k in this scope.
func (s scope) check(k arnKind, v string) bool {
	ok, err := regexp.MatchString(k.pattern(s), v)
	return err == nil && ok
}

// checkParameterPath accepts exactly this environment's agents path pattern.
func (s scope) checkParameterPath(v string) error {
	if v != s.parameterPath() {
		return fmt.Errorf("must be %s (the agents' parameter path of this stack)", s.parameterPath())
	}
	return nil
}

// checkInputs validates the Input fields that are plain pulumi.String values, and that required
// ones are set; outputs are checked when they resolve (see refs.go).
func checkInputs(name string, a *AgentRolesArgs) []error {
	s := newScope(a)
	var errs []error
	bad := func(field string, value any, rule string) {
		errs = append(errs, fmt.Errorf("access %q: invalid %s = %#v: %s", name, field, value, rule))
	}
	plain := func(field string, in pulumi.StringInput, k arnKind, required bool) {
		if in == nil {
			if required {
				bad(field, nil, "required")
			}
			return
		}
		if v, ok := in.(pulumi.String); ok && !s.check(k, string(v)) {
			bad(field, string(v), k.rule)
		}
	}
	if len(a.RepositoryArns) == 0 {
		bad("AgentRolesArgs.RepositoryArns", nil, "at least one repository is required")
	}
	for i, r := range a.RepositoryArns {
		plain(fmt.Sprintf("AgentRolesArgs.RepositoryArns[%d]", i), r, repositoryArn, true)
	}
	if a.ParameterPathArn == nil {
		bad("AgentRolesArgs.ParameterPathArn", nil, "required")
	} else if v, ok := a.ParameterPathArn.(pulumi.String); ok {
		if err := s.checkParameterPath(string(v)); err != nil {
			bad("AgentRolesArgs.ParameterPathArn", string(v), err.Error())
		}
	}
	for field, secrets := range map[string]pulumi.StringArrayInput{
		"AgentRolesArgs.WorkflowSecretArns": a.WorkflowSecretArns, "AgentRolesArgs.AssistantSecretArns": a.AssistantSecretArns} {
		if secrets == nil {
			bad(field, nil, "required (an empty pulumi.StringArray grants no secret)")
		} else if list, ok := secrets.(pulumi.StringArray); ok {
			for i, in := range list {
				plain(fmt.Sprintf("%s[%d]", field, i), in, secretArn, true)
			}
		}
	}
	plain("AgentRolesArgs.KMSKeyArn", a.KMSKeyArn, keyArn, false)
	plain("AgentRolesArgs.DataAutomationProjectArn", a.DataAutomationProjectArn, projectArn, false)
	buckets := map[string]string{}
	for _, b := range []struct {
		field string
		in    pulumi.StringInput
	}{{"AgentRolesArgs.DocumentsBucketArn", a.DocumentsBucketArn},
		{"AgentRolesArgs.ArtifactsBucketArn", a.ArtifactsBucketArn},
		{"AgentRolesArgs.ProcessedBucketArn", a.ProcessedBucketArn}} {
		plain(b.field, b.in, bucketArn, true)
		if v, ok := b.in.(pulumi.String); ok {
			if other, dup := buckets[string(v)]; dup {
				bad(b.field, string(v), "must differ from "+strings.TrimPrefix(other, "AgentRolesArgs."))
			}
			buckets[string(v)] = b.field
		}
	}
	return errs
}

// partition is the ARN partition of a region.
func partition(region string) string {
	switch {
	case strings.HasPrefix(region, "cn-"):
		return "aws-cn"
	case strings.HasPrefix(region, "us-gov-"):
		return "aws-us-gov"
	default:
		return "aws"
	}
}
