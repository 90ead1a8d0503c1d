package network

import (
	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/ec2"
	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/vpc"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// internet is the default route's destination.
const internet = "0.0.0.0/0"

// buildEgress creates the NAT path when egress is NAT: an internet gateway, a public subnet
// and NAT gateway per NAT, their route table, a default route in each private route table and
// the runtimes' HTTPS-anywhere rule. With NONE it creates nothing: no route leaves the VPC.
// AWS calls still use the endpoints either way: private DNS resolves service names to them.
func (b *builder) buildEgress() error {
	nats := b.args.nat(len(b.zones))
	if nats == 0 {
		return nil
	}
	igw, err := ec2.NewInternetGateway(b.ctx, b.name+"-igw", &ec2.InternetGatewayArgs{
		VpcId: b.vpc.ID(), Tags: b.named(b.name + "-igw"),
	}, b.parent)
	if err != nil {
		return err
	}
	public, err := ec2.NewRouteTable(b.ctx, b.name+"-public", &ec2.RouteTableArgs{
		VpcId: b.vpc.ID(), Tags: b.named(b.name + "-public"),
	}, b.parent)
	if err != nil {
		return err
	}
	if _, err := ec2.NewRoute(b.ctx, b.name+"-public-internet", &ec2.RouteArgs{
		RouteTableId: public.ID(), DestinationCidrBlock: pulumi.String(internet), GatewayId: igw.ID(),
	}, b.parent); err != nil {
		return err
	}
	gateways := make([]*ec2.NatGateway, nats)
	for i := range nats {
		if gateways[i], err = b.natGateway(i, public, igw); err != nil {
			return err
		}
	}
	for i, rt := range b.routes {
		nat := gateways[min(i, nats-1)] // per zone, or the single one
		if _, err := ec2.NewRoute(b.ctx, b.name+"-private-"+b.zones[i].ID+"-internet", &ec2.RouteArgs{
			RouteTableId: rt.ID(), DestinationCidrBlock: pulumi.String(internet), NatGatewayId: nat.ID(),
		}, b.parent); err != nil {
			return err
		}
	}
	return b.egress("-runtimes-to-internet", "HTTPS to services outside AWS (Slack) through NAT", https,
		&vpc.SecurityGroupEgressRuleArgs{CidrIpv4: pulumi.String(internet)})
}

// natGateway creates zone i's public subnet, its route table association, address and gateway.
func (b *builder) natGateway(i int, public *ec2.RouteTable, igw *ec2.InternetGateway) (*ec2.NatGateway, error) {
	z := b.zones[i]
	block, err := subnetCIDR(b.args.CIDR, publicBlock+i)
	if err != nil {
		return nil, err
	}
	n := b.name + "-public-" + z.ID
	s, err := ec2.NewSubnet(b.ctx, n, &ec2.SubnetArgs{
		VpcId: b.vpc.ID(), CidrBlock: pulumi.String(block), AvailabilityZoneId: pulumi.String(z.ID),
		// Only NAT gateways live here, with their own Elastic IPs.
		MapPublicIpOnLaunch: pulumi.Bool(false), Tags: b.named(n),
	}, b.parent)
	if err != nil {
		return nil, err
	}
	if _, err := ec2.NewRouteTableAssociation(b.ctx, n, &ec2.RouteTableAssociationArgs{
		SubnetId: s.ID(), RouteTableId: public.ID(),
	}, b.parent); err != nil {
		return nil, err
	}
	nn := b.name + "-nat-" + z.ID
	ip, err := ec2.NewEip(b.ctx, nn, &ec2.EipArgs{Domain: pulumi.String("vpc"), Tags: b.named(nn)}, b.parent)
	if err != nil {
		return nil, err
	}
	// AWS: a NAT gateway needs the internet gateway attached first (NAT gateway user guide).
	return ec2.NewNatGateway(b.ctx, nn, &ec2.NatGatewayArgs{
		SubnetId: s.ID(), AllocationId: ip.ID(), Tags: b.named(nn),
	}, b.parent, pulumi.DependsOn([]pulumi.Resource{igw}))
}
