package identity

import (
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strings"
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
	regionPattern = regexp.MustCompile(`^[a-z]{2}(-[a-z]+)+-[0-9]$`)
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
func validate(a UserPoolArgs) error {
	var errs []error
	bad := func(field string, value any, rule string) {
		errs = append(errs, fmt.Errorf("invalid UserPoolArgs.%s %q: %s", field, fmt.Sprint(value), rule))
	}
	if !regionPattern.MatchString(a.Region) {
		bad("Region", a.Region, "must be an AWS region such as us-east-1")
	}
	if !slices.Contains(MFAModes, a.MFA) {
		bad("MFA", a.MFA, "must be one of "+strings.Join(MFAModes, ", "))
	}
	if !prefixPattern.MatchString(a.DomainPrefix) {
		bad("DomainPrefix", a.DomainPrefix,
			"must be 1-63 lowercase letters, digits and hyphens, not starting or ending with a hyphen")
	}
	for _, w := range reservedWords {
		if strings.Contains(a.DomainPrefix, w) {
			bad("DomainPrefix", a.DomainPrefix, `must not contain "aws", "amazon" or "cognito"`)
			break
		}
	}
	for field, urls := range map[string][]string{"CallbackURLs": a.CallbackURLs, "LogoutURLs": a.LogoutURLs} {
		if len(urls) == 0 || len(urls) > maxURLs {
			bad(field, len(urls), fmt.Sprintf("must hold 1-%d URLs", maxURLs))
		}
		for i, u := range urls {
			if err := checkURL(u); err != nil {
				bad(fmt.Sprintf("%s[%d]", field, i), u, err.Error())
			}
		}
	}
	slices.SortFunc(errs, func(x, y error) int { return strings.Compare(x.Error(), y.Error()) })
	return errors.Join(errs...)
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
