package plan_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bidopsai/bidopsai-infra/internal/plan"
)

const projectDir = "../.."

func devConfig(t *testing.T) (*plan.Project, map[string]string) { return stackConfig(t, "dev") }

// Bad config through the whole program: the error names the key and nothing is registered.
func TestBadConfigRegistersNothing(t *testing.T) {
	cases := []struct{ name, key, value, want string }{
		{"rejects_retention_45", "bidopsai:logRetentionDays", "45", `"bidopsai:logRetentionDays"`},
		{"rejects_unknown_ecr_field", "bidopsai:ecr", `{"tagMutability":"MUTABLE","maxAgeDays":3}`, `"bidopsai:ecr.maxAgeDays"`},
		{"rejects_environment_typo", "bidopsai:environment", "develop", `"bidopsai:environment"`},
		{"rejects_plaintext_secret", "bidopsai:databasePassword", "a-very-long-password-1", "--secret"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p, cfg := devConfig(t)
			cfg[tc.key] = tc.value
			res, err := plan.Run(plan.Options{Project: p.Name, Stack: "dev", Config: cfg})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("want error naming %s, got %v", tc.want, err)
			}
			if n := len(res.Monitor.Resources()); n != 0 {
				t.Fatalf("%d resources registered on invalid config", n)
			}
			if strings.Contains(err.Error(), "a-very-long-password-1") {
				t.Fatal("error leaks a secret value")
			}
		})
	}
}

func writeProject(t *testing.T, stackFile string) string {
	t.Helper()
	dir := t.TempDir()
	b, err := os.ReadFile(filepath.Join(projectDir, "Pulumi.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "Pulumi.yaml"), b, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "Pulumi.me.yaml"), []byte(stackFile), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dir, "agents", "sample"), 0o750); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "agents", "sample", "Dockerfile"), []byte("FROM scratch\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestStackFiles(t *testing.T) {
	t.Run("rejects_undeclared_project_key", func(t *testing.T) {
		dir := writeProject(t, "config:\n  bidopsai:logRetentionDay: 30\n")
		p, _ := plan.LoadProject(dir)
		_, err := plan.LoadStack(dir, p, "me")
		if err == nil || !strings.Contains(err.Error(), `"bidopsai:logRetentionDay"`) || !strings.Contains(err.Error(), "logRetentionDays") {
			t.Fatalf("want an undeclared-key error listing declared keys, got %v", err)
		}
	})
	t.Run("keeps_scalars_as_written", func(t *testing.T) {
		dir := writeProject(t, "config:\n  bidopsai:logRetentionDays: 030\n  bidopsai:ecr:\n    keepTaggedImages: 010\n")
		p, _ := plan.LoadProject(dir)
		sc, err := plan.LoadStack(dir, p, "me")
		if err != nil {
			t.Fatal(err)
		}
		if sc.Values["bidopsai:logRetentionDays"] != "030" || !strings.Contains(sc.Values["bidopsai:ecr"], `"010"`) {
			t.Fatalf("values were reinterpreted: %v", sc.Values)
		}
	})
	t.Run("applies_project_defaults", func(t *testing.T) {
		dir := writeProject(t, "config:\n  bidopsai:environment: dev\n")
		p, _ := plan.LoadProject(dir)
		sc, err := plan.LoadStack(dir, p, "me")
		if err != nil {
			t.Fatal(err)
		}
		if sc.Values["bidopsai:logRetentionDays"] != "30" || !strings.Contains(sc.Values["bidopsai:ecr"], "MUTABLE") {
			t.Fatalf("defaults missing: %v", sc.Values)
		}
	})
}
