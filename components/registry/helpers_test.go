package registry

import (
	"encoding/json"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/bidopsai/bidopsai-infra/internal/mock"
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

// run builds one component per name under the mock; assertions happen after it returns.
func run(t *testing.T, args *RepositoryArgs, names ...string) (*mock.Monitor, error) {
	t.Helper()
	mon := mock.New("bidopsai", "dev", "us-east-1")
	err := pulumi.RunErr(func(ctx *pulumi.Context) error {
		for _, n := range names {
			if _, err := NewRepository(ctx, n, args); err != nil {
				return err
			}
		}
		return nil
	}, pulumi.WithMocks("bidopsai", "dev", mon))
	return mon, err
}

func mustRun(t *testing.T, args *RepositoryArgs, names ...string) *mock.Monitor {
	t.Helper()
	mon, err := run(t, args, names...)
	if err != nil {
		t.Fatalf("NewRepository: %v", err)
	}
	return mon
}

// only returns the single resource of a type.
func only(t *testing.T, mon *mock.Monitor, typ string) mock.Resource {
	t.Helper()
	rs := mon.ByType(typ)
	if len(rs) != 1 {
		t.Fatalf("want exactly one %s, found %d", typ, len(rs))
	}
	return rs[0]
}

func inputs(r mock.Resource) map[string]any { return r.Inputs.Mappable() }

// repoPolicy parses the RepositoryPolicy's JSON back into a document.
func repoPolicy(t *testing.T, mon *mock.Monitor) policydoc.Document {
	t.Helper()
	text, ok := inputs(only(t, mon, tPolicy))["policy"].(string)
	if !ok {
		t.Fatal("repository policy is not a JSON string")
	}
	doc, err := policydoc.Parse(text)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// lifecycleOf decodes the LifecyclePolicy's JSON into generic values, independent of our types.
func lifecycleOf(t *testing.T, mon *mock.Monitor) []map[string]any {
	t.Helper()
	text, ok := inputs(only(t, mon, tLifecycle))["policy"].(string)
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
