package policy

import (
	"strings"
	"testing"

	"github.com/bidopsai/bidopsai-infra/internal/inventory"
)

var environments = []string{Dev, Staging, Prod}

func TestBaselineIsCompliantInEveryEnvironment(t *testing.T) {
	for _, env := range environments {
		t.Run(env, func(t *testing.T) {
			a := Check(baseline(t).inv, env)
			for _, v := range a.Violations {
				t.Errorf("baseline violates %s on %s: %s (%s)", v.Rule, v.URN, v.Message, v.Level)
			}
			if a.Advisory.Passed != a.Advisory.Total || a.Advisory.Total == 0 {
				t.Errorf("advisory score %d/%d, want all of a non-zero total", a.Advisory.Passed, a.Advisory.Total)
			}
		})
	}
}

// Every rule must judge at least one baseline resource in prod, or its tests prove nothing.
func TestEveryRuleJudgesTheBaseline(t *testing.T) {
	f := baseline(t)
	v := NewView(f.inv, Prod)
	for _, rule := range Rules() {
		judged := false
		for _, r := range f.inv.Resources {
			if rule.appliesTo(r.Type) && rule.Check(v, r).Status == Pass {
				judged = true
			}
		}
		if !judged {
			t.Errorf("%s passes no baseline resource", rule.ID)
		}
	}
}

// The rules file's columns, dev/staging/prod (staging = prod unless the file says otherwise).
var wantLevels = map[string]string{
	"SR-ECR-1": "MMM", "SR-ECR-2": "MMM", "SR-ECR-3": "MMM", "SR-ECR-4": "AMM", "SR-ECR-5": "MMM", "SR-ECR-6": "XMM",
	"SR-S3-1": "MMM", "SR-S3-2": "MMM", "SR-S3-3": "MMM", "SR-S3-4": "MMM", "SR-S3-5": "AMM", "SR-S3-6": "AMM",
	"SR-S3-7": "AMM", "SR-S3-8": "MMM", "SR-S3-9": "MMM", "SR-S3-10": "XAA", "SR-S3-11": "XAA", "SR-S3-13": "XMM",
	"SR-IAM-1": "MMM", "SR-IAM-2": "MMM", "SR-IAM-3": "MMM", "SR-IAM-4": "MMM", "SR-IAM-5": "MMM", "SR-IAM-6": "MMM",
	"SR-IAM-7": "AMM", "SR-IAM-8": "MMM", "SR-IAM-9": "MMM", "SR-IAM-10": "MMM", "SR-IAM-11": "AAA",
	"SR-SM-1": "AMM", "SR-SM-2": "XMM", "SR-SM-3": "MMM", "SR-SM-4": "AMM", "SR-SM-5": "AAA",
	"SR-SSM-1": "MMM", "SR-SSM-2": "AMM", "SR-SSM-3": "MMM",
	"SR-KMS-1": "MMM", "SR-KMS-2": "MMM", "SR-KMS-3": "MMM", "SR-KMS-4": "AMM", "SR-KMS-5": "MMM",
	"SR-CW-1": "MMM", "SR-CW-2": "XMM", "SR-CW-3": "AMM", "SR-CW-4": "MMM",
	"SR-ALM-1": "AMM", "SR-ALM-2": "AMM", "SR-ALM-3": "AMM", "SR-ALM-4": "MMM", "SR-DASH-1": "MMM",
	"SR-XR-1": "XAA", "SR-XR-2": "AMM", "SR-XR-3": "MMM",
	"SR-COG-1": "MMM", "SR-COG-2": "AMM", "SR-COG-3": "XAA", "SR-COG-4": "XMM", "SR-COG-5": "MMM", "SR-COG-6": "AMM", "SR-COG-7": "MMM",
	"SR-AC-1": "MMM", "SR-AC-2": "AMM", "SR-AC-3": "MMM", "SR-AC-4": "MMM", "SR-AC-6": "AMM", "SR-AC-7": "AMM",
	"SR-AC-8": "XMM", "SR-AC-9": "MMM", "SR-AC-10": "XAM", "SR-BDA-1": "XAA",
	"SR-AC-11": "MMM", "SR-NET-1": "MMM", "SR-NET-2": "AMM", "SR-TAG-1": "MMM",
}

func TestLevelsAreTheRulesFilesColumns(t *testing.T) {
	letter := map[Enforcement]string{Mandatory: "M", Advisory: "A", NotApplied: "X"}
	seen := map[string]bool{}
	for _, r := range Rules() {
		if seen[r.ID] {
			t.Errorf("%s is defined twice", r.ID)
		}
		seen[r.ID] = true
		got := letter[r.Levels.Dev] + letter[r.Levels.Staging] + letter[r.Levels.Prod]
		if want, ok := wantLevels[r.ID]; !ok || got != want {
			t.Errorf("%s levels %s, want %s", r.ID, got, want)
		}
		if r.Description == "" || len(r.Types) == 0 || r.Check == nil {
			t.Errorf("%s lacks a description, types or check", r.ID)
		}
	}
	for id := range wantLevels {
		if !seen[id] {
			t.Errorf("%s has no rule", id)
		}
	}
}

func TestUnknownEnvironmentsGetProdLevels(t *testing.T) {
	for _, env := range []string{"", "production", "Prod"} {
		if got := Environment(env); got != Prod {
			t.Errorf("Environment(%q) = %q, want prod", env, got)
		}
	}
}

// expectOnly asserts that the violations are exactly one, of rule at level.
func expectOnly(t *testing.T, vs []inventory.Violation, rule, level string) inventory.Violation {
	t.Helper()
	if len(vs) != 1 || vs[0].Rule != rule || vs[0].Level != level {
		var got []string
		for _, v := range vs {
			got = append(got, v.Rule+" "+v.Level+" "+v.URN+": "+v.Message)
		}
		t.Fatalf("want exactly one %s %s violation, got %d:\n  %s", level, rule, len(vs), strings.Join(got, "\n  "))
	}
	return vs[0]
}
