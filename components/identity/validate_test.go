package identity

import (
	"strings"
	"testing"

	"github.com/bidopsai/bidopsai-infra/internal/mock/mocktest"
)

func TestRejectsInvalidArgs(t *testing.T) {
	pools.Rejects(t, baseArgs, []mocktest.BadInput[*UserPoolArgs]{
		{Name: "rejects_missing_region", Mutate: func(a *UserPoolArgs) { a.Region = "" },
			Field: "UserPoolArgs.Region", Want: []string{"us-east-1"}},
		{Name: "rejects_unknown_mfa_mode", Mutate: func(a *UserPoolArgs) { a.MFA = "SMS" },
			Field: "UserPoolArgs.MFA", Want: []string{`"SMS"`, "OFF, OPTIONAL, ON"}},
		{Name: "rejects_lowercase_mfa_mode", Mutate: func(a *UserPoolArgs) { a.MFA = "on" },
			Field: "UserPoolArgs.MFA", Want: []string{"OFF, OPTIONAL, ON"}},
		{Name: "rejects_missing_domain_prefix", Mutate: func(a *UserPoolArgs) { a.DomainPrefix = "" },
			Field: "UserPoolArgs.DomainPrefix", Want: []string{"lowercase letters, digits or hyphens"}},
		{Name: "rejects_uppercase_in_domain_prefix", Mutate: func(a *UserPoolArgs) { a.DomainPrefix = "BidOps" },
			Field: "UserPoolArgs.DomainPrefix", Want: []string{"lowercase"}},
		{Name: "rejects_leading_hyphen_in_domain_prefix", Mutate: func(a *UserPoolArgs) { a.DomainPrefix = "-bidops" },
			Field: "UserPoolArgs.DomainPrefix", Want: []string{"not starting or ending with a hyphen"}},
		{Name: "rejects_trailing_hyphen_in_domain_prefix", Mutate: func(a *UserPoolArgs) { a.DomainPrefix = "bidops-" },
			Field: "UserPoolArgs.DomainPrefix", Want: []string{"not starting or ending with a hyphen"}},
		{Name: "rejects_domain_prefix_over_63_characters", Mutate: func(a *UserPoolArgs) { a.DomainPrefix = strings.Repeat("b", 64) },
			Field: "UserPoolArgs.DomainPrefix", Want: []string{"1-63"}},
		{Name: "rejects_aws_in_domain_prefix", Mutate: func(a *UserPoolArgs) { a.DomainPrefix = "bidops-aws-dev" },
			Field: "UserPoolArgs.DomainPrefix", Want: []string{`"aws", "amazon" or "cognito"`}},
		{Name: "rejects_amazon_in_domain_prefix", Mutate: func(a *UserPoolArgs) { a.DomainPrefix = "amazonbidops" },
			Field: "UserPoolArgs.DomainPrefix", Want: []string{`"amazon"`}},
		{Name: "rejects_cognito_in_domain_prefix", Mutate: func(a *UserPoolArgs) { a.DomainPrefix = "bidops-cognito" },
			Field: "UserPoolArgs.DomainPrefix", Want: []string{`"cognito"`}},
		{Name: "rejects_empty_callback_urls", Mutate: func(a *UserPoolArgs) { a.CallbackURLs = nil },
			Field: "UserPoolArgs.CallbackURLs", Want: []string{"1-100 URLs"}},
		{Name: "rejects_empty_logout_urls", Mutate: func(a *UserPoolArgs) { a.LogoutURLs = []string{} },
			Field: "UserPoolArgs.LogoutURLs", Want: []string{"1-100 URLs"}},
		{Name: "rejects_plain_http_callback_to_a_public_host", Mutate: func(a *UserPoolArgs) {
			a.CallbackURLs = []string{"http://app.bidopsai.com/callback"}
		},
			Field: "UserPoolArgs.CallbackURLs[0]", Want: []string{"https", "localhost"}},
		{Name: "rejects_relative_callback_url", Mutate: func(a *UserPoolArgs) { a.CallbackURLs = []string{"/callback"} },
			Field: "UserPoolArgs.CallbackURLs[0]", Want: []string{"absolute"}},
		{Name: "rejects_callback_url_with_fragment", Mutate: func(a *UserPoolArgs) {
			a.CallbackURLs = []string{"https://app.bidopsai.com/cb", "https://app.bidopsai.com/#cb"}
		},
			Field: "UserPoolArgs.CallbackURLs[1]", Want: []string{"fragment"}},
		{Name: "rejects_logout_url_with_other_scheme", Mutate: func(a *UserPoolArgs) { a.LogoutURLs = []string{"ftp://bidopsai.com"} },
			Field: "UserPoolArgs.LogoutURLs[0]", Want: []string{"must use https"}},
		{Name: "rejects_missing_mfa", Mutate: func(a *UserPoolArgs) { a.MFA = "" },
			Field: "UserPoolArgs.MFA", Want: []string{"OFF, OPTIONAL, ON"}},
		{Name: "rejects_http_for_a_loopback_address", Mutate: func(a *UserPoolArgs) { a.CallbackURLs = []string{"http://127.0.0.1:8080/cb"} },
			Field: "UserPoolArgs.CallbackURLs[0]", Want: []string{"only for localhost"}},
		{Name: "reports_every_problem_at_once", Mutate: func(a *UserPoolArgs) { a.MFA, a.DomainPrefix = "SMS", "aws" },
			Want: []string{"MFA", "DomainPrefix"}},
	})
	t.Run("accepts_http_only_for_localhost", func(t *testing.T) {
		a := baseArgs()
		a.CallbackURLs = []string{"http://localhost:3000/cb", "https://127.0.0.1:8080/cb"}
		if _, _, err := pools.Run(a); err != nil {
			t.Errorf("localhost http rejected: %v", err)
		}
	})
}
