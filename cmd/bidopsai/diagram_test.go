package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDiagramCommand(t *testing.T) {
	t.Run("draws_the_plan_into_build_diagram", func(t *testing.T) {
		dir := t.TempDir()
		plan := `{"project":"bidopsai","stack":"me","resources":[` +
			`{"urn":"urn:pulumi:me::bidopsai::bidopsai:storage:Buckets::app","type":"bidopsai:storage:Buckets","name":"app"},` +
			`{"urn":"urn:pulumi:me::bidopsai::bidopsai:storage:Buckets$aws:s3/bucketV2:BucketV2::app-documents",` +
			`"type":"aws:s3/bucketV2:BucketV2","name":"app-documents","custom":true,` +
			`"parent":"urn:pulumi:me::bidopsai::bidopsai:storage:Buckets::app"}]}`
		if err := os.MkdirAll(filepath.Join(dir, "build", "plan"), 0o750); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "build", "plan", "me.json"), []byte(plan), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "Pulumi.me.yaml"), []byte("config: {}\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		if code := runDiagram([]string{"--stack", "me", "--dir", dir}); code != 0 {
			t.Fatalf("exit %d", code)
		}
		b, err := os.ReadFile(filepath.Join(dir, "build", "diagram", "me.mmd"))
		if err != nil || !strings.Contains(string(b), `n_storage_bucket_documents[("S3 bucket<br/>documents")]`) {
			t.Fatalf("diagram %q, %v", b, err)
		}
	})
	t.Run("fails_without_a_plan", func(t *testing.T) {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "Pulumi.me.yaml"), []byte("config: {}\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		if code := runDiagram([]string{"--stack", "me", "--dir", dir}); code != 1 {
			t.Fatalf("exit %d, want 1", code)
		}
	})
	t.Run("refuses_a_stack_name_that_is_a_path", func(t *testing.T) {
		if code := runDiagram([]string{"--stack", "../me"}); code != 2 {
			t.Fatalf("exit %d, want 2", code)
		}
	})
}
