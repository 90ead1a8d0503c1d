package storage

import (
	"reflect"
	"slices"
	"testing"

	"github.com/bidopsai/bidopsai-infra/internal/mock"
	"github.com/bidopsai/bidopsai-infra/internal/mock/mocktest"
	"github.com/bidopsai/bidopsai-infra/internal/policydoc"
)

func TestBucketPolicies(t *testing.T) {
	mon := buckets.MustRun(t, validArgs(), "st")
	physical := bucketNames(mon)
	logical := map[string]string{} // logical bucket name -> physical
	for p, l := range physical {
		logical[l] = p
	}
	policies := map[string]policydoc.Document{} // logical bucket name -> its policy
	for _, r := range mon.ByType(tPolicy) {
		policies[physical[inputs(r)["bucket"].(string)]] = mocktest.Policy(t, r, "policy")
	}

	t.Run("every_bucket_has_exactly_one_policy", func(t *testing.T) {
		if len(policies) != 4 || len(mon.ByType(tPolicy)) != 4 {
			t.Fatalf("policies for %v, want the four buckets", policies)
		}
	})
	t.Run("every_bucket_including_the_log_bucket_denies_insecure_transport", func(t *testing.T) {
		for b, doc := range policies {
			arn := "arn:aws:s3:::" + logical[b]
			want := policydoc.Statement{Sid: sidTLSOnly, Effect: "Deny", Principal: "*", Action: []string{"s3:*"},
				Resource:  []string{arn, arn + "/*"},
				Condition: map[string]map[string]any{"Bool": {"aws:SecureTransport": "false"}}}
			if got := statement(doc, sidTLSOnly); !reflect.DeepEqual(got, want) {
				t.Errorf("%s TLS statement\n got %#v\nwant %#v", b, got, want)
			}
		}
	})
	t.Run("source_bucket_policies_hold_only_the_tls_deny", func(t *testing.T) {
		for _, b := range []string{"st-documents", "st-artifacts", "st-processed"} {
			if n := len(policies[b].Statement); n != 1 {
				t.Errorf("%s: %d statements, want 1", b, n)
			}
		}
	})
	t.Run("log_bucket_lets_only_s3_logging_from_this_account_and_the_source_buckets_write", func(t *testing.T) {
		logs := "arn:aws:s3:::" + logical["st-access-logs"]
		want := policydoc.Statement{Sid: sidLogDelivery, Effect: "Allow",
			Principal: map[string]any{"Service": []any{"logging.s3.amazonaws.com"}},
			Action:    []string{"s3:PutObject"},
			Resource:  []string{logs + "/project-documents/*", logs + "/artifacts/*", logs + "/processed-documents/*"},
			Condition: map[string]map[string]any{
				"StringEquals": {"aws:SourceAccount": mock.Account},
				"ArnLike": {"aws:SourceArn": []any{"arn:aws:s3:::" + logical["st-documents"],
					"arn:aws:s3:::" + logical["st-artifacts"], "arn:aws:s3:::" + logical["st-processed"]}},
			}}
		doc := policies["st-access-logs"]
		if got := statement(doc, sidLogDelivery); !reflect.DeepEqual(got, want) {
			t.Errorf("log delivery statement\n got %#v\nwant %#v", got, want)
		}
		if len(doc.Statement) != 2 {
			t.Errorf("log bucket policy has %d statements, want 2", len(doc.Statement))
		}
	})
	t.Run("no_allow_statement_has_a_wildcard_principal_or_action", func(t *testing.T) {
		for b, doc := range policies {
			for _, s := range doc.Statement {
				if s.Effect == "Allow" && (s.Principal == "*" || slices.Contains(s.Action, "*") || slices.Contains(s.Action, "s3:*")) {
					t.Errorf("%s: wildcard Allow %#v", b, s)
				}
			}
		}
	})
}

func TestLogsPolicyDocument(t *testing.T) {
	t.Run("uses_the_given_account_in_the_source_account_condition", func(t *testing.T) {
		text, err := logsPolicy("arn:aws:s3:::logs", "210987654321", []logSource{{arn: "arn:aws:s3:::docs", prefix: "d/"}})
		if err != nil {
			t.Fatal(err)
		}
		doc, err := policydoc.Parse(text)
		if err != nil {
			t.Fatal(err)
		}
		s := statement(doc, sidLogDelivery)
		if got := s.Condition["StringEquals"]["aws:SourceAccount"]; got != "210987654321" {
			t.Errorf("aws:SourceAccount %v", got)
		}
		if !reflect.DeepEqual(s.Resource, []string{"arn:aws:s3:::logs/d/*"}) {
			t.Errorf("resources %v", s.Resource)
		}
	})
}

// statement returns the statement with a sid, or a zero statement.
func statement(doc policydoc.Document, sid string) policydoc.Statement {
	for _, s := range doc.Statement {
		if s.Sid == sid {
			return s
		}
	}
	return policydoc.Statement{}
}
