package network

import (
	"fmt"
	"net/netip"
	"slices"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/bidopsai/bidopsai-infra/internal/tier"
)

// Egress choices: NONE has no route to the internet at all; NAT adds NAT gateways.
const (
	EgressNone = "NONE"
	EgressNAT  = "NAT"
	// NATSingle is one NAT gateway for every zone; NATPerAZ is one per zone (no cross-zone
	// dependency, and no cross-zone data charge).
	NATSingle = "1"
	NATPerAZ  = "PER_AZ"
)

// Args configure the VPC the AgentCore runtimes run in.
type Args struct {
	// Region is the stack's region (endpoint service names, ARNs). Required.
	Region string
	// AccountID is the stack's account; endpoint policies admit only its principals. Required.
	AccountID string
	// CIDR is the VPC's private IPv4 block, /16 to /22. Required.
	CIDR string
	// AvailabilityZones is how many zones get a private subnet: 2 or 3. Required.
	AvailabilityZones int
	// Egress is NONE (default) or NAT.
	Egress string
	// NATGateways is NATSingle (default) or NATPerAZ; read only with Egress NAT.
	NATGateways string
	// DatabaseCIDR and DatabasePort, when the CIDR is set, let the runtimes reach the database.
	DatabaseCIDR string
	DatabasePort int
	// BucketArns are the S3 buckets the runtimes use; the S3 gateway endpoint admits only
	// these and ECR's layer bucket. Required.
	BucketArns pulumi.StringArrayInput
	// FlowLogGroupName is the log group the VPC flow logs go to. Required.
	FlowLogGroupName string
	// FlowLogRetentionDays is that group's retention (CloudWatch's allowed values). Required.
	FlowLogRetentionDays int
	// KMSKeyArn encrypts the flow log group; nil keeps CloudWatch's own encryption.
	KMSKeyArn pulumi.StringInput
	// Protect protects and retains the flow log group (records kept for audits).
	Protect bool
	// Tags are extra tags; the component adds component=network.
	Tags map[string]string
}

// validate returns every problem with args at once, each naming the field.
func validate(name string, a *Args) error {
	if a == nil {
		return tier.NilArgs(component, name)
	}
	c := tier.NewChecker(component, name, "Args")
	c.Region("Region", a.Region)
	c.AccountID("AccountID", a.AccountID)
	p, err := netip.ParsePrefix(a.CIDR)
	c.Check(err == nil && p.Addr().Is4() && p.Bits() >= 16 && p.Bits() <= maxVPCBits, "CIDR", a.CIDR,
		fmt.Sprintf("must be an IPv4 block between /16 and /%d", maxVPCBits))
	c.Check(a.AvailabilityZones == 2 || a.AvailabilityZones == 3, "AvailabilityZones", a.AvailabilityZones, "must be 2 or 3")
	c.Check(slices.Contains([]string{"", EgressNone, EgressNAT}, a.Egress), "Egress", a.Egress,
		"must be "+EgressNone+" or "+EgressNAT)
	c.Check(slices.Contains([]string{"", NATSingle, NATPerAZ}, a.NATGateways), "NATGateways", a.NATGateways,
		"must be "+NATSingle+" or "+NATPerAZ)
	if a.DatabaseCIDR != "" {
		_, err := netip.ParsePrefix(a.DatabaseCIDR)
		c.Check(err == nil, "DatabaseCIDR", a.DatabaseCIDR, "must be a CIDR block")
		c.Check(a.DatabasePort >= 1 && a.DatabasePort <= 65535, "DatabasePort", a.DatabasePort,
			"must be 1-65535 when DatabaseCIDR is set")
	}
	c.Check(a.BucketArns != nil, "BucketArns", nil, "required (the S3 endpoint policy lists them)")
	c.Check(a.FlowLogGroupName != "", "FlowLogGroupName", a.FlowLogGroupName, "required")
	c.LogRetention("FlowLogRetentionDays", a.FlowLogRetentionDays)
	c.KMSKeyArn("KMSKeyArn", a.KMSKeyArn)
	c.Tags("Tags", a.Tags)
	return c.Err()
}

// nat reports whether the VPC has an internet path, and how many NAT gateways for n zones.
func (a *Args) nat(zones int) int {
	switch {
	case a.Egress != EgressNAT:
		return 0
	case a.NATGateways == NATPerAZ:
		return zones
	}
	return 1
}
