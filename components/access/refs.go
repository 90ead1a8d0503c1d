package access

import (
	"errors"
	"fmt"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// refs are the other tiers' outputs, resolved and checked.
type refs struct {
	repositories                    []string
	parameterPath                   string
	workflowSecrets                 []string
	assistantSecrets                []string
	key                             string // "" without a stack key
	documents, artifacts, processed string
	project                         string // "" without a Data Automation project
}

// Positions in the pulumi.All array; the repositories follow iRepositories.
const (
	iParameterPath = iota
	iWorkflowSecrets
	iAssistantSecrets
	iKey
	iDocuments
	iArtifacts
	iProcessed
	iProject
	iRepositories
)

// collect waits for every Input the policies need.
func collect(a *AgentRolesArgs) pulumi.ArrayOutput {
	items := []any{a.ParameterPathArn, a.WorkflowSecretArns, a.AssistantSecretArns, orEmpty(a.KMSKeyArn), a.DocumentsBucketArn,
		a.ArtifactsBucketArn, a.ProcessedBucketArn, orEmpty(a.DataAutomationProjectArn)}
	for _, r := range a.RepositoryArns {
		items = append(items, r)
	}
	return pulumi.All(items...)
}

func orEmpty(in pulumi.StringInput) pulumi.StringInput {
	if in == nil {
		return pulumi.String("")
	}
	return in
}

// decode turns the resolved values into refs, rejecting any value that would widen a grant
// (a wildcard, another account, the same bucket twice).
func decode(name string, s scope, vs []any) (refs, error) {
	var errs []error
	bad := func(field string, value any, rule string) {
		errs = append(errs, fmt.Errorf("access %q: resolved %s = %#v: %s", name, field, value, rule))
	}
	str := func(i int, field string) string {
		v, ok := vs[i].(string)
		if !ok {
			bad(field, vs[i], "expected a string")
		}
		return v
	}
	arn := func(i int, field string, k arnKind, optional bool) string {
		v := str(i, field)
		if (!optional || v != "") && !s.check(k, v) {
			bad(field, v, k.rule)
		}
		return v
	}
	r := refs{
		parameterPath: str(iParameterPath, "AgentRolesArgs.ParameterPathArn"),
		key:           arn(iKey, "AgentRolesArgs.KMSKeyArn", keyArn, true),
		documents:     arn(iDocuments, "AgentRolesArgs.DocumentsBucketArn", bucketArn, false),
		artifacts:     arn(iArtifacts, "AgentRolesArgs.ArtifactsBucketArn", bucketArn, false),
		processed:     arn(iProcessed, "AgentRolesArgs.ProcessedBucketArn", bucketArn, false),
		project:       arn(iProject, "AgentRolesArgs.DataAutomationProjectArn", projectArn, true),
	}
	if err := s.checkParameterPath(r.parameterPath); err != nil {
		bad("AgentRolesArgs.ParameterPathArn", r.parameterPath, err.Error())
	}
	secrets := func(i int, field string) []string {
		list, ok := vs[i].([]string)
		if !ok {
			bad(field, vs[i], "expected a list of strings")
		}
		for j, v := range list {
			if !s.check(secretArn, v) {
				bad(fmt.Sprintf("%s[%d]", field, j), v, secretArn.rule)
			}
		}
		return list
	}
	r.workflowSecrets = secrets(iWorkflowSecrets, "AgentRolesArgs.WorkflowSecretArns")
	r.assistantSecrets = secrets(iAssistantSecrets, "AgentRolesArgs.AssistantSecretArns")
	for i := iRepositories; i < len(vs); i++ {
		field := fmt.Sprintf("AgentRolesArgs.RepositoryArns[%d]", i-iRepositories)
		r.repositories = append(r.repositories, arn(i, field, repositoryArn, false))
	}
	if r.documents == r.artifacts || r.documents == r.processed || r.artifacts == r.processed {
		bad("AgentRolesArgs bucket ARNs", []string{r.documents, r.artifacts, r.processed},
			"documents, artifacts and processed must be three different buckets")
	}
	return r, errors.Join(errs...)
}
