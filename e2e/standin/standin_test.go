package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

func TestRefusesToServeOutsideATest(t *testing.T) {
	_, err := newServer("aws", "", "")
	if err == nil || !strings.Contains(err.Error(), dirEnv) {
		t.Fatalf("newServer without %s = %v; want a refusal naming it", dirEnv, err)
	}
	versions = "aws=6.83.4,docker=4.10.0"
	if err := run("azure"); err == nil || !strings.Contains(err.Error(), "aws|docker") {
		t.Fatalf("run(azure) = %v; want the known packages listed", err)
	}
}

func TestLatencyPerTypeWithDefault(t *testing.T) {
	l, err := parseLatency("docker:index/image:Image=10s, *=1s,aws:iam/role:Role=250ms")
	if err != nil {
		t.Fatal(err)
	}
	for typ, want := range map[string]time.Duration{
		"docker:index/image:Image": 10 * time.Second, "aws:iam/role:Role": 250 * time.Millisecond,
		"aws:s3/bucketV2:BucketV2": time.Second,
	} {
		if got := l.of(typ); got != want {
			t.Errorf("latency of %s = %v, want %v", typ, got, want)
		}
	}
	for _, bad := range []string{"10s", "aws:iam/role:Role=soon", "*=-1s"} {
		if _, err := parseLatency(bad); err == nil {
			t.Errorf("parseLatency(%q) accepted it", bad)
		}
	}
}

func TestDiffNamesChangesAndReplacesOnlyWhatAWSCannotChangeInPlace(t *testing.T) {
	olds := resource.NewPropertyMapFromMap(map[string]any{"name": "/bidopsai/dev/a", "value": "1", "tier": "Standard"})
	update := olds.Copy()
	update["value"] = resource.NewProperty("2")
	changed, replaced := diffInputs("aws:ssm/parameter:Parameter", olds, update)
	if !slices.Equal(changed, []string{"value"}) || len(replaced) > 0 {
		t.Errorf("value change: changed %v replaced %v; want [value] and no replacement", changed, replaced)
	}
	rename := olds.Copy()
	rename["name"] = resource.NewProperty("/bidopsai/dev/b")
	if _, replaced := diffInputs("aws:ssm/parameter:Parameter", olds, rename); !slices.Equal(replaced, []string{"name"}) {
		t.Errorf("rename: replaced %v, want [name]", replaced)
	}
	unknown := olds.Copy()
	unknown["value"] = resource.MakeComputed(resource.NewProperty(""))
	if changed, _ := diffInputs("aws:ssm/parameter:Parameter", olds, unknown); !slices.Equal(changed, []string{"value"}) {
		t.Errorf("unknown new value: changed %v, want [value]", changed)
	}
	if changed, _ := diffInputs("aws:ssm/parameter:Parameter", olds, olds.Copy()); len(changed) > 0 {
		t.Errorf("same inputs: changed %v", changed)
	}
}

func TestCreateUsesThePlanTableAndDeleteForgets(t *testing.T) {
	dir := t.TempDir()
	s, err := newServer("aws", dir, "")
	if err != nil {
		t.Fatal(err)
	}
	urn := "urn:pulumi:dev::bidopsai::bidopsai:storage:Buckets$aws:s3/bucketV2:BucketV2::docs"
	secretInputs := resource.PropertyMap{"bucket": resource.NewProperty("bidopsai-dev-docs"),
		"note": resource.MakeSecret(resource.NewProperty("hush"))}
	props, err := marshal(secretInputs)
	if err != nil {
		t.Fatal(err)
	}
	res, err := s.Create(t.Context(), &pulumirpc.CreateRequest{Urn: urn, Properties: props})
	if err != nil {
		t.Fatal(err)
	}
	out, err := unmarshal(res.GetProperties())
	if err != nil {
		t.Fatal(err)
	}
	if res.GetId() != "bidopsai-dev-docs" || out["arn"].StringValue() != "arn:aws:s3:::bidopsai-dev-docs" {
		t.Errorf("create: id %q outputs %v; want the mock table's bucket id and ARN", res.GetId(), out)
	}
	if !out["note"].IsSecret() {
		t.Error("a secret input came back in the clear")
	}
	if _, ok, _ := s.store.get(urn); !ok {
		t.Fatal("the created bucket is not held")
	}
	if _, err := s.Delete(t.Context(), &pulumirpc.DeleteRequest{Urn: urn, Id: res.GetId()}); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := s.store.get(urn); ok {
		t.Error("the deleted bucket is still held")
	}
	raw, err := os.ReadFile(filepath.Join(dir, CallsFile))
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Count(string(raw), "\n"); got != 2 || !strings.Contains(string(raw), `"method":"Create"`) {
		t.Errorf("call log has %d lines, want Create and Delete:\n%s", got, raw)
	}
}
