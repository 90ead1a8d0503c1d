package access

import (
	"fmt"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// refs are the other tiers' outputs, resolved. Their ARNs are not checked again here: the
// policy rules check every rendered document in the plan (SR-IAM-*).
type refs struct {
	repositories                    []string
	secrets                         map[string][]string // by agent id
	parameterPath                   string
	key                             string // "" without a stack key
	documents, artifacts, processed string
	project                         string // "" without a Data Automation project
}

// Keys of the resolved map; per-agent values are under <prefix><agent id>.
const (
	kParameterPath = "parameterPath"
	kKey           = "key"
	kDocuments     = "documents"
	kArtifacts     = "artifacts"
	kProcessed     = "processed"
	kProject       = "project"
	kRepository    = "repository/"
	kSecrets       = "secrets/"
)

// collect waits for every Input the policies need, by name.
func collect(a *AgentRolesArgs) pulumi.MapOutput {
	m := pulumi.Map{kParameterPath: a.ParameterPathArn, kKey: orEmpty(a.KMSKeyArn),
		kDocuments: a.DocumentsBucketArn, kArtifacts: a.ArtifactsBucketArn, kProcessed: a.ProcessedBucketArn,
		kProject: orEmpty(a.DataAutomationProjectArn)}
	for _, ag := range a.Agents {
		m[kRepository+ag.ID], m[kSecrets+ag.ID] = ag.RepositoryArn, ag.SecretArns
	}
	return m.ToMapOutput()
}

func orEmpty(in pulumi.StringInput) pulumi.StringInput {
	if in == nil {
		return pulumi.String("")
	}
	return in
}

// decode reads the resolved values; a value of the wrong type is a wiring bug, never a grant.
func decode(p plan, m map[string]any) (refs, error) {
	var err error
	str := func(k string) string {
		v, ok := m[k].(string)
		if !ok && err == nil {
			err = fmt.Errorf("resolved %s is %T, want a string", k, m[k])
		}
		return v
	}
	r := refs{parameterPath: str(kParameterPath), key: str(kKey), documents: str(kDocuments),
		artifacts: str(kArtifacts), processed: str(kProcessed), project: str(kProject),
		secrets: map[string][]string{}}
	for _, ag := range p.agents {
		r.repositories = append(r.repositories, str(kRepository+ag.ID))
		list, ok := m[kSecrets+ag.ID].([]string)
		if !ok && err == nil {
			err = fmt.Errorf("resolved %s%s is %T, want a list of strings", kSecrets, ag.ID, m[kSecrets+ag.ID])
		}
		r.secrets[ag.ID] = list
	}
	return r, err
}
