package awsvalues

import (
	"net/netip"
	"strings"
)

// CanonicalCIDR returns "" when v is an IPv4 CIDR block written the one way AWS echoes it back:
// no host bits set (10.0.0.0/16, not 10.0.1.0/16) and no leading zeros (net/netip refuses
// 010.0.0.0). A block AWS rewrites would show a diff on every run.
func CanonicalCIDR(v string) string {
	p, err := netip.ParsePrefix(v)
	if err != nil || !p.Addr().Is4() || strings.Count(v, "/") != 1 {
		return "must be an IPv4 CIDR block such as 10.0.0.0/16 (four decimal octets without leading zeros, then /bits)"
	}
	if m := p.Masked(); m != p {
		return "must have no host bits set: the block is " + m.String()
	}
	return ""
}
