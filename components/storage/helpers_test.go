package storage

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/bidopsai/bidopsai-infra/internal/mock"
	"github.com/bidopsai/bidopsai-infra/internal/mock/mocktest"
)

// Type tokens of the children, as the aws provider registers them.
const (
	tBucket     = "aws:s3/bucketV2:BucketV2"
	tPAB        = "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock"
	tOwnership  = "aws:s3/bucketOwnershipControls:BucketOwnershipControls"
	tEncryption = "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2"
	tPolicy     = "aws:s3/bucketPolicy:BucketPolicy"
	tLifecycle  = "aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2"
	tVersioning = "aws:s3/bucketVersioningV2:BucketVersioningV2"
	tLogging    = "aws:s3/bucketLoggingV2:BucketLoggingV2"
	tCors       = "aws:s3/bucketCorsConfigurationV2:BucketCorsConfigurationV2"
)

const testKey = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"

// validArgs is a compliant baseline; tests change one thing at a time.
func validArgs() *BucketsArgs {
	return &BucketsArgs{
		AccountID:               mock.Account,
		CorsAllowedOrigins:      []string{"https://app.bidopsai.com", "http://localhost:3000"},
		AccessLogExpirationDays: 365,
		ProcessedExpirationDays: 365,
		ProcessedNoncurrentDays: 30,
		ProcessedVersioning:     true,
		ProcessedTransitionToIA: true,
		Tags:                    map[string]string{"owner": "platform"},
	}
}

// buckets runs the component under the mock; assertions happen after it returns.
var buckets = mocktest.Tier[*BucketsArgs, *Buckets]{Stack: "dev", Region: "us-east-1", Name: "st", New: NewBuckets}

// names lists the logical names of every resource of a type, sorted.
func names(mon *mock.Monitor, typ string) []string {
	var out []string
	for _, r := range mon.ByType(typ) {
		out = append(out, r.Name)
	}
	sort.Strings(out)
	return out
}

func inputs(r mock.Resource) map[string]any { return r.Inputs.Mappable() }

// rulesOf summarises lifecycle rules as id -> "what@days", so expectations read as a table.
func rulesOf(t *testing.T, r mock.Resource) map[string]string {
	t.Helper()
	out := map[string]string{}
	rules, _ := inputs(r)["rules"].([]any)
	for _, raw := range rules {
		rule, _ := raw.(map[string]any)
		id, _ := rule["id"].(string)
		if rule["status"] != "Enabled" {
			t.Errorf("%s rule %s: status %v, want Enabled", r.Name, id, rule["status"])
		}
		if _, ok := rule["filter"].(map[string]any); !ok {
			t.Errorf("%s rule %s: want an empty filter (whole bucket), got %v", r.Name, id, rule["filter"])
		}
		var parts []string
		if ts, ok := rule["transitions"].([]any); ok {
			for _, tr := range ts {
				m, _ := tr.(map[string]any)
				parts = append(parts, fmt.Sprintf("%v@%v", m["storageClass"], m["days"]))
			}
		}
		if m, ok := rule["expiration"].(map[string]any); ok {
			parts = append(parts, fmt.Sprintf("expire@%v", m["days"]))
		}
		if m, ok := rule["noncurrentVersionExpiration"].(map[string]any); ok {
			parts = append(parts, fmt.Sprintf("noncurrent@%v", m["noncurrentDays"]))
		}
		if m, ok := rule["abortIncompleteMultipartUpload"].(map[string]any); ok {
			parts = append(parts, fmt.Sprintf("abort@%v", m["daysAfterInitiation"]))
		}
		out[id] = strings.Join(parts, ",")
	}
	return out
}

// bucketNames maps each bucket's physical name (what children reference) to its logical name.
func bucketNames(mon *mock.Monitor) map[string]string {
	out := map[string]string{}
	for _, r := range mon.ByType(tBucket) {
		if b, ok := r.Outputs["bucket"]; ok && b.IsString() {
			out[b.StringValue()] = r.Name
		}
	}
	return out
}
