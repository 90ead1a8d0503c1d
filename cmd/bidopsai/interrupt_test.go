package main

import (
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// An interrupted plan leaves the previous plan file as it was and no temporary file.
func TestPlanInterruptedKeepsThePreviousPlan(t *testing.T) {
	dev, err := os.ReadFile("../../Pulumi.dev.yaml")
	if err != nil {
		t.Fatal(err)
	}
	dir := projectWith(t, string(dev))
	previous := filepath.Join(dir, "build", "plan", "me.json")
	if err := os.MkdirAll(filepath.Dir(previous), 0o750); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(previous, []byte(`{"previous":true}`), 0o644); err != nil {
		t.Fatal(err)
	}
	// Catch the signal here too, so the test process is never stopped by it.
	own := make(chan os.Signal, 1)
	signal.Notify(own, syscall.SIGINT)
	defer signal.Stop(own)
	code := make(chan int, 1)
	go func() { code <- runPlan([]string{"--stack", "me", "--dir", dir}) }()
	time.Sleep(50 * time.Millisecond) // the evaluation takes about a second
	if err := syscall.Kill(os.Getpid(), syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	if got := <-code; got != exitInterrupted {
		t.Fatalf("exit %d, want %d", got, exitInterrupted)
	}
	b, err := os.ReadFile(previous)
	if err != nil || string(b) != `{"previous":true}` {
		t.Fatalf("the previous plan was changed: %q, %v", b, err)
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
