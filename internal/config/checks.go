package config

import (
	"fmt"
	"net/url"
	"regexp"
	"strings"
)

// logRetentionDays are CloudWatch Logs' allowed retention values; 0 (never expire) is refused.
var logRetentionDays = []int{1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096,
	1827, 2192, 2557, 2922, 3288, 3653}

func retention(n int) string {
	for _, d := range logRetentionDays {
		if n == d {
			return ""
		}
	}
	return "must be one of " + strings.ReplaceAll(strings.Trim(fmt.Sprint(logRetentionDays), "[]"), " ", ", ") +
		" (CloudWatch Logs retention values)"
}

func between(lo, hi int) func(int) string {
	return func(n int) string {
		if n < lo || n > hi {
			return fmt.Sprintf("must be between %d and %d", lo, hi)
		}
		return ""
	}
}

func recoveryWindow(n int) string {
	if n == 0 || (n >= 7 && n <= 30) {
		return ""
	}
	return "must be 0 (delete at once) or between 7 and 30 days"
}

var (
	regionPattern       = regexp.MustCompile(`^[a-z]{2}(-gov)?-[a-z]+-[0-9]$`)
	domainPrefixPattern = regexp.MustCompile(`^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$`)
	modelIDPattern      = regexp.MustCompile(`^(?:(?:us|eu|apac|global)\.)?[a-z0-9-]+\.[a-z0-9][a-zA-Z0-9.:-]*$`)
	semverPattern       = regexp.MustCompile(`^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)` +
		`(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?` +
		`(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$`)
	pgIdentPattern = regexp.MustCompile(`^[a-z_][a-z0-9_]{0,62}$`)
	hostPattern    = regexp.MustCompile(`^[a-zA-Z0-9]([a-zA-Z0-9.-]{0,251}[a-zA-Z0-9])?$`)
)

func region(v string) string {
	if regionPattern.MatchString(v) {
		return ""
	}
	return "must be an AWS region code such as us-east-1"
}

func domainPrefix(v string) string {
	if !domainPrefixPattern.MatchString(v) {
		return "must be 1-63 lowercase letters, digits or hyphens, not starting or ending with a hyphen"
	}
	for _, banned := range []string{"aws", "amazon", "cognito"} {
		if strings.Contains(v, banned) {
			return `must not contain "aws", "amazon" or "cognito" (Cognito reserves them)`
		}
	}
	return ""
}

// redirectURL accepts https URLs, and http only for localhost (Cognito's own rule).
func redirectURL(v string) string {
	u, err := url.Parse(v)
	if err != nil || u.Host == "" || u.Fragment != "" {
		return "must be an absolute URL without a fragment"
	}
	if u.Scheme == "https" || (u.Scheme == "http" && u.Hostname() == "localhost") {
		return ""
	}
	return "must use https (http is allowed only for localhost)"
}

// origin accepts scheme://host[:port] with nothing after it; "*" is refused.
func origin(v string) string {
	u, err := url.Parse(v)
	if err != nil || u.Host == "" || (u.Path != "" && u.Path != "/") || u.RawQuery != "" ||
		(u.Scheme != "https" && u.Scheme != "http") || strings.Contains(v, "*") {
		return "must be an origin such as https://app.example.com (scheme, host, optional port; no path or wildcard)"
	}
	if u.Scheme == "http" && u.Hostname() != "localhost" {
		return "must use https (http is allowed only for localhost)"
	}
	return ""
}

func modelID(v string) string {
	if modelIDPattern.MatchString(v) {
		return ""
	}
	return "must be a Bedrock model id such as anthropic.claude-3-5-sonnet-20241022-v2:0"
}

func semver(v string) string {
	if semverPattern.MatchString(v) {
		return ""
	}
	return "must be a SemVer 2.0.0 version such as 1.2.3 (no v prefix)"
}

func pgIdent(v string) string {
	if pgIdentPattern.MatchString(v) {
		return ""
	}
	return "must be a lowercase PostgreSQL identifier (letters, digits, underscores; max 63)"
}

func hostname(v string) string {
	if hostPattern.MatchString(v) {
		return ""
	}
	return "must be a DNS host name"
}

// relativePath keeps build paths relative and inside the project, so runs show no spurious diff.
func relativePath(v string) string {
	if strings.HasPrefix(v, "/") || strings.Contains(v, "\\") {
		return "must be a path relative to the project directory"
	}
	for _, part := range strings.Split(v, "/") {
		if part == ".." {
			return "must stay inside the project directory (no ..)"
		}
	}
	return ""
}
