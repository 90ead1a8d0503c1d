//go:build e2e

package e2e

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestMakePreviewNeverReachesTheStandins runs the real `make preview` the way a user would, with
// a fake `pulumi` that records whether it was asked to preview. Neither with the user's own PATH
// nor with the stand-ins put on it by hand does the preview start: make never adds them, and the
// preflight refuses a PATH that holds one.
func TestMakePreviewNeverReachesTheStandins(t *testing.T) {
	root, plugins := repoRoot(t), standinDir(t)
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Fatal(err)
	}
	fake := t.TempDir()
	marker := filepath.Join(fake, "previewed")
	script := "#!/bin/sh\ncase \"$1\" in version) echo v3.300.0;; *) echo \"$PATH\" > '" + marker + "';; esac\n"
	for _, name := range []string{"pulumi", "pulumi-language-go"} {
		if err := os.WriteFile(filepath.Join(fake, name), []byte(script), 0o700); err != nil {
			t.Fatal(err)
		}
	}
	system := strings.Join([]string{filepath.Dir(goBin), "/usr/local/bin", "/usr/bin", "/bin"}, string(os.PathListSeparator))
	for _, tc := range []struct {
		name, path, want string
	}{
		{"users_path", fake + string(os.PathListSeparator) + system, "MISSING  stack dev"},
		{"standins_on_path_by_hand", fake + string(os.PathListSeparator) + plugins + string(os.PathListSeparator) + system,
			"holds the test stand-ins"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cmd := exec.Command("make", "--no-print-directory", "preview", "STACK=dev")
			cmd.Dir = root
			cmd.Env = append(os.Environ(), "PATH="+tc.path, "AWS_ACCESS_KEY_ID=AKIAE2EFAKE", "AWS_SECRET_ACCESS_KEY=fake",
				"AWS_REGION=us-east-1")
			out, err := cmd.CombinedOutput()
			if err == nil {
				t.Fatalf("make preview succeeded; want the preflight to stop it:\n%s", out)
			}
			if !strings.Contains(string(out), tc.want) {
				t.Errorf("make preview output lacks %q:\n%s", tc.want, out)
			}
			if _, err := os.Stat(marker); err == nil {
				t.Errorf("pulumi preview was started")
			}
			if strings.Contains(tc.name, "users") && strings.Contains(string(out), plugins) {
				t.Errorf("the stand-ins' directory reached make preview:\n%s", out)
			}
		})
	}
}
