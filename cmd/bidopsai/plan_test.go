package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func projectWith(t *testing.T, stackFile string) string {
	t.Helper()
	dir := t.TempDir()
	b, err := os.ReadFile("../../Pulumi.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for name, content := range map[string][]byte{"Pulumi.yaml": b, "Pulumi.dev.yaml": []byte(stackFile)} {
		if err := os.WriteFile(filepath.Join(dir, name), content, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.MkdirAll(filepath.Join(dir, "agents", "sample"), 0o750); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "agents", "sample", "Dockerfile"), []byte("FROM scratch\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestPlanCommand(t *testing.T) {
	dev, err := os.ReadFile("../../Pulumi.dev.yaml")
	if err != nil {
		t.Fatal(err)
	}
	t.Run("writes_the_plan_of_a_valid_stack", func(t *testing.T) {
		dir := projectWith(t, string(dev))
		if code := runPlan([]string{"--stack", "dev", "--dir", dir}); code != 0 {
			t.Fatalf("exit %d", code)
		}
		b, err := os.ReadFile(filepath.Join(dir, "build", "plan", "dev.json"))
		if err != nil || !strings.Contains(string(b), `"stack": "dev"`) {
			t.Fatalf("plan file missing or wrong: %v", err)
		}
	})
	t.Run("leaves_no_plan_file_on_invalid_config", func(t *testing.T) {
		dir := projectWith(t, strings.Replace(string(dev), "logRetentionDays: 30", "logRetentionDays: 45", 1))
		stale := filepath.Join(dir, "build", "plan", "dev.json")
		if err := os.MkdirAll(filepath.Dir(stale), 0o750); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(stale, []byte("{}"), 0o644); err != nil {
			t.Fatal(err)
		}
		if code := runPlan([]string{"--stack", "dev", "--dir", dir}); code != 1 {
			t.Fatalf("exit %d, want 1", code)
		}
		if _, err := os.Stat(stale); !os.IsNotExist(err) {
			t.Fatal("a plan file is left behind after a failed plan")
		}
	})
}
