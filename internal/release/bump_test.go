package release

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const fixture = "testdata/Pulumi.test.yaml"

// stackDir copies a stack file into a temporary directory as Pulumi.test.yaml.
func stackDir(t *testing.T, content []byte) (dir string, path string) {
	t.Helper()
	dir = t.TempDir()
	path = filepath.Join(dir, "Pulumi.test.yaml")
	if err := os.WriteFile(path, content, 0o640); err != nil {
		t.Fatal(err)
	}
	return dir, path
}

func readFixture(t *testing.T) []byte {
	t.Helper()
	return mustRead(t, fixture)
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

const (
	workflowLine  = "version:   1.4.2    # the workflow version"
	assistantLine = `version: "0.9.0-rc.1+build.7"}`
)

func TestBumpRewritesOnlyTheVersionScalars(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name, agent, part string
		workflow, asst    string // expected new versions; "" means unchanged
	}{
		{"bumps_workflow_patch", "workflow", "patch", "1.4.3", ""},
		{"bumps_workflow_minor", "workflow", "minor", "1.5.0", ""},
		{"bumps_workflow_major", "workflow", "major", "2.0.0", ""},
		{"bumps_ai_assistant_patch_releasing_prerelease", "ai-assistant", "patch", "", "0.9.0"},
		{"bumps_ai_assistant_minor", "ai-assistant", "minor", "", "0.9.0"},
		{"bumps_ai_assistant_major", "ai-assistant", "major", "", "1.0.0"},
		{"bumps_all_agents", "all", "minor", "1.5.0", "0.9.0"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			src := readFixture(t)
			dir, path := stackDir(t, src)
			res, err := Bump(context.Background(), BumpOptions{Dir: dir, Stack: "test", Agent: c.agent, Part: c.part})
			if err != nil {
				t.Fatalf("Bump: %v", err)
			}
			want := string(src)
			if c.workflow != "" {
				want = strings.Replace(want, workflowLine, strings.Replace(workflowLine, "1.4.2", c.workflow, 1), 1)
			}
			if c.asst != "" {
				want = strings.Replace(want, assistantLine, `version: "`+c.asst+`"}`, 1)
			}
			got, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != want {
				t.Errorf("file differs from the original beyond the version scalars:\n got: %s\nwant: %s", got, want)
			}
			wantChanges := 1
			if c.agent == All {
				wantChanges = 2
			}
			if len(res.Changes) != wantChanges {
				t.Errorf("changes = %v, want one per bumped agent", res.Changes)
			}
			assertNoTempFiles(t, dir)
		})
	}
}

func TestBumpKeepsRealStackFileByteForByte(t *testing.T) {
	t.Parallel()
	src, err := os.ReadFile("../../Pulumi.dev.yaml")
	if err != nil {
		t.Skip("Pulumi.dev.yaml not readable:", err)
	}
	configured, err := StackAgents("../..", "dev")
	if err != nil {
		t.Fatal(err)
	}
	changes, out, err := BumpVersions(src, "Pulumi.dev.yaml", configured.Agents, Patch)
	if err != nil {
		t.Fatalf("BumpVersions on Pulumi.dev.yaml: %v", err)
	}
	// Every line must be unchanged except one version line per agent, old -> new in place.
	before, after := strings.SplitAfter(string(src), "\n"), strings.SplitAfter(string(out), "\n")
	if len(before) != len(after) {
		t.Fatalf("line count changed: %d -> %d", len(before), len(after))
	}
	changed := 0
	for i := range before {
		if before[i] == after[i] {
			continue
		}
		c := changes[min(changed, len(changes)-1)]
		if strings.Replace(before[i], c.Old.String(), c.New.String(), 1) != after[i] || !strings.Contains(before[i], "version:") {
			t.Errorf("line %d: %q -> %q is not a version bump %s -> %s", i+1, before[i], after[i], c.Old, c.New)
		}
		changed++
	}
	if changed != len(configured.Agents) {
		t.Errorf("%d lines changed, want one per agent (%d)", changed, len(configured.Agents))
	}
}

