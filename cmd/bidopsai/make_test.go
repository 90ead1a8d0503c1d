package main

import (
	"bytes"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/bidopsai/bidopsai-infra/internal/testbin"
)

// repoCopy copies the repository's tracked files into a temporary directory, so make targets
// can be run against it without touching the working tree, and puts bin/bidopsai there.
func repoCopy(t *testing.T) string {
	t.Helper()
	for _, tool := range []string{"make", "git"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s not installed", tool)
		}
	}
	out, err := exec.Command("git", "-C", "../..", "ls-files", "-z").Output()
	if err != nil {
		t.Fatalf("git ls-files: %v", err)
	}
	dir := t.TempDir()
	for _, f := range strings.Split(strings.TrimRight(string(out), "\x00"), "\x00") {
		b, err := os.ReadFile(filepath.Join("../..", f))
		if err != nil {
			continue // deleted in the working tree
		}
		dst := filepath.Join(dir, f)
		if err := os.MkdirAll(filepath.Dir(dst), 0o750); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(dst, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// Built once per checkout (testbin), copied in; the targets run with make -o bin/bidopsai.
	b, err := os.ReadFile(testbin.Build(t, "bidopsai"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dir, "bin"), 0o750); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "bin", "bidopsai"), b, 0o700); err != nil { //nolint:gosec // G306: an executable the test runs
		t.Fatal(err)
	}
	return dir
}

// snapshot records every file under dir but bin/ (size, time, mode), to prove nothing changed.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if d.IsDir() && rel == "bin" {
			return filepath.SkipDir
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		out[rel] = info.Mode().String() + " " + info.ModTime().Format(time.RFC3339Nano) + " " + strconv.FormatInt(info.Size(), 10)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func diff(before, after map[string]string) []string {
	var d []string
	for k, v := range before {
		if after[k] != v {
			d = append(d, "changed or removed: "+k)
		}
	}
	for k := range after {
		if _, ok := before[k]; !ok {
			d = append(d, "added: "+k)
		}
	}
	return d
}

