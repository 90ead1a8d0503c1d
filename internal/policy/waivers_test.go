package policy

import (
	"path"
	"strings"
	"testing"

	"github.com/bidopsai/bidopsai-infra/internal/inventory"
)

func TestWaiversAreWellFormed(t *testing.T) {
	for _, w := range Waivers() {
		if _, ok := Lookup(w.Rule); !ok {
			t.Errorf("waiver for unknown rule %s", w.Rule)
		}
		if strings.TrimSpace(w.Reason) == "" || len(w.Names) == 0 {
			t.Errorf("waiver of %s needs names and a reason", w.Rule)
		}
		for _, p := range w.Names {
			if _, err := path.Match(p, ""); err != nil || p == "*" {
				t.Errorf("waiver of %s has a bad or blanket pattern %q", w.Rule, p)
			}
		}
		for _, e := range w.Environments {
			if Environment(e) != e {
				t.Errorf("waiver of %s names unknown environment %q", w.Rule, e)
			}
		}
	}
}

func TestTheAccessLogBucketIsWaivedWithReasons(t *testing.T) {
	a := Check(baseline(t).inv, Prod)
	want := map[string]string{
		"SR-S3-7": "t-access-logs", "SR-S3-5": "t-access-logs-encryption", "SR-S3-6": "t-access-logs",
		"SR-S3-10": "t-access-logs",
	}
	got := map[string]string{}
	for _, w := range a.Waived {
		name, _ := urnParts(w.URN)
		got[w.Rule] = name
		if w.Reason == "" || w.Message == "" {
			t.Errorf("waived %s on %s lacks a reason or message", w.Rule, name)
		}
	}
	for rule, name := range want {
		if got[rule] != name {
			t.Errorf("%s waived on %q, want %q", rule, got[rule], name)
		}
	}
}

func TestSecretLeaksCannotBeWaived(t *testing.T) {
	saved := waivers
	t.Cleanup(func() { waivers = saved })
	waivers = append(append([]Waiver(nil), saved...),
		Waiver{Rule: "SR-AC-3", Names: []string{"t-assistant"}, Reason: "test"},
		Waiver{Rule: "SR-SM-3", Names: []string{"t-db-version"}, Reason: "test"})
	f := baseline(t)
	f.set("t-assistant", "environmentVariables.SLACK_TOKEN", "not-a-reference") // waivable
	if vs := Check(f.inv, Prod).Violations; len(vs) != 0 {
		t.Fatalf("a waived, waivable finding was reported: %v", vs)
	}
	f.set("t-assistant", "environmentVariables.DB_PASSWORD", inventory.Secret)
	f.set("t-db-version", "secretString", "hunter2")
	vs := Check(f.inv, Prod).Violations
	if len(vs) != 2 || vs[0].Level != LevelMandatory || vs[1].Level != LevelMandatory {
		t.Fatalf("secret leaks were waived: %v", vs)
	}
	for _, v := range vs {
		if strings.Contains(v.Message, "hunter2") {
			t.Errorf("the secret value is in the message %q", v.Message)
		}
	}
}

func TestReportGroupsByLevelWithTheScore(t *testing.T) {
	f := baseline(t)
	f.set("t-images", "imageTagMutability", "MUTABLE")       // mandatory
	f.set("t-parser", "kmsKeyId", nil)                       // advisory
	f.set("t-pool", "deletionProtection", inventory.Unknown) // unknown
	a := Check(f.inv, Prod)
	out := Report(a.Violations, a.Advisory)
	for _, want := range []string{
		"policy: 1 mandatory, 1 unknown, 1 advisory; advisory score",
		"mandatory:\n  SR-ECR-2   t-images (aws:ecr/repository:Repository)",
		"unknown:\n  SR-COG-4", "advisory:\n  SR-BDA-1",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
	if strings.Index(out, "mandatory:") > strings.Index(out, "unknown:") || strings.Index(out, "unknown:") > strings.Index(out, "advisory:") {
		t.Errorf("levels out of order:\n%s", out)
	}
	if !Failed(a.Violations) || Failed(a.Violations[1:]) {
		t.Error("Failed must be true exactly when a mandatory violation is present")
	}
	if a.Advisory.Passed != a.Advisory.Total-1 {
		t.Errorf("advisory score %d/%d, want one failing rule", a.Advisory.Passed, a.Advisory.Total)
	}
}
