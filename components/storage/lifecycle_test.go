package storage

import (
	"reflect"
	"testing"
)

func TestLifecycle(t *testing.T) {
	abort := "abort@7"
	cases := []struct {
		name   string
		mutate func(*BucketsArgs)
		want   map[string]map[string]string // bucket -> rule id -> summary
	}{
		{
			name:   "applies_the_original_rules_plus_abort_multipart_everywhere_with_processed_ia_on",
			mutate: func(*BucketsArgs) {},
			want: map[string]map[string]string{
				"st-documents": {"transition-to-standard-ia": "STANDARD_IA@90", "expire-noncurrent-versions": "noncurrent@90",
					"abort-incomplete-multipart-uploads": abort},
				"st-artifacts": {"transition-to-standard-ia": "STANDARD_IA@180", "expire-noncurrent-versions": "noncurrent@180",
					"abort-incomplete-multipart-uploads": abort},
				"st-processed": {"transition-to-standard-ia": "STANDARD_IA@90", "expire-objects": "expire@365",
					"expire-noncurrent-versions": "noncurrent@30", "abort-incomplete-multipart-uploads": abort},
				"st-access-logs": {"expire-objects": "expire@365", "abort-incomplete-multipart-uploads": abort},
			},
		},
		{
			name: "follows_processed_and_log_expiry_args_and_drops_processed_ia_when_off",
			mutate: func(a *BucketsArgs) {
				a.ProcessedTransitionToIA, a.ProcessedExpirationDays, a.ProcessedNoncurrentDays = false, 60, 7
				a.AccessLogExpirationDays = 90
			},
			want: map[string]map[string]string{
				"st-documents": {"transition-to-standard-ia": "STANDARD_IA@90", "expire-noncurrent-versions": "noncurrent@90",
					"abort-incomplete-multipart-uploads": abort},
				"st-artifacts": {"transition-to-standard-ia": "STANDARD_IA@180", "expire-noncurrent-versions": "noncurrent@180",
					"abort-incomplete-multipart-uploads": abort},
				"st-processed": {"expire-objects": "expire@60", "expire-noncurrent-versions": "noncurrent@7",
					"abort-incomplete-multipart-uploads": abort},
				"st-access-logs": {"expire-objects": "expire@90", "abort-incomplete-multipart-uploads": abort},
			},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			args := validArgs()
			tc.mutate(args)
			mon := buckets.MustRun(t, args, "st")
			physical := bucketNames(mon)
			got := map[string]map[string]string{}
			for _, r := range mon.ByType(tLifecycle) {
				got[physical[inputs(r)["bucket"].(string)]] = rulesOf(t, r)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Fatalf("lifecycle rules\n got %v\nwant %v", got, tc.want)
			}
		})
	}
}
