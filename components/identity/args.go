package identity

import (
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strings"

	"github.com/bidopsai/bidopsai-infra/internal/tier"
)

// MFAModes are the accepted values of UserPoolArgs.MFA.
var MFAModes = []string{"OFF", "OPTIONAL", "ON"}

// maxURLs is Cognito's limit on callback and logout URLs per client.
const maxURLs = 100

// UserPoolArgs configures the Cognito user pool, its domain, web client and groups.
type UserPoolArgs struct {
	// Region is the AWS region the stack deploys to, e.g. us-east-1; it builds the domain and
	// issuer URLs. Required.
	Region string
	// MFA is OFF, OPTIONAL or ON. OPTIONAL and ON offer software TOTP only (no SMS, which needs
	// an SNS setup this stack does not make). Default OPTIONAL.
	MFA string
	// DeletionProtection makes Cognito refuse to delete the pool (ACTIVE). Default false (INACTIVE).
	DeletionProtection bool
	// CallbackURLs are the web client's OAuth redirect URLs. Required, at most 100; each https://
	// or http://localhost, absolute, without a fragment.
	CallbackURLs []string
	// LogoutURLs are the web client's sign-out URLs. Same constraints as CallbackURLs.
	LogoutURLs []string
	// DomainPrefix is the hosted-UI prefix (<prefix>.auth.<region>.amazoncognito.com). Required;
	// 1-63 lowercase letters, digits and hyphens, no leading/trailing hyphen, and without
	// "aws", "amazon" or "cognito".
	DomainPrefix string
	// Protect turns on protect + retain-on-delete for the user pool. Default false.
	Protect bool
	// Tags are extra tags; the component=identity tag is always added.
	Tags map[string]string
}

var (
	prefixPattern = regexp.MustCompile(`^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$`)
	reservedWords = []string{"aws", "amazon", "cognito"}
	localHosts    = []string{"localhost", "127.0.0.1", "::1"}
)

// withDefaults returns a copy of args with zero values replaced by their documented defaults.
func withDefaults(in UserPoolArgs) UserPoolArgs {
	out := in
	if out.MFA == "" {
		out.MFA = "OPTIONAL"
	}
	return out
}

// validate reports every problem with args (after defaults), each naming its field.
func validate(name string, a UserPoolArgs) error {
	c := tier.NewChecker(component, name, "UserPoolArgs")
	c.Region("Region", a.Region)
	c.Check(slices.Contains(MFAModes, a.MFA), "MFA", a.MFA, "must be one of "+strings.Join(MFAModes, ", "))
	c.Check(prefixPattern.MatchString(a.DomainPrefix), "DomainPrefix", a.DomainPrefix,
		"must be 1-63 lowercase letters, digits and hyphens, not starting or ending with a hyphen")
	if slices.ContainsFunc(reservedWords, func(w string) bool { return strings.Contains(a.DomainPrefix, w) }) {
		c.Bad("DomainPrefix", a.DomainPrefix, `must not contain "aws", "amazon" or "cognito"`)
	}
	for _, f := range []struct {
		field string
		urls  []string
	}{{"CallbackURLs", a.CallbackURLs}, {"LogoutURLs", a.LogoutURLs}} {
		c.Check(len(f.urls) > 0 && len(f.urls) <= maxURLs, f.field, len(f.urls), fmt.Sprintf("must hold 1-%d URLs", maxURLs))
		for i, u := range f.urls {
			if err := checkURL(u); err != nil {
				c.Bad(fmt.Sprintf("%s[%d]", f.field, i), u, err.Error())
			}
		}
	}
	return c.Err()
}

// checkURL applies Cognito's redirect-URL rules: absolute, https (http only for localhost),
// no fragment.
func checkURL(raw string) error {
	const rule = "must be an absolute https:// URL (http:// only for localhost) without a fragment"
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" || u.Fragment != "" || len(raw) > 1024 {
		return errors.New(rule)
	}
	if u.Scheme == "https" || (u.Scheme == "http" && slices.Contains(localHosts, u.Hostname())) {
		return nil
	}
	return errors.New(rule)
}
