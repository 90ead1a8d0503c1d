package stackfile

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

func TestWriteOutputIsAtomic(t *testing.T) {
	dir := t.TempDir()
	old, next := bytes.Repeat([]byte("a"), 1<<20), bytes.Repeat([]byte("b"), 1<<20)
	if _, err := WriteOutput(dir, "build/plan/dev.json", old, 0o644); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	stop := make(chan struct{})
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			select {
			case <-stop:
				return
			default:
			}
			b, err := os.ReadFile(filepath.Join(dir, "build/plan/dev.json"))
			if err != nil || (!bytes.Equal(b, old) && !bytes.Equal(b, next)) {
				t.Errorf("a reader saw a partial plan (%d bytes, %v)", len(b), err)
				return
			}
		}
	}()
	for i := 0; i < 20; i++ {
		data := next
		if i%2 == 1 {
			data = old
		}
		if _, err := WriteOutput(dir, "build/plan/dev.json", data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	close(stop)
	wg.Wait()
	left, _ := filepath.Glob(filepath.Join(dir, "build/plan/.*"))
	if len(left) != 0 {
		t.Fatalf("temporary files left behind: %v", left)
	}
}

func TestOutputStaysInsideTheProject(t *testing.T) {
	outside := t.TempDir()
	t.Run("refuses_a_build_directory_linking_out", func(t *testing.T) {
		dir := t.TempDir()
		if err := os.Symlink(outside, filepath.Join(dir, "build")); err != nil {
			t.Fatal(err)
		}
		if _, err := WriteOutput(dir, "build/plan/dev.json", []byte("{}"), 0o644); err == nil ||
			!strings.Contains(err.Error(), "outside the project") {
			t.Fatalf("want a refusal, got %v", err)
		}
		if entries, _ := os.ReadDir(outside); len(entries) != 0 {
			t.Fatalf("wrote outside the project: %v", entries)
		}
	})
	t.Run("removes_only_its_own_file", func(t *testing.T) {
		dir := t.TempDir()
		victim := filepath.Join(outside, "victim.json")
		if err := os.WriteFile(victim, []byte("{}"), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(filepath.Join(dir, "build", "plan", "dir.json"), 0o750); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(victim, filepath.Join(dir, "build", "plan", "link.json")); err != nil {
			t.Fatal(err)
		}
		if err := RemoveOutput(dir, "build/plan/dir.json"); err == nil {
			t.Fatal("a directory was removed as an output file")
		}
		if err := RemoveOutput(dir, "build/plan/link.json"); err != nil {
			t.Fatal(err)
		}
		if _, err := os.Stat(victim); err != nil {
			t.Fatalf("the link's target outside the project was removed: %v", err)
		}
		if err := RemoveOutput(dir, "build/plan/none.json"); err != nil {
			t.Fatalf("removing a missing plan: %v", err)
		}
	})
}
