package budget

import (
	"reflect"
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/bidopsai/bidopsai-infra/internal/mock"
	"github.com/bidopsai/bidopsai-infra/internal/mock/mocktest"
)

func TestBudget(t *testing.T) {
	t.Run("registers_one_monthly_cost_budget_in_usd_under_the_component", func(t *testing.T) {
		mon := budgetTier.MustRun(t, validArgs(), "bidopsai-prod")
		comp, b := mocktest.Only(t, mon, TypeToken), mocktest.Only(t, mon, tBudget)
		if b.Parent != comp.URN || b.Name != "bidopsai-prod-monthly" {
			t.Errorf("budget %q parent %q, want bidopsai-prod-monthly under %q", b.Name, b.Parent, comp.URN)
		}
		in := inputs(b)
		for k, want := range map[string]any{"budgetType": "COST", "timeUnit": "MONTHLY", "limitAmount": "1500.00", "limitUnit": "USD"} {
			if in[k] != want {
				t.Errorf("%s = %v, want %v", k, in[k], want)
			}
		}
		if got := in["tags"]; !reflect.DeepEqual(got, map[string]any{"component": "budget", "owner": "platform"}) {
			t.Errorf("tags %v", got)
		}
	})
	t.Run("filters_on_the_environment_tag", func(t *testing.T) {
		got := inputs(mocktest.Only(t, budgetTier.MustRun(t, validArgs(), "bidopsai-prod"), tBudget))["costFilters"]
		want := []any{map[string]any{"name": "TagKeyValue", "values": []any{"user:stack$prod"}}}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("costFilters %v, want %v", got, want)
		}
	})
	t.Run("tracks_the_whole_account_without_an_environment", func(t *testing.T) {
		args := validArgs()
		args.Stack = ""
		if got, ok := inputs(mocktest.Only(t, budgetTier.MustRun(t, args, "bidopsai-prod"), tBudget))["costFilters"]; ok {
			t.Errorf("costFilters %v, want none", got)
		}
	})
	t.Run("alerts_on_actual_and_forecast_spend_at_each_threshold", func(t *testing.T) {
		args := validArgs()
		args.Emails = []string{"ops@bidopsai.com", "fin@bidopsai.com"}
		got := inputs(mocktest.Only(t, budgetTier.MustRun(t, args, "bidopsai-prod"), tBudget))["notifications"].([]any)
		for _, n := range got {
			m := n.(map[string]any)
			if m["comparisonOperator"] != "GREATER_THAN" || m["thresholdType"] != "PERCENTAGE" ||
				!reflect.DeepEqual(m["subscriberEmailAddresses"], []any{"ops@bidopsai.com", "fin@bidopsai.com"}) {
				t.Errorf("notification %v", m)
			}
		}
		var thresholds []float64
		var kinds []string
		for _, n := range got {
			m := n.(map[string]any)
			thresholds = append(thresholds, m["threshold"].(float64))
			kinds = append(kinds, m["notificationType"].(string))
		}
		if !reflect.DeepEqual(thresholds, []float64{80, 80, 100, 100}) ||
			!reflect.DeepEqual(kinds, []string{"ACTUAL", "FORECASTED", "ACTUAL", "FORECASTED"}) {
			t.Errorf("notifications %v %v", thresholds, kinds)
		}
	})
	t.Run("creates_no_budget_when_the_limit_is_zero", func(t *testing.T) {
		mon, bs, err := budgetTier.Run(&BudgetArgs{}, "bidopsai-dev")
		if err != nil {
			t.Fatal(err)
		}
		if n := len(mon.ByType(tBudget)); n != 0 || bs[0].Enabled {
			t.Errorf("%d budgets, enabled=%v, want none", n, bs[0].Enabled)
		}
		mocktest.Only(t, mon, TypeToken)
	})
	t.Run("two_budgets_do_not_collide", func(t *testing.T) {
		mon := budgetTier.MustRun(t, validArgs(), "bidopsai-prod", "bidopsai-staging")
		if n := len(mon.ByType(tBudget)); n != 2 {
			t.Errorf("%d budgets, want 2", n)
		}
	})
}

func TestOutputs(t *testing.T) {
	for _, tc := range []struct {
		name string
		args *BudgetArgs
		want map[string]any
	}{
		{"exports_the_budget_name_and_arn", validArgs(), nil},
		{"exports_empty_strings_without_a_budget", &BudgetArgs{}, map[string]any{"name": "", "arn": ""}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			mon, got, err := budgetTier.Outputs(tc.args, func(c *Budget) map[string]pulumi.Output {
				return map[string]pulumi.Output{"name": c.BudgetName, "arn": c.BudgetArn}
			})
			if err != nil {
				t.Fatal(err)
			}
			want := tc.want
			if want == nil {
				n := mocktest.Only(t, mon, tBudget).Outputs["name"].StringValue()
				want = map[string]any{"name": n, "arn": "arn:aws:budgets::" + mock.Account + ":budget/" + n}
				if !strings.HasPrefix(n, "bidopsai-prod-monthly-") {
					t.Errorf("budget name %q is not auto-named from the component name", n)
				}
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("outputs %v, want %v", got, want)
			}
		})
	}
}
