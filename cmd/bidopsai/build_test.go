package main

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// TestMakeRebuildsOnlyWhenAnInputChanged checks the Makefile's rule for bin/bidopsai with the
// input record scripts/godeps.sh writes: `make -q` answers whether the binary is up to date,
// and `-W FILE` asks "what if FILE had just been edited" without touching it.
func TestMakeRebuildsOnlyWhenAnInputChanged(t *testing.T) {
	for _, tool := range []string{"make", "bash"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s is needed to check the Makefile: %v", tool, err)
		}
	}
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	bin := t.TempDir()
	out := filepath.Join(bin, "bidopsai")
	godeps := exec.Command("bash", filepath.Join(root, "scripts/godeps.sh"), out, "./cmd/bidopsai")
	godeps.Dir = root
	deps, err := godeps.Output()
	if err != nil {
		t.Fatalf("godeps.sh: %v", err)
	}
	if err := os.WriteFile(filepath.Join(bin, ".bidopsai.d"), deps, 0o644); err != nil {
		t.Fatal(err)
	}
	// A binary newer than every input, as a build leaves it.
	if err := os.WriteFile(out, nil, 0o755); err != nil {
		t.Fatal(err)
	}
	later := time.Now().Add(time.Minute)
	if err := os.Chtimes(out, later, later); err != nil {
		t.Fatal(err)
	}
	upToDate := func(t *testing.T, args ...string) bool {
		t.Helper()
		cmd := exec.Command("make", append([]string{"-q", "-C", root, "BIN=" + bin}, append(args, out)...)...)
		err := cmd.Run()
		var exit *exec.ExitError
		switch {
		case err == nil:
			return true
		case errors.As(err, &exit) && exit.ExitCode() == 1:
			return false
		}
		t.Fatalf("make -q: %v", err)
		return false
	}
	if !upToDate(t) {
		t.Fatal("a binary newer than all its inputs is rebuilt")
	}
	for _, edited := range []string{
		"cmd/bidopsai/main.go",         // the command itself
		"internal/naming/naming.go",    // a dependency, two imports away
		"components/storage/bucket.go", // a component of the program
		"internal/cost/prices.json",    // an embedded file
		"internal/plan",                // a file added to or removed from a package
		"go.sum",                       // a module version
	} {
		t.Run("rebuilds_after_editing_"+edited, func(t *testing.T) {
			if upToDate(t, "-W", filepath.Join(root, edited)) {
				t.Errorf("editing %s does not rebuild bin/bidopsai", edited)
			}
		})
	}
	for _, other := range []string{"README.md", "internal/naming/naming_test.go", "Pulumi.prod.yaml"} {
		t.Run("keeps_the_binary_after_editing_"+other, func(t *testing.T) {
			if !upToDate(t, "-W", filepath.Join(root, other)) {
				t.Errorf("editing %s, not an input of the binary, rebuilds it", other)
			}
		})
	}
	t.Run("rebuilds_after_a_file_is_deleted", func(t *testing.T) {
		gone := filepath.Join(root, "internal", "plan", "deleted.go")
		extra := append(deps, []byte(out+": "+gone+"\n"+gone+":\n")...)
		if err := os.WriteFile(filepath.Join(bin, ".bidopsai.d"), extra, 0o644); err != nil {
			t.Fatal(err)
		}
		if upToDate(t) {
			t.Error("a deleted input does not rebuild bin/bidopsai")
		}
	})
}
