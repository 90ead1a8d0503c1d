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
		return makeQuestion(t, root, bin, out, args...)
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
			t.Parallel()
			if upToDate(t, "-W", filepath.Join(root, edited)) {
				t.Errorf("editing %s does not rebuild bin/bidopsai", edited)
			}
		})
	}
	for _, other := range []string{"README.md", "internal/naming/naming_test.go", "Pulumi.prod.yaml"} {
		t.Run("keeps_the_binary_after_editing_"+other, func(t *testing.T) {
			t.Parallel()
			if !upToDate(t, "-W", filepath.Join(root, other)) {
				t.Errorf("editing %s, not an input of the binary, rebuilds it", other)
			}
		})
	}
	t.Run("rebuilds_after_a_file_is_deleted", func(t *testing.T) {
		t.Parallel()
		// The record of a build whose inputs included a file that is gone now.
		own := t.TempDir()
		ownOut := filepath.Join(own, "bidopsai")
		gone := filepath.Join(root, "internal", "plan", "deleted.go")
		record := exec.Command("bash", filepath.Join(root, "scripts/godeps.sh"), "--rule", ownOut,
			filepath.Join(root, "go.mod"), gone)
		rule, err := record.Output()
		if err != nil {
			t.Fatalf("godeps.sh --rule: %v", err)
		}
		if err := os.WriteFile(filepath.Join(own, ".bidopsai.d"), rule, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(ownOut, nil, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(ownOut, later, later); err != nil {
			t.Fatal(err)
		}
		if makeQuestion(t, root, own, ownOut) {
			t.Error("a deleted input does not rebuild bin/bidopsai")
		}
	})
}

// makeQuestion runs `make -q` for the binary out under bin: true when it is up to date, false
// when make would rebuild it; any other answer (a make error) fails the test.
func makeQuestion(t *testing.T, root, bin, out string, args ...string) bool {
	t.Helper()
	cmd := exec.Command("make", append([]string{"-q", "-C", root, "BIN=" + bin}, append(args, out)...)...)
	msg, err := cmd.CombinedOutput()
	var exit *exec.ExitError
	switch {
	case err == nil:
		return true
	case errors.As(err, &exit) && exit.ExitCode() == 1:
		return false
	}
	t.Fatalf("make -q: %v\n%s", err, msg)
	return false
}
