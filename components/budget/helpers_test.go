package budget

import (
	"github.com/bidopsai/bidopsai-infra/internal/mock"
	"github.com/bidopsai/bidopsai-infra/internal/mock/mocktest"
)

// tBudget is the child's type token, as the aws provider registers it.
const tBudget = "aws:budgets/budget:Budget"

// validArgs is an enabled baseline; tests change one thing at a time.
func validArgs() *BudgetArgs {
	return &BudgetArgs{
		MonthlyLimitUSD:   1500,
		ThresholdsPercent: []int{80, 100},
		Emails:            []string{"ops@bidopsai.com"},
		Stack:             "prod",
		Tags:              map[string]string{"owner": "platform"},
	}
}

// budgetTier runs the component under the mock; assertions happen after it returns.
var budgetTier = mocktest.Tier[*BudgetArgs, *Budget]{Stack: "prod", Region: "us-east-1", Name: "bidopsai-prod", New: NewBudget}

func inputs(r mock.Resource) map[string]any { return r.Inputs.Mappable() }
