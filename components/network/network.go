// Package network is the private network tier (bidopsai:network.mode = VPC): a VPC whose
// private subnets hold the AgentCore runtimes, interface endpoints with private DNS for every
// AWS service they call, an S3 gateway endpoint, flow logs, and, only with egress NAT, an
// internet path through NAT gateways. Built from plain aws resources so the plan, the policy
// rules and the cost estimate see each one.
package network

import (
	"fmt"

	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/ec2"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/bidopsai/bidopsai-infra/internal/tier"
)

// TypeToken is the component's type; never renamed without an alias.
const TypeToken = "bidopsai:network:Network"

// component is the value of the tier's `component` tag.
const component = "network"

// Network is the VPC the runtimes run in.
type Network struct {
	pulumi.ResourceState

	VpcID            pulumi.StringOutput      `pulumi:"vpcId"`
	PrivateSubnetIDs pulumi.StringArrayOutput `pulumi:"privateSubnetIds"`
	// SecurityGroupID is the runtimes' group: no inbound, HTTPS out to the endpoints.
	SecurityGroupID pulumi.StringOutput `pulumi:"securityGroupId"`
	// EndpointSecurityGroupID is the endpoints' group: HTTPS in from the runtimes only.
	EndpointSecurityGroupID pulumi.StringOutput `pulumi:"endpointSecurityGroupId"`
	FlowLogGroupName        pulumi.StringOutput `pulumi:"flowLogGroupName"`
}

// builder carries what the parts of the network share.
type builder struct {
	ctx     *pulumi.Context
	name    string
	args    *NetworkArgs
	tags    pulumi.StringMap
	parent  pulumi.ResourceOption
	vpc     *ec2.Vpc
	zones   []zone
	private []*ec2.Subnet
	routes  []*ec2.RouteTable // one private route table per zone
	runtime *ec2.SecurityGroup

	endpointGroup   *ec2.SecurityGroup
	endpointGroupID pulumi.StringOutput
}

// NewNetwork creates the VPC, its subnets, endpoints, security groups, flow logs and egress.
func NewNetwork(ctx *pulumi.Context, name string, args *NetworkArgs, opts ...pulumi.ResourceOption) (*Network, error) {
	if err := args.Validate(name); err != nil {
		return nil, err
	}
	c := &Network{}
	if err := ctx.RegisterComponentResource(TypeToken, name, c, opts...); err != nil {
		return nil, fmt.Errorf("network %q: register component: %w", name, err)
	}
	b := &builder{ctx: ctx, name: name, args: args, tags: tier.TagsFor(component, args.Tags), parent: pulumi.Parent(c)}
	var err error
	if b.zones, err = zones(ctx, args.Region, args.AvailabilityZones, pulumi.Parent(c)); err != nil {
		return nil, fmt.Errorf("network.NewNetwork %s: %w", name, err)
	}
	steps := []func() error{b.buildVpc, b.buildPrivate, b.buildSecurityGroups, b.buildEndpoints, b.buildEgress}
	for _, step := range steps {
		if err := step(); err != nil {
			return nil, fmt.Errorf("network %s: %w", name, err)
		}
	}
	group, err := b.buildFlowLogs()
	if err != nil {
		return nil, fmt.Errorf("network %s: %w", name, err)
	}
	ids := pulumi.StringArray{}
	for _, s := range b.private {
		ids = append(ids, s.ID().ToStringOutput())
	}
	c.VpcID, c.PrivateSubnetIDs = b.vpc.ID().ToStringOutput(), ids.ToStringArrayOutput()
	c.SecurityGroupID, c.EndpointSecurityGroupID = b.runtime.ID().ToStringOutput(), b.endpointGroupID
	c.FlowLogGroupName = group
	return c, tier.RegisterOutputs(ctx, c)
}

func (b *builder) buildVpc() error {
	vpc, err := ec2.NewVpc(b.ctx, b.name+"-vpc", &ec2.VpcArgs{
		CidrBlock: pulumi.String(b.args.CIDR),
		// Private DNS of interface endpoints needs both.
		EnableDnsHostnames: pulumi.Bool(true),
		EnableDnsSupport:   pulumi.Bool(true),
		Tags:               b.named(b.name),
	}, b.parent)
	if err != nil {
		return err
	}
	b.vpc = vpc
	// Taking the default security group under management empties its rules (CKV2_AWS_12), so
	// nothing placed in the VPC without a group of ours can talk.
	_, err = ec2.NewDefaultSecurityGroup(b.ctx, b.name+"-default", &ec2.DefaultSecurityGroupArgs{
		VpcId: vpc.ID(), Tags: b.named(b.name + "-default-closed"),
	}, b.parent)
	return err
}

// buildPrivate creates one private subnet and route table per zone; the route tables have no
// route beyond the VPC (and S3 through its gateway endpoint) unless egress is NAT.
func (b *builder) buildPrivate() error {
	for i, z := range b.zones {
		block, err := subnetCIDR(b.args.CIDR, i)
		if err != nil {
			return err
		}
		n := b.name + "-private-" + z.ID
		s, err := ec2.NewSubnet(b.ctx, n, &ec2.SubnetArgs{
			VpcId: b.vpc.ID(), CidrBlock: pulumi.String(block), AvailabilityZoneId: pulumi.String(z.ID),
			MapPublicIpOnLaunch: pulumi.Bool(false), Tags: b.named(n),
		}, b.parent)
		if err != nil {
			return err
		}
		rt, err := ec2.NewRouteTable(b.ctx, n, &ec2.RouteTableArgs{VpcId: b.vpc.ID(), Tags: b.named(n)}, b.parent)
		if err != nil {
			return err
		}
		if _, err := ec2.NewRouteTableAssociation(b.ctx, n, &ec2.RouteTableAssociationArgs{
			SubnetId: s.ID(), RouteTableId: rt.ID(),
		}, b.parent); err != nil {
			return err
		}
		b.private, b.routes = append(b.private, s), append(b.routes, rt)
	}
	return nil
}

// named is the component's tags plus a Name tag (what the VPC console lists).
func (b *builder) named(n string) pulumi.StringMap {
	out := pulumi.StringMap{"Name": pulumi.String(n)}
	for k, v := range b.tags {
		out[k] = v
	}
	return out
}
