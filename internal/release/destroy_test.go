package release

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// projectDir makes a project directory with the real Pulumi.yaml and the given stack files.
func projectDir(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	files["Pulumi.yaml"] = string(mustRead(t, "../../Pulumi.yaml"))
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestCheckDestroy(t *testing.T) {
	t.Parallel()
	const protectedFile = "config:\n  bidopsai:protect: true\n"
	cases := []struct {
		name, content, stack, confirm string
		errHas                        string // "" means destroy may proceed
	}{
		{"allows_unprotected_stack", "config:\n  bidopsai:protect: false\n", "dev", "", ""},
		{"allows_stack_without_protect_key", "config:\n  aws:region: us-east-1\n", "dev", "", ""},
		{"refuses_protected_stack_without_confirm", protectedFile, "prod", "", "make destroy STACK=prod CONFIRM=prod"},
		{"refuses_protected_stack_with_wrong_confirm", protectedFile, "prod", "dev", `CONFIRM="dev" does not match`},
		{"allows_protected_stack_with_matching_confirm", protectedFile, "prod", "prod", ""},
		{"reads_quoted_true_as_protected", "config:\n  bidopsai:protect: \"true\"\n", "prod", "", "is protected"},
		{"reads_the_unprefixed_key_as_the_program_does", "config:\n  protect: true\n", "prod", "", "is protected"},
		{"reads_an_anchored_value_as_the_program_does", "config:\n  bidopsai:logLevel: &t INFO\n  bidopsai:protect: true\n", "prod", "", "is protected"},
		{"refuses_the_key_written_both_ways", "config:\n  protect: true\n  bidopsai:protect: false\n", "prod", "", "sets bidopsai:protect again"},
		{"refuses_a_duplicate_protect_key", "config:\n  bidopsai:protect: true\n  bidopsai:protect: false\n", "prod", "", "already set"},
		{"refuses_a_second_document", "config:\n  bidopsai:protect: true\n---\nconfig:\n  bidopsai:protect: false\n", "prod", "", "more than one YAML document"},
		{"refuses_a_secret_protect_value_it_cannot_read", "config:\n  bidopsai:protect:\n    secure: v1:abc\n", "prod", "", "[secret]"},
		{"refuses_capitalised_true_the_program_refuses", "config:\n  bidopsai:protect: True\n", "prod", "", `"True": must be true or false`},
		{"refuses_non_boolean_protect", "config:\n  bidopsai:protect: yes please\n", "prod", "", `"yes please": must be true or false`},
		{"refuses_null_protect", "config:\n  bidopsai:protect:\n", "prod", "", "is null"},
		{"refuses_unparseable_file", "config: [\n", "prod", "", "parse"},
		{"refuses_missing_stack_file", "", "staging", "", "Pulumi.staging.yaml"},
		{"refuses_bad_stack_name", protectedFile, "../prod", "", `"../prod"`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			files := map[string]string{}
			if c.content != "" {
				files["Pulumi."+strings.TrimPrefix(c.stack, "../")+".yaml"] = c.content
			}
			err := CheckDestroy(projectDir(t, files), c.stack, c.confirm)
			switch {
			case c.errHas == "" && err != nil:
				t.Errorf("CheckDestroy = %v, want nil", err)
			case c.errHas != "" && (err == nil || !strings.Contains(err.Error(), c.errHas)):
				t.Errorf("CheckDestroy = %v, want an error containing %q", err, c.errHas)
			}
		})
	}
}

func TestRealStackFilesParseAndProdIsProtected(t *testing.T) {
	t.Parallel()
	for _, stack := range []string{"dev", "staging", "prod"} {
		got, err := Protected("../..", stack)
		if err != nil || (stack == "prod" && !got) || (stack == "dev" && got) {
			t.Errorf("Protected(%s) = %v, %v; want prod protected, dev not, every file readable", stack, got, err)
		}
	}
}
