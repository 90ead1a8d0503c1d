package identity

import (
	"strings"
	"testing"

	"github.com/bidopsai/bidopsai-infra/internal/mock/mocktest"
)

func TestRejectsInvalidArgs(t *testing.T) {
	cases := []struct {
		name   string
		mutate func(a *UserPoolArgs)
		want   []string // the field (invalid UserPoolArgs.<field> = ), then what the error says is allowed
	}{
		{"rejects_missing_region", func(a *UserPoolArgs) { a.Region = "" }, []string{"Region", "us-east-1"}},
		{"rejects_unknown_mfa_mode", func(a *UserPoolArgs) { a.MFA = "SMS" },
			[]string{"MFA", `"SMS"`, "OFF, OPTIONAL, ON"}},
		{"rejects_lowercase_mfa_mode", func(a *UserPoolArgs) { a.MFA = "on" }, []string{"MFA", "OFF, OPTIONAL, ON"}},
		{"rejects_missing_domain_prefix", func(a *UserPoolArgs) { a.DomainPrefix = "" },
			[]string{"DomainPrefix", "lowercase letters, digits and hyphens"}},
		{"rejects_uppercase_in_domain_prefix", func(a *UserPoolArgs) { a.DomainPrefix = "BidOps" },
			[]string{"DomainPrefix", "lowercase"}},
		{"rejects_leading_hyphen_in_domain_prefix", func(a *UserPoolArgs) { a.DomainPrefix = "-bidops" },
			[]string{"DomainPrefix", "not starting or ending with a hyphen"}},
		{"rejects_trailing_hyphen_in_domain_prefix", func(a *UserPoolArgs) { a.DomainPrefix = "bidops-" },
			[]string{"DomainPrefix", "not starting or ending with a hyphen"}},
		{"rejects_domain_prefix_over_63_characters", func(a *UserPoolArgs) { a.DomainPrefix = strings.Repeat("b", 64) },
			[]string{"DomainPrefix", "1-63"}},
		{"rejects_aws_in_domain_prefix", func(a *UserPoolArgs) { a.DomainPrefix = "bidops-aws-dev" },
			[]string{"DomainPrefix", `"aws", "amazon" or "cognito"`}},
		{"rejects_amazon_in_domain_prefix", func(a *UserPoolArgs) { a.DomainPrefix = "amazonbidops" },
			[]string{"DomainPrefix", `"amazon"`}},
		{"rejects_cognito_in_domain_prefix", func(a *UserPoolArgs) { a.DomainPrefix = "bidops-cognito" },
			[]string{"DomainPrefix", `"cognito"`}},
		{"rejects_empty_callback_urls", func(a *UserPoolArgs) { a.CallbackURLs = nil },
			[]string{"CallbackURLs", "1-100 URLs"}},
		{"rejects_empty_logout_urls", func(a *UserPoolArgs) { a.LogoutURLs = []string{} },
			[]string{"LogoutURLs", "1-100 URLs"}},
		{"rejects_plain_http_callback_to_a_public_host", func(a *UserPoolArgs) {
			a.CallbackURLs = []string{"http://app.bidopsai.com/callback"}
		}, []string{"CallbackURLs[0]", "https://", "localhost"}},
		{"rejects_relative_callback_url", func(a *UserPoolArgs) { a.CallbackURLs = []string{"/callback"} },
			[]string{"CallbackURLs[0]", "absolute"}},
		{"rejects_callback_url_with_fragment", func(a *UserPoolArgs) {
			a.CallbackURLs = []string{"https://app.bidopsai.com/cb", "https://app.bidopsai.com/#cb"}
		}, []string{"CallbackURLs[1]", "fragment"}},
		{"rejects_logout_url_with_other_scheme", func(a *UserPoolArgs) { a.LogoutURLs = []string{"ftp://bidopsai.com"} },
			[]string{"LogoutURLs[0]", "https://"}},
	}
	var rows []mocktest.BadInput[*UserPoolArgs]
	for _, tc := range cases {
		rows = append(rows, mocktest.BadInput[*UserPoolArgs]{Name: tc.name, Mutate: tc.mutate,
			Field: "UserPoolArgs." + tc.want[0], Want: tc.want[1:]})
	}
	rows = append(rows, mocktest.BadInput[*UserPoolArgs]{Name: "reports_every_problem_at_once",
		Mutate: func(a *UserPoolArgs) { a.MFA, a.DomainPrefix = "SMS", "aws" }, Want: []string{"MFA", "DomainPrefix"}})
	pools.Rejects(t, baseArgs, rows)
	t.Run("accepts_http_only_for_localhost", func(t *testing.T) {
		a := baseArgs()
		a.CallbackURLs = []string{"http://localhost:3000/cb", "http://127.0.0.1:8080/cb"}
		if _, _, err := pools.Run(a); err != nil {
			t.Errorf("localhost http rejected: %v", err)
		}
	})
}
