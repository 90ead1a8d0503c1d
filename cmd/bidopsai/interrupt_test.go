package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// An interrupted plan leaves the previous plan file as it was and no temporary file.
func TestPlanInterruptedKeepsThePreviousPlan(t *testing.T) {
	dev, err := os.ReadFile("../../Pulumi.dev.yaml")
	if err != nil {
		t.Fatal(err)
	}
	dir := projectWith(t, string(dev))
	previous := filepath.Join(dir, "build", "plan", "dev.json")
	if err := os.MkdirAll(filepath.Dir(previous), 0o750); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(previous, []byte(`{"previous":true}`), 0o644); err != nil {
		t.Fatal(err)
	}
	sig := make(chan os.Signal, 1)
	sig <- os.Interrupt // delivered while the stack is being evaluated
	if got := planStack([]string{"--stack", "dev", "--dir", dir}, sig); got != exitInterrupted {
		t.Fatalf("exit %d, want %d", got, exitInterrupted)
	}
	b, err := os.ReadFile(previous)
	if err != nil || string(b) != `{"previous":true}` {
		t.Fatalf("the previous plan was changed: %.200q, %v", b, err)
	}
	entries, _ := os.ReadDir(filepath.Dir(previous))
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			t.Fatalf("a temporary file is left: %s", e.Name())
		}
	}
}

// Refused arguments change nothing: no build directory appears.
func TestCommandsRefuseStackNamesThatAreNotStacksHere(t *testing.T) {
	dev, err := os.ReadFile("../../Pulumi.dev.yaml")
	if err != nil {
		t.Fatal(err)
	}
	dir := projectWith(t, string(dev))
	run := map[string]func([]string) int{"plan": runPlan, "diagram": runDiagram, "targets": runTargets,
		"check-stack": runCheckStack, "check-destroy": runCheckDestroy, "bump": runBump}
	for _, stack := range []string{"../me", "nope", "me prod", "", "-me", "acme/me", "me;id", "/etc/passwd", "me/../me"} {
		for name, fn := range run {
			args := []string{"--stack", stack, "--dir", dir, "--agent", "workflow", "--part", "patch"}
			if name == "plan" || name == "diagram" || name == "check-stack" || name == "check-destroy" {
				args = args[:4]
			}
			if name == "targets" {
				args = args[:6]
			}
			if code := fn(args); code == 0 {
				t.Errorf("%s --stack %q succeeded", name, stack)
			}
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "build")); err == nil {
		t.Fatal("a refused command created build/")
	}
}

func TestFlagsGivenTwiceAreRefused(t *testing.T) {
	for name, fn := range map[string]func([]string) int{"plan": runPlan, "diagram": runDiagram,
		"check-stack": runCheckStack, "check-destroy": runCheckDestroy} {
		if code := fn([]string{"--stack", "dev", "--stack", "prod", "--dir", "../.."}); code != 2 {
			t.Errorf("%s with --stack twice: exit %d, want 2", name, code)
		}
	}
	if code := runBump([]string{"--stack", "dev", "--agent", "workflow", "--agent", "all", "--part", "patch", "--dry-run"}); code != 2 {
		t.Errorf("bump with --agent twice: exit %d, want 2", code)
	}
}
