package registry

import (
	"encoding/json"
	"testing"

	"github.com/bidopsai/bidopsai-infra/internal/mock"
	"github.com/bidopsai/bidopsai-infra/internal/mock/mocktest"
	"github.com/bidopsai/bidopsai-infra/internal/policydoc"
)

// Type tokens of the children, as the aws provider registers them.
const (
	tRepository = "aws:ecr/repository:Repository"
	tLifecycle  = "aws:ecr/lifecyclePolicy:LifecyclePolicy"
	tPolicy     = "aws:ecr/repositoryPolicy:RepositoryPolicy"
)

const testKey = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"

// validArgs is a compliant baseline; tests change one thing at a time.
func validArgs() *RepositoryArgs {
	return &RepositoryArgs{
		AccountID:          mock.Account,
		TagMutability:      Immutable,
		KeepTaggedImages:   10,
		KeepUntaggedImages: 5,
		MaxImageAgeDays:    90,
		Tags:               map[string]string{"agent": "workflow"},
	}
}

// repos runs the component under the mock; assertions happen after it returns.
var repos = mocktest.Tier[*RepositoryArgs, *Repository]{Stack: "dev", Region: "us-east-1", Name: "workflow", New: NewRepository}

func inputs(r mock.Resource) map[string]any { return r.Inputs.Mappable() }

// repoPolicy parses the RepositoryPolicy's JSON back into a document.
func repoPolicy(t *testing.T, mon *mock.Monitor) policydoc.Document {
	t.Helper()
	return mocktest.Policy(t, mocktest.Only(t, mon, tPolicy), "policy")
}

// lifecycleOf decodes the LifecyclePolicy's JSON into generic values, independent of our types.
func lifecycleOf(t *testing.T, mon *mock.Monitor) []map[string]any {
	t.Helper()
	text, ok := inputs(mocktest.Only(t, mon, tLifecycle))["policy"].(string)
	if !ok {
		t.Fatal("lifecycle policy is not a JSON string")
	}
	var doc struct {
		Rules []map[string]any `json:"rules"`
	}
	if err := json.Unmarshal([]byte(text), &doc); err != nil {
		t.Fatal(err)
	}
	return doc.Rules
}
