package release

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// gitEnv isolates git from the user's configuration; tests using it cannot run in parallel.
func gitEnv(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	t.Setenv("GIT_CONFIG_GLOBAL", os.DevNull)
	t.Setenv("GIT_CONFIG_NOSYSTEM", "1")
}

// newRepo makes a repository whose first commit holds the fixture as Pulumi.test.yaml.
func newRepo(t *testing.T) string {
	t.Helper()
	dir, _ := stackDir(t, readFixture(t))
	for _, args := range [][]string{
		{"init", "-q", "-b", "main"},
		{"config", "user.name", "Release Test"},
		{"config", "user.email", "release@example.com"},
		{"add", "Pulumi.test.yaml"},
		{"commit", "-q", "-m", "initial"},
	} {
		mustGit(t, dir, args...)
	}
	return dir
}

func mustGit(t *testing.T, dir string, args ...string) string {
	t.Helper()
	out, err := gitRepo{dir: dir}.run(context.Background(), args...)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestTagCommitsTheBumpAndCreatesAnnotatedTags(t *testing.T) {
	gitEnv(t)
	dir := newRepo(t)
	res, err := Bump(context.Background(), BumpOptions{Dir: dir, Stack: "test", Agent: "all", Part: "patch", Tag: true})
	if err != nil {
		t.Fatalf("Bump --tag: %v", err)
	}
	if strings.Join(res.Tags, " ") != "ai-assistant-v0.9.0 workflow-v1.4.3" {
		t.Errorf("tags = %v", res.Tags)
	}
	for tag, msg := range map[string]string{"workflow-v1.4.3": "workflow agent v1.4.3", "ai-assistant-v0.9.0": "ai-assistant agent v0.9.0"} {
		if kind := mustGit(t, dir, "cat-file", "-t", tag); kind != "tag" {
			t.Errorf("%s is a %s, want an annotated tag", tag, kind)
		}
		if got := mustGit(t, dir, "tag", "-l", "--format=%(contents:subject)", tag); got != msg {
			t.Errorf("%s message = %q, want %q", tag, got, msg)
		}
		if at := mustGit(t, dir, "rev-parse", tag+"^{commit}"); at != res.Commit {
			t.Errorf("%s points at %s, want the bump commit %s", tag, at, res.Commit)
		}
	}
	if tagged := mustGit(t, dir, "show", "workflow-v1.4.3:Pulumi.test.yaml"); !strings.Contains(tagged, "version:   1.4.3    #") {
		t.Errorf("the tagged commit does not hold the new version:\n%s", tagged)
	}
	if status := mustGit(t, dir, "status", "--porcelain"); status != "" {
		t.Errorf("working tree not clean after the release commit: %q", status)
	}
}

func TestTagLeavesOtherStagedChangesAlone(t *testing.T) {
	gitEnv(t)
	dir := newRepo(t)
	if err := os.WriteFile(filepath.Join(dir, "other.txt"), []byte("wip\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	mustGit(t, dir, "add", "other.txt")
	if _, err := Bump(context.Background(), BumpOptions{Dir: dir, Stack: "test", Agent: "workflow", Part: "patch", Tag: true}); err != nil {
		t.Fatal(err)
	}
	if files := mustGit(t, dir, "show", "--name-only", "--format=", "HEAD"); files != "Pulumi.test.yaml" {
		t.Errorf("release commit holds %q, want only Pulumi.test.yaml", files)
	}
	if staged := mustGit(t, dir, "diff", "--cached", "--name-only"); staged != "other.txt" {
		t.Errorf("staged after release = %q, want other.txt still staged", staged)
	}
}

func TestTagRefusesExistingTagUnlessForced(t *testing.T) {
	gitEnv(t)
	dir := newRepo(t)
	path := filepath.Join(dir, "Pulumi.test.yaml")
	before := mustRead(t, path)
	head := mustGit(t, dir, "rev-parse", "HEAD")
	mustGit(t, dir, "tag", "-a", "-m", "old", "workflow-v1.4.3")

	_, err := Bump(context.Background(), BumpOptions{Dir: dir, Stack: "test", Agent: "workflow", Part: "patch", Tag: true})
	if err == nil || !strings.Contains(err.Error(), "workflow-v1.4.3 already exists") || !strings.Contains(err.Error(), "FORCE=1") {
		t.Fatalf("err = %v, want refusal naming the tag and FORCE=1", err)
	}
	if after := mustRead(t, path); string(after) != string(before) {
		t.Error("stack file changed although the tag was refused")
	}
	if got := mustGit(t, dir, "rev-parse", "HEAD"); got != head {
		t.Error("a commit was made although the tag was refused")
	}

	res, err := Bump(context.Background(), BumpOptions{Dir: dir, Stack: "test", Agent: "workflow", Part: "patch", Tag: true, Force: true})
	if err != nil {
		t.Fatalf("Bump --tag --force: %v", err)
	}
	if at := mustGit(t, dir, "rev-parse", "workflow-v1.4.3^{commit}"); at != res.Commit {
		t.Errorf("forced tag points at %s, want %s", at, res.Commit)
	}
}

func TestTagRefusesUncommittedStackFile(t *testing.T) {
	gitEnv(t)
	dir := newRepo(t)
	path := filepath.Join(dir, "Pulumi.test.yaml")
	edited := append(readFixture(t), "# local edit\n"...)
	if err := os.WriteFile(path, edited, 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Bump(context.Background(), BumpOptions{Dir: dir, Stack: "test", Agent: "workflow", Part: "patch", Tag: true})
	if err == nil || !strings.Contains(err.Error(), "uncommitted changes") {
		t.Fatalf("err = %v, want refusal for uncommitted changes", err)
	}
	if after := mustRead(t, path); string(after) != string(edited) {
		t.Error("stack file changed on error")
	}
}

func TestDryRunWithTagChecksButCreatesNothing(t *testing.T) {
	gitEnv(t)
	dir := newRepo(t)
	res, err := Bump(context.Background(), BumpOptions{Dir: dir, Stack: "test", Agent: "workflow", Part: "minor", Tag: true, DryRun: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Tags) != 1 || res.Tags[0] != "workflow-v1.5.0" {
		t.Errorf("planned tags = %v", res.Tags)
	}
	if tags := mustGit(t, dir, "tag", "-l"); tags != "" {
		t.Errorf("dry run created tags: %q", tags)
	}
}

func TestPushSendsTagsToOrigin(t *testing.T) {
	gitEnv(t)
	dir := newRepo(t)
	origin := t.TempDir()
	mustGit(t, origin, "init", "-q", "--bare")
	mustGit(t, dir, "remote", "add", "origin", origin)

	res, err := Bump(context.Background(), BumpOptions{Dir: dir, Stack: "test", Agent: "workflow", Part: "patch", Tag: true, Push: true})
	if err != nil {
		t.Fatalf("Bump --tag --push: %v", err)
	}
	if !res.Pushed {
		t.Error("result does not report the push")
	}
	if remote := mustGit(t, dir, "ls-remote", "--tags", "origin"); !strings.Contains(remote, "refs/tags/workflow-v1.4.3") {
		t.Errorf("origin tags = %q, want workflow-v1.4.3", remote)
	}
}

func TestTagRestoresStackFileWhenCommitFails(t *testing.T) {
	gitEnv(t)
	dir := newRepo(t)
	hook := filepath.Join(dir, ".git", "hooks", "pre-commit")
	if err := os.WriteFile(hook, []byte("#!/bin/sh\necho hook says no >&2\nexit 1\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	_, err := Bump(context.Background(), BumpOptions{Dir: dir, Stack: "test", Agent: "workflow", Part: "patch", Tag: true})
	if err == nil || !strings.Contains(err.Error(), "hook says no") || !strings.Contains(err.Error(), "restored") {
		t.Fatalf("err = %v, want the hook's refusal and a note that the file was restored", err)
	}
	if after := mustRead(t, filepath.Join(dir, "Pulumi.test.yaml")); string(after) != string(readFixture(t)) {
		t.Error("stack file not restored after the failed commit")
	}
	if tags := mustGit(t, dir, "tag", "-l"); tags != "" {
		t.Errorf("tags created after a failed commit: %q", tags)
	}
}
