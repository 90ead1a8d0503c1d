package budget

import (
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/bidopsai/bidopsai-infra/internal/mock"
)

// tBudget is the child's type token, as the aws provider registers it.
const tBudget = "aws:budgets/budget:Budget"

// validArgs is an enabled baseline; tests change one thing at a time.
func validArgs() *BudgetArgs {
	return &BudgetArgs{
		MonthlyLimitUSD:   1500,
		ThresholdsPercent: []int{80, 100},
		Emails:            []string{"ops@bidopsai.com"},
		Environment:       "prod",
		Tags:              map[string]string{"owner": "platform"},
	}
}

// run builds one component per name under the mock; assertions happen after it returns.
func run(t *testing.T, args *BudgetArgs, names ...string) (*mock.Monitor, []*Budget, error) {
	t.Helper()
	mon := mock.New("bidopsai", "prod", "us-east-1")
	var out []*Budget
	err := pulumi.RunErr(func(ctx *pulumi.Context) error {
		for _, n := range names {
			b, err := NewBudget(ctx, n, args)
			if err != nil {
				return err
			}
			out = append(out, b)
		}
		return nil
	}, pulumi.WithMocks("bidopsai", "prod", mon))
	return mon, out, err
}

func mustRun(t *testing.T, args *BudgetArgs, names ...string) *mock.Monitor {
	t.Helper()
	mon, _, err := run(t, args, names...)
	if err != nil {
		t.Fatalf("NewBudget: %v", err)
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
