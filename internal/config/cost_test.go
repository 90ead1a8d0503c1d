package config

import (
	"reflect"
	"testing"

	"github.com/bidopsai/bidopsai-infra/components/budget"
	"github.com/bidopsai/bidopsai-infra/internal/cost"
)

func TestCostConfig(t *testing.T) {
	t.Run("defaults_to_no_budget_and_dev_assumptions", func(t *testing.T) {
		c, err := load(baseline())
		if err != nil {
			t.Fatal(err)
		}
		if c.Budget.MonthlyLimitUSD != 0 || !reflect.DeepEqual(c.Budget.ThresholdsPercent, []int{80, 100}) || c.Budget.Emails != nil {
			t.Errorf("budget defaults: %+v", c.Budget)
		}
		if c.CostAssumptions.SessionsPerDay != 20 || c.CostAssumptions.VCPUPerSession != 0.5 {
			t.Errorf("assumption defaults: %+v", c.CostAssumptions)
		}
	})
	t.Run("accepts_a_budget_with_thresholds_and_emails", func(t *testing.T) {
		v := baseline()
		v["bidopsai:budget"] = `{"monthlyLimitUsd":1500.5,"thresholds":[50,80,100],"emails":["ops@bidopsai.com","fin@bidopsai.com"]}`
		c, err := load(v)
		if err != nil {
			t.Fatal(err)
		}
		want := budget.BudgetArgs{MonthlyLimitUSD: 1500.5, ThresholdsPercent: []int{50, 80, 100},
			Emails: []string{"ops@bidopsai.com", "fin@bidopsai.com"}}
		if !reflect.DeepEqual(c.Budget, want) {
			t.Fatalf("budget %+v, want %+v", c.Budget, want)
		}
	})
	t.Run("does_not_require_emails_without_a_limit", func(t *testing.T) {
		v := baseline()
		v["bidopsai:budget"] = `{"monthlyLimitUsd":0}`
		if _, err := load(v); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("reads_every_assumption", func(t *testing.T) {
		v := baseline()
		v["bidopsai:costAssumptions"] = `{"sessionsPerDay":200,"sessionMinutes":15,"vcpuPerSession":1,` +
			`"memoryGbPerSession":2,"inputTokensPerSession":30000,"outputTokensPerSession":3000,"logGbPerMonth":10,` +
			`"s3GbStored":100,"ecrGbStored":3,"tracesPerMonth":0,"documentPagesPerMonth":10000,"natGbPerMonth":50,` +
			`"s3PutRequestsPerMonth":1,"s3GetRequestsPerMonth":2}`
		c, err := load(v)
		if err != nil {
			t.Fatal(err)
		}
		want := cost.Figures{SessionsPerDay: 200, SessionMinutes: 15, VCPUPerSession: 1, MemoryGBPerSession: 2,
			InputTokensPerSession: 30000, OutputTokensPerSession: 3000, LogGBPerMonth: 10, S3GBStored: 100, ECRGBStored: 3,
			TracesPerMonth: 0, DocumentPagesPerMonth: 10000, NATGBPerMonth: 50, S3PutRequestsPerMonth: 1, S3GetRequestsPerMonth: 2}
		if c.CostAssumptions != want {
			t.Fatalf("assumptions %+v, want %+v", c.CostAssumptions, want)
		}
	})
}
