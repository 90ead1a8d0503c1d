package stackfile

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestCheckName(t *testing.T) {
	for _, ok := range []string{"dev", "dev-alice", "prod_2", "a.b", "9"} {
		if err := CheckName(ok); err != nil {
			t.Errorf("%q refused: %v", ok, err)
		}
	}
	bad := []string{"", ".", "..", "../dev", "dev/../prod", "/etc/passwd", "acme/bidopsai/dev", "dev prod",
		"dev;touch x", "$(id)", "`id`", "-rf", ".hidden", "dev\n", "dev\x00", "dév", strings.Repeat("a", 101), "dev'", `dev"`}
	for _, s := range bad {
		err := CheckName(s)
		if err == nil {
			t.Errorf("%q accepted", s)
			continue
		}
		if strings.ContainsAny(err.Error(), "\n\x00") {
			t.Errorf("the refusal echoes raw control characters: %q", err)
		}
	}
	if err := CheckName("acme/dev"); err == nil || !strings.Contains(err.Error(), "without an organization") {
		t.Errorf("prefix hint missing: %v", err)
	}
}

func TestPath(t *testing.T) {
	dir := t.TempDir()
	outside := t.TempDir()
	write(t, filepath.Join(dir, "Pulumi.dev.yaml"), "config: {}\n")
	write(t, filepath.Join(outside, "Pulumi.x.yaml"), "config: {}\n")
	if err := os.Symlink(filepath.Join(outside, "Pulumi.x.yaml"), filepath.Join(dir, "Pulumi.evil.yaml")); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, "Pulumi.adir.yaml"), 0o750); err != nil {
		t.Fatal(err)
	}
	if _, err := Path(dir, "dev"); err != nil {
		t.Fatalf("dev refused: %v", err)
	}
	for stack, want := range map[string]string{
		"nope": "stacks here: adir, dev", "evil": "outside the project", "adir": "not a regular file", "../dev": "not a stack name",
	} {
		if _, err := Path(dir, stack); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: want %q, got %v", stack, want, err)
		}
	}
}

func TestInside(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "agents", "a"), 0o750); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("/etc", filepath.Join(dir, "agents", "out")); err != nil {
		t.Fatal(err)
	}
	if _, err := Inside(dir, "agents/a"); err != nil {
		t.Fatal(err)
	}
	for _, rel := range []string{"/etc", "../x", "agents/../../x", "agents/out", "agents/missing", `agents\a`, ""} {
		if _, err := Inside(dir, rel); err == nil {
			t.Errorf("%q accepted", rel)
		}
	}
}

func write(t *testing.T, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestParseRefusesHostileYAML(t *testing.T) {
	bomb := "a: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\n" +
		"d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e,*e]\n" +
		"g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f,*f]\nh: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g,*g]\ni: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h,*h]\n"
	cases := map[string]struct{ text, want string }{
		"alias_bomb":               {"config:\n  bidopsai:x:\n" + indent(bomb), "alias bomb"},
		"duplicate_top_level_key":  {"config:\n  bidopsai:logLevel: INFO\n  bidopsai:logLevel: DEBUG\n", "already set at line 2"},
		"duplicate_nested_key":     {"config:\n  bidopsai:ecr:\n    tagMutability: MUTABLE\n    tagMutability: IMMUTABLE\n", "already set"},
		"duplicate_in_list_object": {"config:\n  bidopsai:x:\n    - {a: 1, a: 2}\n", "already set"},
		"key_with_and_without_ns":  {"config:\n  bidopsai:protect: true\n  protect: false\n", "sets bidopsai:protect again"},
		"duplicate_config_section": {"config: {}\nconfig: {}\n", "already set"},
		"two_documents":            {"config: {}\n---\nconfig:\n  bidopsai:protect: false\n", "more than one YAML document"},
		"merge_key":                {"config:\n  bidopsai:ecr:\n    <<: {tagMutability: MUTABLE}\n", "merge keys"},
		"null_top_value":           {"config:\n  bidopsai:logLevel: null\n", "is null"},
		"tilde_null":               {"config:\n  bidopsai:logLevel: ~\n", "is null"},
		"null_agent_entry":         {"config:\n  bidopsai:agents:\n    workflow: null\n", "bidopsai:agents.workflow is null"},
		"empty_agent_entry":        {"config:\n  bidopsai:agents:\n    workflow:\n", "is null"},
		"custom_tag":               {"config:\n  bidopsai:logLevel: !!binary aGk=\n", "YAML tag"},
		"nested_secure":            {"config:\n  bidopsai:db:\n    password:\n      secure: v1:abc\n", "secret inside an object"},
		"unknown_top_level_key":    {"confg:\n  bidopsai:protect: false\n", "unknown top-level key"},
		"non_scalar_key":           {"config:\n  ? [a]\n  : b\n", "plain text"},
		"config_is_a_list":         {"config:\n  - a\n", "must be a mapping"},
		"not_a_mapping":            {"- a\n", "want a YAML mapping"},
		"empty_file":               {"", "empty"},
		"too_large":                {"config: {}\n#" + strings.Repeat("x", MaxBytes), "over"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			start := time.Now()
			_, err := Parse([]byte(tc.text), "Pulumi.me.yaml", "bidopsai")
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("want error with %q, got %v", tc.want, err)
			}
			if d := time.Since(start); d > 2*time.Second {
				t.Fatalf("took %s", d)
			}
		})
	}
}

func indent(s string) string {
	return "    " + strings.ReplaceAll(strings.TrimSuffix(s, "\n"), "\n", "\n    ") + "\n"
}

func TestParseValues(t *testing.T) {
	src := "config:\n  logLevel: DEBUG\n  aws:region: us-east-1\n  bidopsai:logRetentionDays: 030\n" +
		"  bidopsai:cognito:\n    deletionProtection: True\n    mfa: ON\n    n: 5\n  bidopsai:x:\n    secure: v1:abc\n" +
		"  bidopsai:shared: &s {a: 1}\n  bidopsai:copy: *s\n"
	f, err := Parse([]byte(src), "f", "bidopsai")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"bidopsai:logLevel": "DEBUG", "aws:region": "us-east-1", "bidopsai:logRetentionDays": "030",
		"bidopsai:cognito": `{"deletionProtection":"True","mfa":"ON","n":5}`, "bidopsai:copy": `{"a":1}`,
	}
	for k, v := range want {
		if e := f.Config[k]; e == nil || e.Value != v {
			t.Errorf("%s = %+v, want %s", k, e, v)
		}
	}
	if e := f.Config["bidopsai:x"]; e.Secure != "v1:abc" || e.Value != "" {
		t.Errorf("secure value not kept apart: %+v", e)
	}
}
