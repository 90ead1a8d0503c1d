package network

import (
	"fmt"
	"net/netip"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/bidopsai/bidopsai-infra/internal/awsvalues"
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

// NetworkArgs configure the VPC the AgentCore runtimes run in.
type NetworkArgs struct {
	// Region is the stack's region (endpoint service names, ARNs). Required.
	Region string `config:"aws:region"`
	// AccountID is the stack's account; endpoint policies admit only its principals. Required.
	AccountID string
	// CIDR is the VPC's private IPv4 block, /16 to /22. Required.
	CIDR string `config:"network.vpcCidr" default:"10.0.0.0/16"`
	// AvailabilityZones is how many zones get a private subnet: 2 or 3. Required.
	AvailabilityZones int `config:"network.availabilityZones" default:"2"`
	// Egress is EgressNone or EgressNAT. Required.
	Egress string `config:"network.egress" default:"NONE"`
	// NATGateways is NATSingle or NATPerAZ; read only with Egress NAT. Required.
	NATGateways string `config:"network.natGateways" default:"1"`
	// DatabaseCIDR and DatabasePort, when the CIDR is set, let the runtimes reach the database:
	// a block of /8 or narrower, never the whole internet.
	DatabaseCIDR string `config:"network.databaseCidr"`
	DatabasePort int    `config:"database.port" default:"5432"`
	// BucketArns are the S3 buckets the runtimes use; the S3 gateway endpoint admits only
	// these and ECR's layer bucket. Required.
	BucketArns pulumi.StringArrayInput
	// FlowLogGroupName is the log group the VPC flow logs go to. Required.
	FlowLogGroupName string
	// FlowLogRetentionDays is that group's retention (CloudWatch's allowed values). Required.
	FlowLogRetentionDays int `config:"logRetentionDays" default:"30"`
	// KMSKeyArn encrypts the flow log group; nil keeps CloudWatch's own encryption.
	KMSKeyArn pulumi.StringInput
	// Protect protects and retains the flow log group (records kept for audits).
	Protect bool
	// Tags are extra tags; the component adds component=network.
	Tags map[string]string
}

// Validate returns every problem with args at once, each naming the field.
func (a *NetworkArgs) Validate(name string) error {
	if a == nil {
		return tier.NilArgs(component, name)
	}
	c := tier.NewChecker(component, name, "NetworkArgs")
	c.Region("Region", a.Region)
	c.AccountID("AccountID", a.AccountID)
	if msg := awsvalues.CanonicalCIDR(a.CIDR); msg != "" {
		c.Bad("CIDR", a.CIDR, msg)
	} else if p := netip.MustParsePrefix(a.CIDR); p.Bits() < 16 || p.Bits() > maxVPCBits || !p.Addr().IsPrivate() {
		c.Bad("CIDR", a.CIDR, fmt.Sprintf("must be a private block (10.0.0.0/8, 172.16.0.0/12 or "+
			"192.168.0.0/16) between /16 and /%d", maxVPCBits))
	}
	c.Between("AvailabilityZones", a.AvailabilityZones, 2, 3)
	c.OneOf("Egress", a.Egress, []string{EgressNone, EgressNAT})
	c.OneOf("NATGateways", a.NATGateways, []string{NATSingle, NATPerAZ})
	if a.DatabaseCIDR != "" {
		if msg := awsvalues.CanonicalCIDR(a.DatabaseCIDR); msg != "" {
			c.Bad("DatabaseCIDR", a.DatabaseCIDR, msg)
		} else if netip.MustParsePrefix(a.DatabaseCIDR).Bits() < 8 {
			c.Bad("DatabaseCIDR", a.DatabaseCIDR, "must be /8 or narrower (the database's subnet or address, such as 10.1.2.0/24)")
		}
		c.Between("DatabasePort", a.DatabasePort, 1, 65535)
	}
	c.Check(a.BucketArns != nil, "BucketArns", nil, "required (the S3 endpoint policy lists them)")
	c.Check(a.FlowLogGroupName != "", "FlowLogGroupName", a.FlowLogGroupName, "required")
	c.LogRetention("FlowLogRetentionDays", a.FlowLogRetentionDays)
	c.KMSKeyArn("KMSKeyArn", a.KMSKeyArn)
	c.Tags("Tags", a.Tags)
	return c.Err()
}

// nat reports whether the VPC has an internet path, and how many NAT gateways for n zones.
func (a *NetworkArgs) nat(zones int) int {
	switch {
	case a.Egress != EgressNAT:
		return 0
	case a.NATGateways == NATPerAZ:
		return zones
	}
	return 1
}
