package budget

import (
	"math"
	"strings"
	"testing"

	"github.com/bidopsai/bidopsai-infra/internal/mock/mocktest"
)

func TestInvalidArgs(t *testing.T) {
	budgetTier.Rejects(t, validArgs, []mocktest.BadInput[*BudgetArgs]{
		{Name: "rejects_a_name_with_spaces", Component: "bidopsai prod", Field: "name"},
		{Name: "rejects_a_negative_limit", Mutate: func(a *BudgetArgs) { a.MonthlyLimitUSD = -1 }, Field: "BudgetArgs.MonthlyLimitUSD"},
		{Name: "rejects_fractions_of_a_cent", Mutate: func(a *BudgetArgs) { a.MonthlyLimitUSD = 10.001 }, Field: "BudgetArgs.MonthlyLimitUSD"},
		{Name: "rejects_nan", Mutate: func(a *BudgetArgs) { a.MonthlyLimitUSD = math.NaN() }, Field: "BudgetArgs.MonthlyLimitUSD"},
		{Name: "rejects_no_thresholds", Mutate: func(a *BudgetArgs) { a.ThresholdsPercent = nil }, Field: "BudgetArgs.ThresholdsPercent"},
		{Name: "rejects_six_thresholds", Mutate: func(a *BudgetArgs) { a.ThresholdsPercent = []int{10, 20, 30, 40, 50, 60} }, Field: "BudgetArgs.ThresholdsPercent"},
		{Name: "rejects_a_threshold_over_100", Mutate: func(a *BudgetArgs) { a.ThresholdsPercent = []int{80, 120} }, Field: "BudgetArgs.ThresholdsPercent[1]"},
		{Name: "rejects_a_zero_threshold", Mutate: func(a *BudgetArgs) { a.ThresholdsPercent = []int{0} }, Field: "BudgetArgs.ThresholdsPercent[0]"},
		{Name: "rejects_a_repeated_threshold", Mutate: func(a *BudgetArgs) { a.ThresholdsPercent = []int{80, 80} }, Field: "BudgetArgs.ThresholdsPercent[1]"},
		{Name: "rejects_no_emails", Mutate: func(a *BudgetArgs) { a.Emails = nil }, Field: "BudgetArgs.Emails"},
		{Name: "rejects_a_malformed_email", Mutate: func(a *BudgetArgs) { a.Emails = []string{"ops@"} }, Field: "BudgetArgs.Emails[0]"},
		{Name: "rejects_a_repeated_email", Mutate: func(a *BudgetArgs) { a.Emails = []string{"ops@bidopsai.com", "OPS@bidopsai.com"} }, Field: "BudgetArgs.Emails[1]"},
		{Name: "rejects_eleven_emails", Mutate: func(a *BudgetArgs) {
			a.Emails = nil
			for i := 0; i < 11; i++ {
				a.Emails = append(a.Emails, strings.Repeat("a", i+1)+"@bidopsai.com")
			}
		}, Field: "BudgetArgs.Emails"},
		{Name: "rejects_a_dollar_in_the_stack", Mutate: func(a *BudgetArgs) { a.Stack = "prod$x" }, Field: "BudgetArgs.Stack"},
		{Name: "rejects_an_aws_prefixed_tag_key", Mutate: func(a *BudgetArgs) { a.Tags = map[string]string{"aws:x": "y"} }, Field: "BudgetArgs.Tags key"},
	})
	t.Run("a_disabled_budget_needs_no_recipients", func(t *testing.T) {
		if _, _, err := budgetTier.Run(&BudgetArgs{}, "bidopsai-dev"); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("a_disabled_budget_still_refuses_a_bad_threshold", func(t *testing.T) {
		// It would wait, unnoticed, for the day a limit is set.
		_, _, err := budgetTier.Run(&BudgetArgs{ThresholdsPercent: []int{500}}, "bidopsai-dev")
		if err == nil || !strings.Contains(err.Error(), "ThresholdsPercent[0]") || strings.Contains(err.Error(), "Emails") {
			t.Fatalf("want only the threshold refused, got %v", err)
		}
	})
}
