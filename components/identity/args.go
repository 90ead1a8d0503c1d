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
	Region string `config:"aws:region"`
	// MFA is OFF, OPTIONAL or ON. OPTIONAL and ON offer software TOTP only (no SMS, which needs
	// an SNS setup this stack does not make). Required.
	MFA string `config:"cognito.mfa" default:"OPTIONAL"`
	// DeletionProtection makes Cognito refuse to delete the pool (ACTIVE). Default false (INACTIVE).
	DeletionProtection bool `config:"cognito.deletionProtection"`
	// CallbackURLs are the web client's OAuth redirect URLs. Required, at most 100; each https://
	// or http://localhost, absolute, without a fragment.
	CallbackURLs []string `config:"cognito.callbackUrls" default:"http://localhost:3000/callback"`
	// LogoutURLs are the web client's sign-out URLs. Same constraints as CallbackURLs.
	LogoutURLs []string `config:"cognito.logoutUrls" default:"http://localhost:3000"`
	// DomainPrefix is the hosted-UI prefix (<prefix>.auth.<region>.amazoncognito.com), globally
	// unique per region. Required; 1-63 lowercase letters, digits and hyphens, no
	// leading/trailing hyphen, and without "aws", "amazon" or "cognito".
	DomainPrefix string `config:"cognito.domainPrefix"`
	// Protect turns on protect + retain-on-delete for the user pool. Default false.
	Protect bool
	// Tags are extra tags; the component=identity tag is always added.
	Tags map[string]string
}

var (
	prefixPattern = regexp.MustCompile(`^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$`)
	reservedWords = []string{"aws", "amazon", "cognito"}
)

// Validate reports every problem with args, each naming its field.
func (a *UserPoolArgs) Validate(name string) error {
	if a == nil {
		return tier.NilArgs(component, name)
	}
	c := tier.NewChecker(component, name, "UserPoolArgs")
	c.Region("Region", a.Region)
	c.OneOf("MFA", a.MFA, MFAModes)
	c.Check(prefixPattern.MatchString(a.DomainPrefix), "DomainPrefix", a.DomainPrefix,
		"must be 1-63 lowercase letters, digits or hyphens, not starting or ending with a hyphen")
	if slices.ContainsFunc(reservedWords, func(w string) bool { return strings.Contains(a.DomainPrefix, w) }) {
		c.Bad("DomainPrefix", a.DomainPrefix, `must not contain "aws", "amazon" or "cognito" (Cognito reserves them)`)
	}
	for _, f := range []struct {
		field string
		urls  []string
	}{{"CallbackURLs", a.CallbackURLs}, {"LogoutURLs", a.LogoutURLs}} {
		c.Check(len(f.urls) > 0 && len(f.urls) <= maxURLs, f.field, f.urls, fmt.Sprintf("must list 1-%d URLs", maxURLs))
		for i, u := range f.urls {
			if err := checkURL(u); err != nil {
				c.Bad(fmt.Sprintf("%s[%d]", f.field, i), u, err.Error())
			}
		}
	}
	return c.Err()
}

// checkURL applies Cognito's redirect-URL rules: absolute, no fragment, https (http only for
// localhost: CreateUserPoolClient's CallbackURLs, Cognito API reference). App schemes
// (myapp://) AWS takes are refused: the client is the web app's.
func checkURL(raw string) error {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" || u.Fragment != "" || len(raw) > 1024 {
		return errors.New("must be an absolute URL of at most 1024 characters, without a fragment")
	}
	if u.Scheme == "https" || (u.Scheme == "http" && u.Hostname() == "localhost") {
		return nil
	}
	return errors.New("must use https (http is allowed only for localhost)")
}