func TestBumpRejectsBadInputAndLeavesFileUntouched(t *testing.T) {
	t.Parallel()
	src := readFixture(t)
	cases := []struct {
		name    string
		content string // stack file content; "" means the fixture
		opts    BumpOptions
		errHas  []string
	}{
		{"rejects_unknown_agent", "", BumpOptions{Agent: "planner", Part: "patch"},
			[]string{`"planner"`, `Pulumi.test.yaml has: "ai-assistant", "workflow"`, "or all"}},
		{"rejects_unknown_part", "", BumpOptions{Agent: "workflow", Part: "micro"},
			[]string{`"micro"`, "major, minor, patch"}},
		{"rejects_v_prefixed_version_in_file", strings.Replace(string(src), "1.4.2", "v1.4.2", 1),
			BumpOptions{Agent: "all", Part: "patch"}, []string{"bidopsai:agents.workflow.version", `"v1.4.2"`, "prefix"}},
		{"rejects_non_semver_version_in_file", strings.Replace(string(src), "1.4.2", "1.4", 1),
			BumpOptions{Agent: "workflow", Part: "patch"}, []string{"line 11", `"1.4"`, "SemVer 2.0.0"}},
		{"rejects_mapping_as_version", strings.Replace(string(src), "1.4.2", "{a: 1}", 1),
			BumpOptions{Agent: "workflow", Part: "patch"}, []string{"bidopsai:agents.workflow.version", "mapping"}},
		{"rejects_tagged_scalar", strings.Replace(string(src), "1.4.2", "!!str 1.4.2", 1),
			BumpOptions{Agent: "workflow", Part: "patch"}, []string{"plain or quoted scalar"}},
		{"rejects_agent_without_version", strings.Replace(string(src), `, version: "0.9.0-rc.1+build.7"}`, "}", 1),
			BumpOptions{Agent: "all", Part: "patch"}, []string{"bidopsai:agents.ai-assistant.version not found"}},
		{"rejects_old_camel_case_key_as_unknown_agent", strings.Replace(string(src), "ai-assistant:", "aiAssistant:", 1),
			BumpOptions{Agent: "ai-assistant", Part: "patch"}, []string{`"ai-assistant" is not configured`, `"aiAssistant", "workflow"`}},
		{"rejects_invalid_yaml", "config: [\n", BumpOptions{Agent: "workflow", Part: "patch"}, []string{"parse"}},
		{"rejects_force_without_tag", "", BumpOptions{Agent: "workflow", Part: "patch", Force: true}, []string{"--tag"}},
		{"rejects_push_without_tag", "", BumpOptions{Agent: "workflow", Part: "patch", Push: true}, []string{"--tag"}},
		{"rejects_tag_outside_git", "", BumpOptions{Agent: "workflow", Part: "patch", Tag: true}, []string{"git repository"}},
		{"rejects_path_in_stack_name", "", BumpOptions{Stack: "../test", Agent: "workflow", Part: "patch"}, []string{`"../test"`}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			content := src
			if c.content != "" {
				content = []byte(c.content)
			}
			dir, path := stackDir(t, content)
			c.opts.Dir = dir
			if c.opts.Stack == "" {
				c.opts.Stack = "test"
			}
			_, err := Bump(context.Background(), c.opts)
			if err == nil {
				t.Fatal("Bump succeeded, want an error")
			}
			for _, s := range c.errHas {
				if !strings.Contains(err.Error(), s) {
					t.Errorf("error %q does not contain %q", err, s)
				}
			}
			if got := mustRead(t, path); !bytes.Equal(got, content) {
				t.Errorf("stack file changed on error:\n%s", got)
			}
			assertNoTempFiles(t, dir)
		})
	}
}

func TestBumpDryRunWritesNothing(t *testing.T) {
	t.Parallel()
	src := readFixture(t)
	dir, path := stackDir(t, src)
	res, err := Bump(context.Background(), BumpOptions{Dir: dir, Stack: "test", Agent: "all", Part: "major", DryRun: true})
	if err != nil {
		t.Fatal(err)
	}
	if got := mustRead(t, path); !bytes.Equal(got, src) {
		t.Error("dry run changed the stack file")
	}
	var out strings.Builder
	if err := res.WriteSummary(&out); err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"dry run", "workflow      1.4.2 -> 2.0.0", "ai-assistant  0.9.0-rc.1+build.7 -> 1.0.0"} {
		if !strings.Contains(out.String(), s) {
			t.Errorf("summary lacks %q:\n%s", s, out.String())
		}
	}
}

func TestBumpSummaryShowsNextSteps(t *testing.T) {
	t.Parallel()
	dir, _ := stackDir(t, readFixture(t))
	res, err := Bump(context.Background(), BumpOptions{Dir: dir, Stack: "test", Agent: "workflow", Part: "patch"})
	if err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	if err := res.WriteSummary(&out); err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"1.4.2 -> 1.4.3", "Pulumi.test.yaml && git commit", "make preview STACK=test", "make up STACK=test", "make deploy-agent STACK=test AGENT=workflow"} {
		if !strings.Contains(out.String(), s) {
			t.Errorf("summary lacks %q:\n%s", s, out.String())
		}
	}
}

func TestBumpKeepsFileMode(t *testing.T) {
	t.Parallel()
	dir, path := stackDir(t, readFixture(t))
	if _, err := Bump(context.Background(), BumpOptions{Dir: dir, Stack: "test", Agent: "workflow", Part: "patch"}); err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(path)
	if err != nil || info.Mode().Perm() != 0o640 {
		t.Errorf("mode after bump = %v (%v), want 0640", info.Mode().Perm(), err)
	}
}

func assertNoTempFiles(t *testing.T, dir string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp-") {
			t.Errorf("temporary file left behind: %s", e.Name())
		}
	}
}
