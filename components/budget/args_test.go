package budget

import (
	"math"
	"strings"
	"testing"
)

func TestInvalidArgs(t *testing.T) {
	cases := []struct {
		name   string
		budget string // component name; "bidopsai-prod" unless set
		mutate func(*BudgetArgs)
		field  string // must appear in the error
	}{
		{"rejects_a_name_with_spaces", "bidopsai prod", nil, "name"},
		{"rejects_a_negative_limit", "", func(a *BudgetArgs) { a.MonthlyLimitUSD = -1 }, "BudgetArgs.MonthlyLimitUSD"},
		{"rejects_fractions_of_a_cent", "", func(a *BudgetArgs) { a.MonthlyLimitUSD = 10.001 }, "BudgetArgs.MonthlyLimitUSD"},
		{"rejects_nan", "", func(a *BudgetArgs) { a.MonthlyLimitUSD = math.NaN() }, "BudgetArgs.MonthlyLimitUSD"},
		{"rejects_no_thresholds", "", func(a *BudgetArgs) { a.ThresholdsPercent = nil }, "BudgetArgs.ThresholdsPercent"},
		{"rejects_six_thresholds", "", func(a *BudgetArgs) { a.ThresholdsPercent = []int{10, 20, 30, 40, 50, 60} }, "BudgetArgs.ThresholdsPercent"},
		{"rejects_a_threshold_over_100", "", func(a *BudgetArgs) { a.ThresholdsPercent = []int{80, 120} }, "BudgetArgs.ThresholdsPercent[1]"},
		{"rejects_a_zero_threshold", "", func(a *BudgetArgs) { a.ThresholdsPercent = []int{0} }, "BudgetArgs.ThresholdsPercent[0]"},
		{"rejects_a_repeated_threshold", "", func(a *BudgetArgs) { a.ThresholdsPercent = []int{80, 80} }, "BudgetArgs.ThresholdsPercent[1]"},
		{"rejects_no_emails", "", func(a *BudgetArgs) { a.Emails = nil }, "BudgetArgs.Emails"},
		{"rejects_a_malformed_email", "", func(a *BudgetArgs) { a.Emails = []string{"ops@"} }, "BudgetArgs.Emails[0]"},
		{"rejects_a_repeated_email", "", func(a *BudgetArgs) { a.Emails = []string{"ops@bidopsai.com", "OPS@bidopsai.com"} }, "BudgetArgs.Emails[1]"},
		{"rejects_eleven_emails", "", func(a *BudgetArgs) {
			a.Emails = nil
			for i := 0; i < 11; i++ {
				a.Emails = append(a.Emails, strings.Repeat("a", i+1)+"@bidopsai.com")
			}
		}, "BudgetArgs.Emails"},
		{"rejects_a_dollar_in_the_environment", "", func(a *BudgetArgs) { a.Environment = "prod$x" }, "BudgetArgs.Environment"},
		{"rejects_an_aws_prefixed_tag_key", "", func(a *BudgetArgs) { a.Tags = map[string]string{"aws:x": "y"} }, "BudgetArgs.Tags key"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			args := validArgs()
			if tc.mutate != nil {
				tc.mutate(args)
			}
			name := tc.budget
			if name == "" {
				name = "bidopsai-prod"
			}
			mon, _, err := run(t, args, name)
			if err == nil || !strings.Contains(err.Error(), "invalid "+tc.field+" = ") {
				t.Fatalf("want an error naming %s, got %v", tc.field, err)
			}
			if n := len(mon.Resources()); n != 0 {
				t.Errorf("%d resources registered, want 0", n)
			}
		})
	}
	t.Run("rejects_nil_args", func(t *testing.T) {
		mon, _, err := run(t, nil, "bidopsai-prod")
		if err == nil || !strings.Contains(err.Error(), "args") || len(mon.Resources()) != 0 {
			t.Fatalf("want an args error and nothing registered, got %v", err)
		}
	})
	t.Run("does_not_check_alerts_of_a_disabled_budget", func(t *testing.T) {
		if _, _, err := run(t, &BudgetArgs{ThresholdsPercent: []int{500}}, "bidopsai-dev"); err != nil {
			t.Fatal(err)
		}
	})
}
