package stack_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/bidopsai/bidopsai-infra/internal/policy"
)

// family is a rule's family: SR-IAM-10 -> SR-IAM.
func family(id string) string { return id[:strings.LastIndex(id, "-")] }

// TestRealPlansHaveNoMandatoryViolations evaluates the offline plan of every stack. Tiers still
// being written are expected to show up here; a family fails only once its resources are in
// the plan, and the whole report is logged either way.
func TestRealPlansHaveNoMandatoryViolations(t *testing.T) {
	for _, env := range []string{policy.Dev, policy.Staging, policy.Prod} {
		t.Run(env, func(t *testing.T) {
			res := planStack(t, env)
			a := policy.Check(res.Inventory, env)
			t.Logf("%s plan, %d resources\n%s", env, len(res.Inventory.Resources), policy.Report(a.Violations, a.Advisory))
			present := map[string]bool{}
			for _, rule := range policy.Rules() {
				for _, r := range res.Inventory.Resources {
					present[family(rule.ID)] = present[family(rule.ID)] || slices.Contains(rule.Types, r.Type)
				}
			}
			for _, v := range a.Violations {
				if v.Level == policy.LevelMandatory && present[family(v.Rule)] {
					t.Errorf("%s %s: %s", v.Rule, v.URN, v.Message)
				}
			}
		})
	}
}
