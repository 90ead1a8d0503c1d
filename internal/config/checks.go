package config

import (
	"fmt"
	"net/netip"
	"net/url"
	"strings"

	"github.com/bidopsai/bidopsai-infra/internal/awsvalues"
	"github.com/bidopsai/bidopsai-infra/internal/stackfile"
)

func between(lo, hi int) func(int) string {
	return func(n int) string {
		if n < lo || n > hi {
			return fmt.Sprintf("must be between %d and %d", lo, hi)
		}
		return ""
	}
}

func region(v string) string {
	if awsvalues.ValidRegion(v) {
		return ""
	}
	return awsvalues.RegionRule
}

func modelID(v string) string {
	if awsvalues.ModelOrProfileID.MatchString(v) {
		return ""
	}
	return awsvalues.ModelOrProfileRule
}

// publicHTTPS reports whether v is an https URL of a host that is not this machine
// (localhost, *.localhost, a loopback or unspecified address).
func publicHTTPS(v string) bool {
	u, err := url.Parse(v)
	if err != nil || u.Scheme != "https" {
		return false
	}
	host := strings.TrimSuffix(strings.ToLower(u.Hostname()), ".")
	if host == "" || host == "localhost" || strings.HasSuffix(host, ".localhost") {
		return false
	}
	if ip, err := netip.ParseAddr(host); err == nil && (ip.IsLoopback() || ip.IsUnspecified()) {
		return false
	}
	return true
}

// relativePath keeps build paths relative and inside the project, so runs show no spurious diff.
func relativePath(v string) string { return stackfile.CheckRelative(v) }

func nonNegative(n float64) string {
	if n < 0 {
		return "must be zero or more"
	}
	return ""
}
