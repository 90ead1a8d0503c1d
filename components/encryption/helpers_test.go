package encryption

import (
	"testing"

	"github.com/bidopsai/bidopsai-infra/internal/mock"
	"github.com/bidopsai/bidopsai-infra/internal/mock/mocktest"
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

// keys runs the component under the mock; assertions happen after it returns.
var keys = mocktest.Tier[*StackKeyArgs, *StackKey]{Stack: "prod", Region: "eu-west-1", Name: "stack", New: NewStackKey}

func inputs(r mock.Resource) map[string]any { return r.Inputs.Mappable() }

// keyPolicyOf parses the recorded key's policy back into a document.
func keyPolicyOf(t *testing.T, mon *mock.Monitor) policydoc.Document {
	t.Helper()
	return mocktest.Policy(t, mocktest.Only(t, mon, tKey), "policy")
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
