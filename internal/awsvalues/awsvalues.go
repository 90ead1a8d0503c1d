// Package awsvalues holds the value sets and formats that AWS (and semver.org) define, so the
// config loader and every component check them against one definition.
package awsvalues

import (
	"regexp"
	"slices"
)

// LogRetentionDays are CloudWatch Logs' allowed retention values; 0 (never expire) is left out
// on purpose, since unbounded retention is unbounded cost.
var LogRetentionDays = []int{1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096,
	1827, 2192, 2557, 2922, 3288, 3653}

// ValidRetention reports whether n is one of LogRetentionDays.
func ValidRetention(n int) bool { return slices.Contains(LogRetentionDays, n) }

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
