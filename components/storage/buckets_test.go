package storage

import (
	"reflect"
	"slices"
	"sort"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/bidopsai/bidopsai-infra/internal/mock"
	"github.com/bidopsai/bidopsai-infra/internal/mock/mocktest"
)

func TestInventory(t *testing.T) {
	t.Run("registers_one_component_and_32_children_with_processed_versioning", func(t *testing.T) {
		mon := buckets.MustRun(t, validArgs(), "st")
		want := map[string]int{
			TypeToken: 1, tBucket: 4, tPAB: 4, tOwnership: 4, tEncryption: 4, tPolicy: 4,
			tLifecycle: 4, tVersioning: 3, tLogging: 3, tCors: 2,
		}
		got := map[string]int{}
		for _, r := range mon.Resources() {
			got[r.Type]++
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("resources per type:\n got %v\nwant %v", got, want)
		}
	})
	t.Run("builds_the_same_inventory_during_preview", func(t *testing.T) {
		mon := mock.New("bidopsai", "dev", "us-east-1")
		err := pulumi.RunErr(func(ctx *pulumi.Context) error {
			_, err := NewBuckets(ctx, "st", validArgs())
			return err
		}, pulumi.WithMocks("bidopsai", "dev", mon), func(ri *pulumi.RunInfo) { ri.DryRun = true })
		if err != nil {
			t.Fatal(err)
		}
		if n := len(mon.Resources()); n != 33 {
			t.Fatalf("%d resources in preview, want 33", n)
		}
	})
	t.Run("names_buckets_after_the_component", func(t *testing.T) {
		mon := buckets.MustRun(t, validArgs(), "st")
		want := []string{"st-access-logs", "st-artifacts", "st-documents", "st-processed"}
		if got := names(mon, tBucket); !reflect.DeepEqual(got, want) {
			t.Fatalf("bucket names %v, want %v", got, want)
		}
	})
}

func TestParentsAndNames(t *testing.T) {
	t.Run("two_instances_do_not_collide_and_every_child_is_parented_to_its_component", func(t *testing.T) {
		mon := buckets.MustRun(t, validArgs(), "alpha", "beta")
		if n := len(mon.ByType(TypeToken)); n != 2 {
			t.Fatalf("want 2 components, got %d", n)
		}
		mocktest.CheckChildren(t, mon, TypeToken)
		if n := len(mon.Resources()); n != 2*33 {
			t.Errorf("want %d resources, got %d", 2*33, n)
		}
	})
}

func TestProtection(t *testing.T) {
	for _, on := range []bool{true, false} {
		name := "protects_only_the_buckets_when_protect_is_true"
		if !on {
			name = "protects_nothing_when_protect_is_false"
		}
		t.Run(name, func(t *testing.T) {
			args := validArgs()
			args.Protect = on
			mon := buckets.MustRun(t, args, "st")
			for _, r := range mon.Resources() {
				want := on && r.Type == tBucket
				if r.Protect != want || r.RetainOnDelete != want {
					t.Errorf("%s %q: protect=%v retainOnDelete=%v, want %v", r.Type, r.Name, r.Protect, r.RetainOnDelete, want)
				}
			}
		})
	}
}

func TestForceDestroy(t *testing.T) {
	for _, on := range []bool{true, false} {
		t.Run(map[bool]string{true: "sets_force_destroy_on_every_bucket", false: "leaves_force_destroy_off"}[on], func(t *testing.T) {
			args := validArgs()
			args.ForceDestroy = on
			for _, r := range buckets.MustRun(t, args, "st").ByType(tBucket) {
				if got := inputs(r)["forceDestroy"]; got != on {
					t.Errorf("%s: forceDestroy %v, want %v", r.Name, got, on)
				}
			}
		})
	}
}

func TestTags(t *testing.T) {
	t.Run("tags_every_bucket_with_the_component_and_extra_tags", func(t *testing.T) {
		want := map[string]any{"component": "storage", "owner": "platform"}
		for _, r := range buckets.MustRun(t, validArgs(), "st").ByType(tBucket) {
			if got := inputs(r)["tags"]; !reflect.DeepEqual(got, want) {
				t.Errorf("%s: tags %v, want %v", r.Name, got, want)
			}
		}
	})
	t.Run("component_tag_wins_over_an_extra_tag_of_the_same_key", func(t *testing.T) {
		args := validArgs()
		args.Tags = map[string]string{"component": "other"}
		for _, r := range buckets.MustRun(t, args, "st").ByType(tBucket) {
			if got := inputs(r)["tags"].(map[string]any)["component"]; got != "storage" {
				t.Errorf("%s: component tag %v, want storage", r.Name, got)
			}
		}
	})
}