// TestMakeTargetsRefuseHostileArguments runs the make targets with arguments that try to run
// a command, escape the repository or pick one of several words, and checks each is refused
// with nothing changed in the repository or outside it.
func TestMakeTargetsRefuseHostileArguments(t *testing.T) {
	if testing.Short() {
		t.Skip("runs make and go build")
	}
	dir := repoCopy(t)
	outside := t.TempDir()
	marker := filepath.Join(outside, "pwned")
	victim := filepath.Join(outside, "victim.json")
	if err := os.WriteFile(victim, []byte("{}"), 0o644); err != nil {
		t.Fatal(err)
	}
	rel, err := filepath.Rel(filepath.Join(dir, "build", "plan"), strings.TrimSuffix(victim, ".json"))
	if err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(dir, "bin", "bidopsai")
	cases := map[string][]string{
		"semicolon_in_stack":         {"plan", "STACK=x;touch " + marker},
		"quote_breaking_stack":       {"plan", "STACK=x';touch " + marker + ";'"},
		"command_substitution":       {"plan", "STACK=$(touch " + marker + ")"},
		"backticks":                  {"plan", "STACK=`touch " + marker + "`"},
		"make_shell_function":        {"plan", "STACK=$(shell touch " + marker + ")"},
		"path_to_a_file_outside":     {"plan", "STACK=" + rel},
		"absolute_path":              {"plan", "STACK=" + strings.TrimSuffix(victim, ".json")},
		"two_words":                  {"plan", "STACK=dev prod"},
		"newline":                    {"plan", "STACK=dev\ntouch " + marker},
		"empty_stack":                {"plan", "STACK="},
		"stack_without_a_file":       {"plan", "STACK=nosuchstack"},
		"organization_prefix":        {"plan", "STACK=acme/dev"},
		"flag_look_alike":            {"plan", "STACK=--help"},
		"diagram_path":               {"diagram", "STACK=" + rel},
		"bump_agent_injection":       {"bump", "STACK=dev", "AGENT=workflow';touch " + marker + ";'", "PART=patch"},
		"bump_part_two_words":        {"bump", "STACK=dev", "AGENT=workflow", "PART=patch major"},
		"bump_flag_two_words":        {"bump", "STACK=dev", "AGENT=workflow", "PART=patch", "DRY_RUN=1 1"},
		"bump_flag_not_a_flag":       {"bump", "STACK=dev", "AGENT=workflow", "PART=patch", "TAG=yes"},
		"bump_stack_path":            {"bump", "STACK=../dev", "AGENT=workflow", "PART=patch"},
		"destroy_confirm_injection":  {"destroy-guard", "STACK=prod", "CONFIRM=';touch " + marker + ";'"},
		"destroy_unknown_stack":      {"destroy-guard", "STACK=" + rel},
		"deploy_agent_injection":     {"deploy-agent-guard", "STACK=dev", "AGENT=x';touch " + marker + ";'"},
		"deploy_agent_unknown":       {"deploy-agent-guard", "STACK=dev", "AGENT=planner"},
		"preview_unknown_stack":      {"preview", "STACK=$(touch " + marker + ")"},
		"up_path":                    {"up", "STACK=../../etc/passwd"},
		"go_variable_injection":      {"stack-guard", "STACK=dev", "GO=go;touch " + marker},
		"make_variable_from_environ": {"plan", "STACK=$(value MAKEFILE_LIST)"},
	}
	// The refused calls change nothing, so they run side by side; the valid ones, which may
	// write build/, run after them.
	t.Run("refused", func(t *testing.T) {
		for name, args := range cases {
			t.Run(name, func(t *testing.T) {
				t.Parallel()
				refusedChangesNothing(t, dir, bin, marker, victim, args)
			})
		}
	})
	t.Run("valid_arguments_still_work_and_change_nothing", func(t *testing.T) {
		for _, args := range [][]string{
			{"stack-guard", "STACK=dev"},
			{"bump", "STACK=dev", "AGENT=all", "PART=minor", "DRY_RUN=1"},
			{"destroy-guard", "STACK=dev"},
			{"destroy-guard", "STACK=prod", "CONFIRM=prod"},
			{"deploy-agent-guard", "STACK=dev", "AGENT=workflow"},
		} {
			before := snapshot(t, dir)
			cmd := exec.Command("make", append([]string{"-C", dir, "--no-print-directory", "-o", bin}, args...)...)
			if b, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("make %q: %v\n%s", args, err, b)
			}
			if d := diff(before, snapshot(t, dir)); len(d) > 0 {
				t.Fatalf("make %q changed the repository: %v", args, d)
			}
		}
	})
	t.Run("a_valid_stack_is_planned", func(t *testing.T) {
		cmd := exec.Command("make", "-C", dir, "--no-print-directory", "-o", bin, "plan", "STACK=dev")
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("make plan STACK=dev: %v\n%s", err, b)
		}
		if _, err := os.Stat(filepath.Join(dir, "build", "plan", "dev.json")); err != nil {
			t.Fatal(err)
		}
	})
}

// refusedChangesNothing runs one make call that must be refused without running an injected
// command or changing anything inside or outside the repository.
func refusedChangesNothing(t *testing.T, dir, bin, marker, victim string, args []string) {
	t.Helper()
	before := snapshot(t, dir)
	cmd := exec.Command("make", append([]string{"-C", dir, "--no-print-directory", "-o", bin}, args...)...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err == nil {
		t.Fatalf("make %q succeeded:\n%s", args, out.String())
	}
	if _, err := os.Stat(marker); err == nil {
		t.Fatalf("make %q ran an injected command:\n%s", args, out.String())
	}
	if b, err := os.ReadFile(victim); err != nil || string(b) != "{}" {
		t.Fatalf("make %q changed a file outside the repository (%v)", args, err)
	}
	if d := diff(before, snapshot(t, dir)); len(d) > 0 {
		t.Fatalf("make %q changed the repository: %v\n%s", args, d, out.String())
	}
}
