package storage

import (
	"reflect"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

func TestEncryption(t *testing.T) {
	sse := func(algorithm, key string) map[string]any {
		def := map[string]any{"sseAlgorithm": algorithm}
		rule := map[string]any{"applyServerSideEncryptionByDefault": def}
		if key != "" {
			def["kmsMasterKeyId"] = key
			rule["bucketKeyEnabled"] = true
		}
		return rule
	}
	aes := sse("AES256", "")
	kms := sse("aws:kms", testKey)
	cases := []struct {
		name string
		key  pulumi.StringInput
		want map[string]map[string]any
	}{
		{"uses_sse_s3_everywhere_without_a_key", nil,
			map[string]map[string]any{"st-documents": aes, "st-artifacts": aes, "st-processed": aes, "st-access-logs": aes}},
		{"uses_the_kms_key_with_bucket_keys_except_on_the_log_bucket", pulumi.String(testKey),
			map[string]map[string]any{"st-documents": kms, "st-artifacts": kms, "st-processed": kms, "st-access-logs": aes}},
		{"accepts_the_key_as_an_output_of_another_resource", pulumi.String(testKey).ToStringOutput(),
			map[string]map[string]any{"st-documents": kms, "st-artifacts": kms, "st-processed": kms, "st-access-logs": aes}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			args := validArgs()
			args.KMSKeyArn = tc.key
			mon := buckets.MustRun(t, args, "st")
			physical := bucketNames(mon)
			got := map[string]map[string]any{}
			for _, r := range mon.ByType(tEncryption) {
				rules, _ := inputs(r)["rules"].([]any)
				if len(rules) != 1 {
					t.Fatalf("%s: %d rules, want 1", r.Name, len(rules))
				}
				got[physical[inputs(r)["bucket"].(string)]], _ = rules[0].(map[string]any)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Fatalf("encryption\n got %v\nwant %v", got, tc.want)
			}
		})
	}
}

func TestVersioning(t *testing.T) {
	for _, tc := range []struct {
		name string
		on   bool
		want []string
	}{
		{"versions_documents_artifacts_and_processed_when_processed_versioning_is_on", true,
			[]string{"st-artifacts", "st-documents", "st-processed"}},
		{"versions_only_documents_and_artifacts_when_processed_versioning_is_off", false,
			[]string{"st-artifacts", "st-documents"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			args := validArgs()
			args.ProcessedVersioning = tc.on
			mon := buckets.MustRun(t, args, "st")
			physical := bucketNames(mon)
			var got []string
			for _, r := range mon.ByType(tVersioning) {
				if s := inputs(r)["versioningConfiguration"]; !reflect.DeepEqual(s, map[string]any{"status": "Enabled"}) {
					t.Errorf("%s: %v, want status Enabled", r.Name, s)
				}
				got = append(got, physical[inputs(r)["bucket"].(string)])
			}
			if got = sortedKeys(toSet(got)); !reflect.DeepEqual(got, tc.want) {
				t.Fatalf("versioned buckets %v, want %v", got, tc.want)
			}
		})
	}
}

func TestAccessLogging(t *testing.T) {
	t.Run("logs_the_three_source_buckets_into_the_log_bucket_under_their_prefixes", func(t *testing.T) {
		mon := buckets.MustRun(t, validArgs(), "st")
		physical := bucketNames(mon)
		got := map[string]string{}
		for _, r := range mon.ByType(tLogging) {
			in := inputs(r)
			if target := physical[in["targetBucket"].(string)]; target != "st-access-logs" {
				t.Errorf("%s logs into %q, want st-access-logs", r.Name, target)
			}
			got[physical[in["bucket"].(string)]] = in["targetPrefix"].(string)
		}
		want := map[string]string{"st-documents": "project-documents/", "st-artifacts": "artifacts/",
			"st-processed": "processed-documents/"}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("logging %v, want %v", got, want)
		}
	})
}

func TestCORS(t *testing.T) {
	t.Run("allows_the_configured_origins_on_documents_and_artifacts_only", func(t *testing.T) {
		args := validArgs()
		mon := buckets.MustRun(t, args, "st")
		physical := bucketNames(mon)
		rule := func(methods ...any) []any {
			return []any{map[string]any{
				"allowedMethods": methods,
				"allowedOrigins": []any{"https://app.bidopsai.com", "http://localhost:3000"},
				"allowedHeaders": []any{"*"},
				"exposeHeaders":  []any{"ETag", "x-amz-server-side-encryption", "x-amz-request-id", "x-amz-id-2"},
				"maxAgeSeconds":  3600.0,
			}}
		}
		want := map[string]any{
			"st-documents": rule("GET", "PUT", "POST", "DELETE", "HEAD"),
			"st-artifacts": rule("GET", "PUT", "POST", "HEAD"),
		}
		got := map[string]any{}
		for _, r := range mon.ByType(tCors) {
			got[physical[inputs(r)["bucket"].(string)]] = inputs(r)["corsRules"]
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("CORS\n got %v\nwant %v", got, want)
		}
	})
}

func toSet(list []string) map[string]bool {
	out := map[string]bool{}
	for _, s := range list {
		out[s] = true
	}
	return out
}
