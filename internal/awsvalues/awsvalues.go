// Package awsvalues holds the value sets and formats that AWS (and semver.org) define, so the
// config loader and every component check them against one definition.
package awsvalues

import (
	"regexp"
	"slices"
	"strings"
)

// LogRetentionDays are CloudWatch Logs' allowed retention values; 0 (never expire) is left out
// on purpose, since unbounded retention is unbounded cost.
var LogRetentionDays = []int{1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096,
	1827, 2192, 2557, 2922, 3288, 3653}

// ValidRetention reports whether n is one of LogRetentionDays.
func ValidRetention(n int) bool { return slices.Contains(LogRetentionDays, n) }

// metricsNamespace is a CloudWatch metric namespace: 1-255 characters (API reference, Metric:
// Namespace) of letters, digits, spaces and . - _ / # : (User Guide, "Namespaces").
var metricsNamespace = regexp.MustCompile(`^[A-Za-z0-9 ._/#:-]{1,255}$`)

// ValidMetricsNamespace reports whether ns is a namespace a program may publish to: AWS/ is
// reserved for AWS services.
func ValidMetricsNamespace(ns string) bool {
	return metricsNamespace.MatchString(ns) && !strings.HasPrefix(ns, "AWS/")
}

// MetricsNamespaceRule is what a message says about a namespace ValidMetricsNamespace refuses.
const MetricsNamespaceRule = "must be 1-255 characters of letters, digits, spaces and . - _ / # : and not start " +
	"with AWS/ (reserved for AWS services)"

// email is an address SNS email subscriptions and Budgets subscribers deliver to: a bare
// address (no display name) whose domain has a dot and a top-level label of 2+ letters.
var email = regexp.MustCompile(`^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$`)

// ValidEmail reports whether e is such an address.
func ValidEmail(e string) bool { return email.MatchString(e) }

// EmailRule is what a message says about an address ValidEmail refuses.
const EmailRule = "must be an email address such as ops@example.com (no display name)"

var (
	// AccountID is a 12-digit AWS account id.
	AccountID = regexp.MustCompile(`^[0-9]{12}$`)
	// KMSKeyARN is a KMS key ARN (not an alias) in any partition.
	KMSKeyARN = regexp.MustCompile(`^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/[A-Za-z0-9-]+$`)
	// SemVer is the SemVer 2.0.0 regular expression published at semver.org; its groups are
	// major, minor, patch, pre-release and build metadata.
	SemVer = regexp.MustCompile(`^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)` +
		`(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?` +
		`(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$`)
)
