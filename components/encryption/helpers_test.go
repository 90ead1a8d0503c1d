package encryption

import (
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/bidopsai/bidopsai-infra/internal/mock"
	"github.com/bidopsai/bidopsai-infra/internal/policydoc"
)

// Type tokens of the children, as the aws provider registers them.
const (
	tKey   = "aws:kms/key:Key"
	tAlias = "aws:kms/alias:Alias"
)

// validArgs is a compliant (prod-like) baseline; tests change one thing at a time.
func validArgs() *StackKeyArgs {
	return &StackKeyArgs{
		AccountID:          mock.Account,
		Region:             "eu-west-1",
		DeletionWindowDays: 30,
		Protect:            true,
		Tags:               map[string]string{"owner": "platform"},
	}
}

// run builds one component per name under the mock; assertions happen after it returns.
func run(t *testing.T, args *StackKeyArgs, names ...string) (*mock.Monitor, error) {
	t.Helper()
	mon := mock.New("bidopsai", "prod", "eu-west-1")
	err := pulumi.RunErr(func(ctx *pulumi.Context) error {
		for _, n := range names {
			if _, err := NewStackKey(ctx, n, args); err != nil {
				return err
			}
		}
		return nil
	}, pulumi.WithMocks("bidopsai", "prod", mon))
	return mon, err
}

func mustRun(t *testing.T, args *StackKeyArgs, names ...string) *mock.Monitor {
	t.Helper()
	mon, err := run(t, args, names...)
	if err != nil {
		t.Fatalf("NewStackKey: %v", err)
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

// keyPolicyOf parses the recorded key's policy back into a document.
func keyPolicyOf(t *testing.T, mon *mock.Monitor) policydoc.Document {
	t.Helper()
	text, ok := inputs(only(t, mon, tKey))["policy"].(string)
	if !ok {
		t.Fatal("key policy is not a JSON string")
	}
	doc, err := policydoc.Parse(text)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// statement returns the statement with a Sid.
func statement(t *testing.T, doc policydoc.Document, sid string) policydoc.Statement {
	t.Helper()
	for _, s := range doc.Statement {
		if s.Sid == sid {
			return s
		}
	}
	t.Fatalf("no statement %q", sid)
	return policydoc.Statement{}
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
