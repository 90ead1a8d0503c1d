// Package testbin builds the command in a test's package directory for tests that run it as a
// process, at a fixed place per checkout in the user's cache: `go build -o` then finds the binary
// current and skips the link (most of such a test's time) when nothing changed since the last run.
package testbin

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// Build builds the package in the current directory as name and returns the binary's path.
func Build(t *testing.T, name string) string {
	t.Helper()
	dir, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(t.TempDir(), name)
	if cache, err := os.UserCacheDir(); err == nil {
		sum := sha256.Sum256([]byte(dir))
		out := filepath.Join(cache, "bidopsai-infra-test", hex.EncodeToString(sum[:8]))
		if err := os.MkdirAll(out, 0o750); err != nil {
			t.Fatal(err)
		}
		bin = filepath.Join(out, name)
	}
	build := exec.CommandContext(t.Context(), "go", "build", "-o", bin, ".") //nolint:gosec // G204: the test's own package
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build %s: %v\n%s", name, err, out)
	}
	return bin
}
