package network

import (
	"errors"
	"fmt"
	"net/netip"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/bidopsai/bidopsai-infra/internal/awsvalues"
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

func (a *Args) validate() error {
	if a == nil {
		return errors.New("args are required")
	}
	var errs []error
	bad := func(field, format string, v ...any) {
		errs = append(errs, fmt.Errorf("%s: "+format, append([]any{field}, v...)...))
	}
	if a.Region == "" {
		bad("Region", "is required")
	}
	if !awsvalues.AccountID.MatchString(a.AccountID) {
		bad("AccountID", "%q must be 12 digits", a.AccountID)
	}
	if p, err := netip.ParsePrefix(a.CIDR); err != nil || !p.Addr().Is4() || p.Bits() < 16 || p.Bits() > maxVPCBits {
		bad("CIDR", "%q must be an IPv4 block between /16 and /%d", a.CIDR, maxVPCBits)
	}
	if a.AvailabilityZones < 2 || a.AvailabilityZones > 3 {
		bad("AvailabilityZones", "%d must be 2 or 3", a.AvailabilityZones)
	}
	switch a.Egress {
	case "", EgressNone, EgressNAT:
	default:
		bad("Egress", "%q must be %s or %s", a.Egress, EgressNone, EgressNAT)
	}
	switch a.NATGateways {
	case "", NATSingle, NATPerAZ:
	default:
		bad("NATGateways", "%q must be %s or %s", a.NATGateways, NATSingle, NATPerAZ)
	}
	if a.DatabaseCIDR != "" {
		if _, err := netip.ParsePrefix(a.DatabaseCIDR); err != nil {
			bad("DatabaseCIDR", "%q is not a CIDR block", a.DatabaseCIDR)
		}
		if a.DatabasePort < 1 || a.DatabasePort > 65535 {
			bad("DatabasePort", "%d must be 1-65535 when DatabaseCIDR is set", a.DatabasePort)
		}
	}
	if a.BucketArns == nil {
		bad("BucketArns", "is required (the S3 endpoint policy lists them)")
	}
	if a.FlowLogGroupName == "" {
		bad("FlowLogGroupName", "is required")
	}
	if !awsvalues.ValidRetention(a.FlowLogRetentionDays) {
		bad("FlowLogRetentionDays", "%d must be one of %v", a.FlowLogRetentionDays, awsvalues.LogRetentionDays)
	}
	return errors.Join(errs...)
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
