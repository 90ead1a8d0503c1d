package config

import (
	"net/netip"

	"github.com/bidopsai/bidopsai-infra/internal/awsvalues"
)

// Network modes and egress choices (bidopsai:network).
const (
	NetworkPublic = "PUBLIC"
	NetworkVPC    = "VPC"
	EgressNone    = "NONE"
	EgressNAT     = "NAT"
	NATSingle     = "1"
	NATPerAZ      = "PER_AZ"
)

func readNetwork(r *reader, c *Config) {
	n := r.object(ns+"network", "mode", "egress", "natGateways", "vpcCidr", "availabilityZones", "databaseCidr")
	c.Network = Network{
		Mode:              n.oneOf("mode", NetworkPublic, NetworkPublic, NetworkVPC),
		Egress:            n.oneOf("egress", EgressNone, EgressNone, EgressNAT),
		NATGateways:       n.oneOf("natGateways", NATSingle, NATSingle, NATPerAZ),
		VpcCIDR:           n.str("vpcCidr", "10.0.0.0/16", vpcCIDR),
		AvailabilityZones: n.integer("availabilityZones", 2, between(2, 3)),
		DatabaseCIDR:      n.str("databaseCidr", "", databaseCIDR),
	}
	if c.Network.Mode == NetworkPublic && c.Network.Egress == EgressNAT {
		r.invalid(ns+"network.egress", c.Network.Egress, "NAT needs network.mode VPC (PUBLIC runtimes already reach the internet)")
	}
	if c.Network.Mode == NetworkPublic && c.Network.DatabaseCIDR != "" {
		r.invalid(ns+"network.databaseCidr", c.Network.DatabaseCIDR, "needs network.mode VPC (PUBLIC runtimes have no security group)")
	}
}

// vpcCIDR accepts a private IPv4 block between /16 and /22: the VPC is split into eight
// subnets (prefix + 3), and each private subnet holds one address per interface endpoint.
func vpcCIDR(v string) string {
	p, msg := ipv4Block(v)
	switch {
	case msg != "":
		return msg
	case p.Bits() < 16 || p.Bits() > 22:
		return "must be an IPv4 CIDR block between /16 and /22"
	case !p.Addr().IsPrivate():
		return "must be a private range (10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16)"
	}
	return ""
}

// databaseCIDR accepts the block the agents' database lives in; never the whole internet.
func databaseCIDR(v string) string {
	p, msg := ipv4Block(v)
	switch {
	case msg != "":
		return msg
	case p.Bits() < 8:
		return "must be /8 or narrower (the database's subnet or address, such as 10.1.2.0/24)"
	}
	return ""
}

// ipv4Block parses a canonical IPv4 CIDR block (awsvalues.CanonicalCIDR: no host bits, no
// leading zeros).
func ipv4Block(v string) (netip.Prefix, string) {
	if msg := awsvalues.CanonicalCIDR(v); msg != "" {
		return netip.Prefix{}, msg
	}
	return netip.MustParsePrefix(v), ""
}
