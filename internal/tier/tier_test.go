package tier

import (
	"strings"
	"testing"
)

func TestCheckerSpeaksOneDialect(t *testing.T) {
	c := NewChecker("storage", "st", "BucketsArgs")
	c.Name(false, "must be lowercase")
	c.Check(true, "AccountID", "123456789012", "never reported")
	c.AccountID("AccountID", "12345")
	c.Region("Region", "us-east1")
	c.Bad("CorsAllowedOrigins", []string{"*", "https://a.example"}, "list the origins")
	c.Bad("KMSKeyArn", nil, "required")
	c.Positive("Days", 0)
	c.BadSecret("Password", "must not be empty")
	c.Emails("Emails", []string{"ops@example.com", "Ops <ops@example.com>", "OPS@example.com"})
	c.Bad("Note", strings.Repeat("x", 300), "too long")
	c.Tags("Tags", map[string]string{"aws:owner": "x"})
	got := strings.Split(c.Err().Error(), "\n")
	want := []string{
		`storage "st": invalid name = "st": must be lowercase`,
		`storage "st": invalid BucketsArgs.AccountID = "12345": must be exactly 12 digits`,
		`storage "st": invalid BucketsArgs.Region = "us-east1": must be a known AWS region code such as us-east-1`,
		`storage "st": invalid BucketsArgs.CorsAllowedOrigins = ["*" "https://a.example"]: list the origins`,
		`storage "st": invalid BucketsArgs.KMSKeyArn = <nil>: required`,
		`storage "st": invalid BucketsArgs.Days = 0: must be >= 1`,
		`storage "st": invalid BucketsArgs.Password = [secret]: must not be empty`,
		`storage "st": invalid BucketsArgs.Emails[1] = "Ops <ops@example.com>": must be an email address`,
		`storage "st": invalid BucketsArgs.Emails[2] = "OPS@example.com": is listed twice`,
		`storage "st": invalid BucketsArgs.Note = "` + strings.Repeat("x", 100) + `"... (300 characters): too long`,
		`storage "st": invalid BucketsArgs.Tags key = "aws:owner": must be 1-128 characters`,
	}
	if len(got) != len(want) {
		t.Fatalf("%d problems, want %d:\n%s", len(got), len(want), c.Err())
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("problem %d:\n got %s\nwant %s...", i, got[i], want[i])
		}
	}
}

func TestCheckerWithoutProblemsIsNil(t *testing.T) {
	c := NewChecker("budget", "b", "BudgetArgs")
	c.Name(true, "x")
	c.AccountID("AccountID", "123456789012")
	c.Region("Region", "eu-west-1")
	c.LogRetention("Days", 30)
	c.KMSKeyArn("KMSKeyArn", nil)
	c.Positive("Days", 1)
	if err := c.Err(); err != nil {
		t.Fatal(err)
	}
	if err := NilArgs("budget", "b"); err.Error() != `budget "b": args: required, got nil` {
		t.Fatal(err)
	}
}