func TestLockdown(t *testing.T) {
	mon := buckets.MustRun(t, validArgs(), "st")
	t.Run("blocks_all_public_access_on_every_bucket", func(t *testing.T) {
		want := map[string]any{"bucket": nil, "blockPublicAcls": true, "blockPublicPolicy": true,
			"ignorePublicAcls": true, "restrictPublicBuckets": true}
		covered := map[string]bool{}
		for _, r := range mon.ByType(tPAB) {
			in := inputs(r)
			covered[in["bucket"].(string)] = true
			want["bucket"] = in["bucket"]
			if !reflect.DeepEqual(in, want) {
				t.Errorf("%s: %v, want %v", r.Name, in, want)
			}
		}
		if len(covered) != 4 {
			t.Errorf("public access blocks cover %d buckets, want 4", len(covered))
		}
	})
	t.Run("enforces_bucket_owner_so_acls_are_off", func(t *testing.T) {
		for _, r := range mon.ByType(tOwnership) {
			if got := inputs(r)["rule"]; !reflect.DeepEqual(got, map[string]any{"objectOwnership": "BucketOwnerEnforced"}) {
				t.Errorf("%s: rule %v", r.Name, got)
			}
		}
	})
}

func TestOrdering(t *testing.T) {
	mon := buckets.MustRun(t, validArgs(), "st")
	physical := bucketNames(mon)
	urn := func(typ, name string) string { return mocktest.Named(t, mon, typ, name).URN }
	t.Run("every_bucket_setting_waits_for_its_public_access_block", func(t *testing.T) {
		for _, typ := range []string{tOwnership, tEncryption, tPolicy, tLifecycle, tVersioning, tLogging, tCors} {
			for _, r := range mon.ByType(typ) {
				pab := urn(tPAB, physical[inputs(r)["bucket"].(string)]+"-public-access")
				if !slices.Contains(r.Dependencies, pab) {
					t.Errorf("%s %q does not depend on %s", typ, r.Name, pab)
				}
			}
		}
	})
	t.Run("access_logging_waits_for_the_log_bucket_policy", func(t *testing.T) {
		policy := urn(tPolicy, "st-access-logs-policy")
		for _, r := range mon.ByType(tLogging) {
			if !slices.Contains(r.Dependencies, policy) {
				t.Errorf("%s does not depend on the log bucket policy", r.Name)
			}
		}
	})
	t.Run("lifecycle_of_a_versioned_bucket_waits_for_its_versioning", func(t *testing.T) {
		for _, b := range []string{"st-documents", "st-artifacts", "st-processed"} {
			r := mocktest.Named(t, mon, tLifecycle, b+"-lifecycle")
			if v := urn(tVersioning, b+"-versioning"); !slices.Contains(r.Dependencies, v) {
				t.Errorf("%s does not depend on %s", r.Name, v)
			}
		}
	})
}

func TestOutputs(t *testing.T) {
	t.Run("exports_the_names_and_arns_of_the_four_buckets", func(t *testing.T) {
		mon, got, err := buckets.Outputs(validArgs(), func(c *Buckets) map[string]pulumi.Output {
			return map[string]pulumi.Output{
				"st-documents": c.DocumentsBucketName, "st-documents arn": c.DocumentsBucketArn,
				"st-artifacts": c.ArtifactsBucketName, "st-artifacts arn": c.ArtifactsBucketArn,
				"st-processed": c.ProcessedBucketName, "st-processed arn": c.ProcessedBucketArn,
				"st-access-logs": c.AccessLogsBucketName, "st-access-logs arn": c.AccessLogsBucketArn,
			}
		})
		if err != nil {
			t.Fatal(err)
		}
		want := map[string]any{}
		for name, logical := range bucketNames(mon) {
			want[logical] = name
			want[logical+" arn"] = "arn:aws:s3:::" + name
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("outputs\n got %v\nwant %v", got, want)
		}
	})
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
