package storage

import (
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/bidopsai/bidopsai-infra/internal/tier"
)

// BucketsArgs configures the storage tier. Every field is a plain value except KMSKeyArn, and all of
// them are validated before anything is registered.
type BucketsArgs struct {
	// AccountID is the AWS account that owns the buckets; the access-logs bucket accepts log
	// delivery only from it (aws:SourceAccount). No default; exactly 12 digits.
	AccountID string
	// Protect sets protect + retain-on-delete on the four buckets (not on their settings
	// resources). Default false.
	Protect bool
	// ForceDestroy lets a destroy delete buckets that still hold objects. Default false; meant
	// for throwaway (dev) stacks only.
	ForceDestroy bool
	// CorsAllowedOrigins are the browser origins (scheme://host[:port], http or https, no path)
	// allowed to use presigned URLs on the documents and artifacts buckets. At least one; https,
	// or http for localhost; no wildcard.
	CorsAllowedOrigins []string `config:"cors.allowedOrigins" default:"http://localhost:3000"`
	// AccessLogExpirationDays is how long server access logs are kept: 1-3650 days.
	AccessLogExpirationDays int `config:"storage.accessLogExpirationDays" default:"90"`
	// ProcessedExpirationDays is how long processed documents are kept: 1-3650 days, and over 90
	// when ProcessedTransitionToIA is set (S3 rejects expiry before the IA transition).
	ProcessedExpirationDays int `config:"storage.processedExpirationDays" default:"90"`
	// ProcessedNoncurrentDays is how long overwritten processed documents are kept: 1-3650 days.
	ProcessedNoncurrentDays int `config:"storage.processedNoncurrentDays" default:"30"`
	// ProcessedVersioning turns on versioning for the processed-documents bucket. Default false.
	ProcessedVersioning bool `config:"storage.processedVersioning"`
	// ProcessedTransitionToIA moves processed documents to STANDARD_IA after 90 days. Default false.
	ProcessedTransitionToIA bool `config:"storage.processedTransitionToIA"`
	// KMSKeyArn, when set, encrypts documents, artifacts and processed with SSE-KMS (bucket keys on).
	// Default nil: SSE-S3. The access-logs bucket always stays SSE-S3. A plain pulumi.String must
	// be a KMS key ARN.
	KMSKeyArn pulumi.StringInput
	// Tags are extra tags for every taggable child; the tier's component tag always wins. Default
	// none; keys 1-128 characters, not starting with "aws:"; values up to 256 characters.
	Tags map[string]string
}

// iaTransitionDays is when objects move to STANDARD_IA (original-cdk.md §4, §8).
const iaTransitionDays = 90

// maxDays bounds retention settings at ten years, which catches a unit mistake (hours, ms).
const maxDays = 3650

// maxNameLength keeps name+"-access-logs" within the 55 characters Pulumi can auto-name into a
// 63-character bucket name (it appends "-" and 7 random characters).
const maxNameLength = 55 - len(suffixAccessLogs)

var (
	namePattern = regexp.MustCompile(`^[a-z0-9]([a-z0-9-]*[a-z0-9])?$`)
)

// Validate returns every problem with name and args at once, each naming the field.
func (a *BucketsArgs) Validate(name string) error {
	if a == nil {
		return tier.NilArgs(component, name)
	}
	c := tier.NewChecker(component, name, "BucketsArgs")
	c.Name(namePattern.MatchString(name) && len(name) <= maxNameLength && !hasReservedPrefix(name),
		fmt.Sprintf("must be 1-%d characters of a-z, 0-9 and '-', start and end with a letter or digit, "+
			"and not start with xn--, sthree- or amzn-s3-demo- (it prefixes the bucket names)", maxNameLength))
	c.AccountID("AccountID", a.AccountID)
	c.Check(len(a.CorsAllowedOrigins) > 0, "CorsAllowedOrigins", a.CorsAllowedOrigins, "at least one origin is required")
	for i, o := range a.CorsAllowedOrigins {
		if err := checkOrigin(o); err != nil {
			c.Bad(fmt.Sprintf("CorsAllowedOrigins[%d]", i), o, err.Error())
		}
	}
	c.Between("AccessLogExpirationDays", a.AccessLogExpirationDays, 1, maxDays)
	c.Between("ProcessedExpirationDays", a.ProcessedExpirationDays, 1, maxDays)
	c.Between("ProcessedNoncurrentDays", a.ProcessedNoncurrentDays, 1, maxDays)
	if a.ProcessedTransitionToIA && a.ProcessedExpirationDays >= 1 && a.ProcessedExpirationDays <= iaTransitionDays {
		c.Bad("ProcessedExpirationDays", a.ProcessedExpirationDays,
			fmt.Sprintf("must be over %d when processed objects move to Standard-IA (processedTransitionToIA), at %d days",
				iaTransitionDays, iaTransitionDays))
	}
	c.KMSKeyArn("KMSKeyArn", a.KMSKeyArn)
	c.Tags("Tags", a.Tags)
	return c.Err()
}

func hasReservedPrefix(name string) bool {
	for _, p := range []string{"xn--", "sthree-", "amzn-s3-demo-"} {
		if strings.HasPrefix(name, p) {
			return true
		}
	}
	return false
}

// checkOrigin accepts what a browser sends as Origin: scheme://host[:port], nothing else; http
// only for localhost.
func checkOrigin(o string) error {
	u, err := url.Parse(o)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || strings.Contains(o, "*") ||
		u.Path != "" || u.RawQuery != "" || u.Fragment != "" || u.User != nil || strings.TrimSpace(o) != o {
		return errors.New("must be an origin such as https://app.example.com (scheme, host, optional port; no path or wildcard)")
	}
	if u.Scheme == "http" && u.Hostname() != "localhost" {
		return errors.New("must use https (http is allowed only for localhost)")
	}
	return nil
}
