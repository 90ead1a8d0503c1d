package storage

import (
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/bidopsai/bidopsai-infra/internal/mock/mocktest"
)

func TestInvalidArgs(t *testing.T) {
	buckets.Rejects(t, validArgs, []mocktest.BadInput[*BucketsArgs]{
		{Name: "rejects_uppercase_in_name", Component: "Storage", Field: "name"},
		{Name: "rejects_dot_in_name", Component: "st.docs", Field: "name"},
		{Name: "rejects_trailing_hyphen_in_name", Component: "st-", Field: "name"},
		{Name: "rejects_reserved_xn_prefix_in_name", Component: "xn--st", Field: "name"},
		{Name: "rejects_name_too_long_for_an_auto_named_bucket", Component: strings.Repeat("a", maxNameLength+1), Field: "name"},
		{Name: "rejects_short_account_id", Mutate: func(a *BucketsArgs) { a.AccountID = "12345" }, Field: "BucketsArgs.AccountID"},
		{Name: "rejects_empty_account_id", Mutate: func(a *BucketsArgs) { a.AccountID = "" }, Field: "BucketsArgs.AccountID"},
		{Name: "rejects_no_cors_origins", Mutate: func(a *BucketsArgs) { a.CorsAllowedOrigins = nil }, Field: "BucketsArgs.CorsAllowedOrigins"},
		{Name: "rejects_wildcard_cors_origin", Mutate: func(a *BucketsArgs) { a.CorsAllowedOrigins = []string{"*"} }, Field: "BucketsArgs.CorsAllowedOrigins[0]"},
		{Name: "rejects_cors_origin_with_trailing_slash", Mutate: func(a *BucketsArgs) {
			a.CorsAllowedOrigins = []string{"https://app.bidopsai.com", "https://bidopsai.com/"}
		}, Field: "BucketsArgs.CorsAllowedOrigins[1]"},
		{Name: "rejects_cors_origin_without_scheme", Mutate: func(a *BucketsArgs) { a.CorsAllowedOrigins = []string{"app.bidopsai.com"} }, Field: "BucketsArgs.CorsAllowedOrigins[0]"},
		{Name: "rejects_non_http_cors_origin", Mutate: func(a *BucketsArgs) { a.CorsAllowedOrigins = []string{"ftp://files.bidopsai.com"} }, Field: "BucketsArgs.CorsAllowedOrigins[0]"},
		{Name: "rejects_zero_access_log_expiration", Mutate: func(a *BucketsArgs) { a.AccessLogExpirationDays = 0 }, Field: "BucketsArgs.AccessLogExpirationDays"},
		{Name: "rejects_negative_access_log_expiration", Mutate: func(a *BucketsArgs) { a.AccessLogExpirationDays = -7 }, Field: "BucketsArgs.AccessLogExpirationDays"},
		{Name: "rejects_zero_processed_expiration", Mutate: func(a *BucketsArgs) { a.ProcessedExpirationDays = 0 }, Field: "BucketsArgs.ProcessedExpirationDays"},
		{Name: "rejects_zero_processed_noncurrent_days", Mutate: func(a *BucketsArgs) { a.ProcessedNoncurrentDays = 0 }, Field: "BucketsArgs.ProcessedNoncurrentDays"},
		{Name: "rejects_processed_expiry_not_after_the_ia_transition", Mutate: func(a *BucketsArgs) {
			a.ProcessedTransitionToIA, a.ProcessedExpirationDays = true, 90
		}, Field: "BucketsArgs.ProcessedExpirationDays"},
		{Name: "rejects_kms_alias_instead_of_key_arn", Mutate: func(a *BucketsArgs) { a.KMSKeyArn = pulumi.String("alias/bidopsai") }, Field: "BucketsArgs.KMSKeyArn"},
		{Name: "rejects_empty_kms_key_arn", Mutate: func(a *BucketsArgs) { a.KMSKeyArn = pulumi.String("") }, Field: "BucketsArgs.KMSKeyArn"},
		{Name: "rejects_aws_prefixed_tag_key", Mutate: func(a *BucketsArgs) { a.Tags = map[string]string{"aws:owner": "x"} }, Field: "BucketsArgs.Tags key"},
		{Name: "rejects_tag_value_over_256_characters", Mutate: func(a *BucketsArgs) {
			a.Tags = map[string]string{"note": strings.Repeat("x", 257)}
		}, Field: `BucketsArgs.Tags["note"]`},
		{Name: "reports_every_bad_field_at_once", Mutate: func(a *BucketsArgs) {
			a.AccountID, a.AccessLogExpirationDays, a.CorsAllowedOrigins = "x", 0, nil
		}, Want: []string{"AccountID", "AccessLogExpirationDays", "CorsAllowedOrigins"}},
	})
}

func TestValidArgsEdges(t *testing.T) {
	for _, tc := range []struct {
		name   string
		bucket string
		mutate func(*BucketsArgs)
	}{
		{"accepts_the_longest_name_that_still_fits_a_bucket_name", strings.Repeat("a", maxNameLength), func(*BucketsArgs) {}},
		{"accepts_processed_expiry_of_90_days_without_ia", "st", func(a *BucketsArgs) {
			a.ProcessedTransitionToIA, a.ProcessedExpirationDays = false, 90
		}},
		{"accepts_a_localhost_origin_with_port", "st", func(a *BucketsArgs) { a.CorsAllowedOrigins = []string{"http://localhost:4000"} }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			args := validArgs()
			tc.mutate(args)
			buckets.MustRun(t, args, tc.bucket)
		})
	}
}
