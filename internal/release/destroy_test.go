package release

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

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
		{"refuses_non_boolean_protect", "config:\n  bidopsai:protect: yes please\n", "prod", "", `"yes please"; want true or false`},
		{"refuses_unparseable_file", "config: [\n", "prod", "", "parse"},
		{"refuses_missing_stack_file", "", "staging", "", "Pulumi.staging.yaml"},
		{"refuses_bad_stack_name", protectedFile, "../prod", "", `"../prod"`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			if c.content != "" {
				if err := os.WriteFile(filepath.Join(dir, "Pulumi."+strings.TrimPrefix(c.stack, "../")+".yaml"), []byte(c.content), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			err := CheckDestroy(dir, c.stack, c.confirm)
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
		src, err := os.ReadFile("../../Pulumi." + stack + ".yaml")
		if err != nil {
			t.Skip("stack files not readable:", err)
		}
		got, err := Protected(src, stack)
		if err != nil || (stack == "prod" && !got) {
			t.Errorf("Protected(%s) = %v, %v; want prod protected and every file readable", stack, got, err)
		}
	}
}
