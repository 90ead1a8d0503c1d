package network

import (
	"fmt"
	"net/netip"
	"slices"

	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// agentCoreZoneIDs are the zone IDs AgentCore Runtime accepts subnets in, where known: it runs in
// some zones of a region only (AgentCore dev guide, "Configure AgentCore Runtime and tools for
// VPC", Supported Availability Zones) and fails runtime creation naming the supported IDs.
// Regions missing here use every standard zone; add one when that error names its IDs.
var agentCoreZoneIDs = map[string][]string{
	"us-east-1": {"use1-az1", "use1-az2", "use1-az4"},
}

// zone is one availability zone the VPC spans.
type zone struct {
	ID, Name string
}

// zones picks n standard zones that AgentCore supports, in the order EC2 lists them. Subnets are
// placed by zone ID, which names the same zone in every account (names are shuffled per account).
func zones(ctx *pulumi.Context, region string, n int, opts ...pulumi.InvokeOption) ([]zone, error) {
	res, err := aws.GetAvailabilityZones(ctx, &aws.GetAvailabilityZonesArgs{
		State: pulumi.StringRef("available"),
		// Local and Wavelength zones need an opt-in and offer no AgentCore or endpoints.
		Filters: []aws.GetAvailabilityZonesFilter{{Name: "opt-in-status", Values: []string{"opt-in-not-required"}}},
	}, opts...)
	if err != nil {
		return nil, fmt.Errorf("list availability zones: %w", err)
	}
	if len(res.Names) != len(res.ZoneIds) {
		return nil, fmt.Errorf("list availability zones: %d names but %d zone IDs", len(res.Names), len(res.ZoneIds))
	}
	supported, known := agentCoreZoneIDs[region]
	var out []zone
	for i, id := range res.ZoneIds {
		if len(out) < n && (!known || slices.Contains(supported, id)) {
			out = append(out, zone{ID: id, Name: res.Names[i]})
		}
	}
	if len(out) < n {
		return nil, fmt.Errorf("AvailabilityZones: %d wanted but %s has %d available zones AgentCore supports (%v)",
			n, region, len(out), res.ZoneIds)
	}
	return out, nil
}

// maxVPCBits is the smallest VPC (/22): its /25 private subnets keep room for one address per
// interface endpoint and the runtimes' network interfaces.
const maxVPCBits = 22

// subnetCIDR is the i-th of the eight equal blocks (prefix + 3) the VPC splits into: private
// subnets take blocks 0-2, public ones 4-6, so adding NAT never renumbers a private subnet.
func subnetCIDR(vpc string, i int) (string, error) {
	p, err := netip.ParsePrefix(vpc)
	if err != nil || !p.Addr().Is4() {
		return "", fmt.Errorf("CIDR %q: not an IPv4 block", vpc)
	}
	if i < 0 || i > 7 {
		return "", fmt.Errorf("subnet block %d: the VPC has blocks 0-7", i)
	}
	bits := p.Bits() + 3
	a := p.Masked().Addr().As4()
	n := int64(a[0])<<24 | int64(a[1])<<16 | int64(a[2])<<8 | int64(a[3])
	n += int64(i) << (32 - bits)
	return fmt.Sprintf("%d.%d.%d.%d/%d", n>>24&255, n>>16&255, n>>8&255, n&255, bits), nil
}

// publicBlock is the first public subnet's block index.
const publicBlock = 4
