package storage

import (
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

func TestInvalidArgs(t *testing.T) {
	cases := []struct {
		name   string
		bucket string // component name; "st" unless set
		mutate func(*BucketsArgs)
		field  string // must appear in the error
	}{
		{"rejects_uppercase_in_name", "Storage", nil, "name"},
		{"rejects_dot_in_name", "st.docs", nil, "name"},
		{"rejects_trailing_hyphen_in_name", "st-", nil, "name"},
		{"rejects_reserved_xn_prefix_in_name", "xn--st", nil, "name"},
		{"rejects_name_too_long_for_an_auto_named_bucket", strings.Repeat("a", maxNameLength+1), nil, "name"},
		{"rejects_short_account_id", "", func(a *BucketsArgs) { a.AccountID = "12345" }, "BucketsArgs.AccountID"},
		{"rejects_empty_account_id", "", func(a *BucketsArgs) { a.AccountID = "" }, "BucketsArgs.AccountID"},
		{"rejects_no_cors_origins", "", func(a *BucketsArgs) { a.CorsAllowedOrigins = nil }, "BucketsArgs.CorsAllowedOrigins"},
		{"rejects_wildcard_cors_origin", "", func(a *BucketsArgs) { a.CorsAllowedOrigins = []string{"*"} }, "BucketsArgs.CorsAllowedOrigins[0]"},
		{"rejects_cors_origin_with_trailing_slash", "", func(a *BucketsArgs) {
			a.CorsAllowedOrigins = []string{"https://app.bidopsai.com", "https://bidopsai.com/"}
		}, "BucketsArgs.CorsAllowedOrigins[1]"},
		{"rejects_cors_origin_without_scheme", "", func(a *BucketsArgs) { a.CorsAllowedOrigins = []string{"app.bidopsai.com"} }, "BucketsArgs.CorsAllowedOrigins[0]"},
		{"rejects_non_http_cors_origin", "", func(a *BucketsArgs) { a.CorsAllowedOrigins = []string{"ftp://files.bidopsai.com"} }, "BucketsArgs.CorsAllowedOrigins[0]"},
		{"rejects_zero_access_log_expiration", "", func(a *BucketsArgs) { a.AccessLogExpirationDays = 0 }, "BucketsArgs.AccessLogExpirationDays"},
		{"rejects_negative_access_log_expiration", "", func(a *BucketsArgs) { a.AccessLogExpirationDays = -7 }, "BucketsArgs.AccessLogExpirationDays"},
		{"rejects_zero_processed_expiration", "", func(a *BucketsArgs) { a.ProcessedExpirationDays = 0 }, "BucketsArgs.ProcessedExpirationDays"},
		{"rejects_zero_processed_noncurrent_days", "", func(a *BucketsArgs) { a.ProcessedNoncurrentDays = 0 }, "BucketsArgs.ProcessedNoncurrentDays"},
		{"rejects_processed_expiry_not_after_the_ia_transition", "", func(a *BucketsArgs) {
			a.ProcessedTransitionToIA, a.ProcessedExpirationDays = true, 90
		}, "BucketsArgs.ProcessedExpirationDays"},
		{"rejects_kms_alias_instead_of_key_arn", "", func(a *BucketsArgs) { a.KMSKeyArn = pulumi.String("alias/bidopsai") }, "BucketsArgs.KMSKeyArn"},
		{"rejects_empty_kms_key_arn", "", func(a *BucketsArgs) { a.KMSKeyArn = pulumi.String("") }, "BucketsArgs.KMSKeyArn"},
		{"rejects_aws_prefixed_tag_key", "", func(a *BucketsArgs) { a.Tags = map[string]string{"aws:owner": "x"} }, "BucketsArgs.Tags key"},
		{"rejects_tag_value_over_256_characters", "", func(a *BucketsArgs) {
			a.Tags = map[string]string{"note": strings.Repeat("x", 257)}
		}, `BucketsArgs.Tags["note"]`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			args := validArgs()
			if tc.mutate != nil {
				tc.mutate(args)
			}
			name := tc.bucket
			if name == "" {
				name = "st"
			}
			mon, err := run(t, args, name)
			if err == nil {
				t.Fatal("want an error, got none")
			}
			if !strings.Contains(err.Error(), "invalid "+tc.field+" = ") {
				t.Errorf("error does not name %s: %v", tc.field, err)
			}
			if n := len(mon.Resources()); n != 0 {
				t.Errorf("%d resources registered, want 0", n)
			}
		})
	}
	t.Run("rejects_nil_args", func(t *testing.T) {
		mon, err := run(t, nil, "st")
		if err == nil || !strings.Contains(err.Error(), "args") {
			t.Fatalf("want an error naming args, got %v", err)
		}
		if n := len(mon.Resources()); n != 0 {
			t.Errorf("%d resources registered, want 0", n)
		}
	})
	t.Run("reports_every_bad_field_at_once", func(t *testing.T) {
		args := validArgs()
		args.AccountID, args.AccessLogExpirationDays, args.CorsAllowedOrigins = "x", 0, nil
		_, err := run(t, args, "st")
		for _, f := range []string{"AccountID", "AccessLogExpirationDays", "CorsAllowedOrigins"} {
			if err == nil || !strings.Contains(err.Error(), f) {
				t.Errorf("error does not name %s: %v", f, err)
			}
		}
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
			mustRun(t, args, tc.bucket)
		})
	}
}
