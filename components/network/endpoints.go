package network

import (
	"strings"

	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/ec2"
	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/vpc"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

const https = 443

// buildSecurityGroups creates the runtimes' and the endpoints' groups. Rules are separate
// resources so egress NAT adds one rule instead of rewriting a group.
func (b *builder) buildSecurityGroups() error {
	rt, err := ec2.NewSecurityGroup(b.ctx, b.name+"-runtimes", &ec2.SecurityGroupArgs{
		Description: pulumi.String("AgentCore runtimes: no inbound; HTTPS out to the VPC endpoints"),
		VpcId:       b.vpc.ID(), Tags: b.named(b.name + "-runtimes"),
	}, b.parent)
	if err != nil {
		return err
	}
	ep, err := ec2.NewSecurityGroup(b.ctx, b.name+"-endpoints", &ec2.SecurityGroupArgs{
		Description: pulumi.String("VPC interface endpoints: HTTPS in from the AgentCore runtimes only"),
		VpcId:       b.vpc.ID(), Tags: b.named(b.name + "-endpoints"),
	}, b.parent)
	if err != nil {
		return err
	}
	b.runtime, b.endpointGroup = rt, ep
	b.endpointGroupID = ep.ID().ToStringOutput()
	if _, err := vpc.NewSecurityGroupIngressRule(b.ctx, b.name+"-endpoints-from-runtimes", &vpc.SecurityGroupIngressRuleArgs{
		SecurityGroupId: ep.ID(), ReferencedSecurityGroupId: rt.ID(), Description: pulumi.String("HTTPS from the runtimes"),
		IpProtocol: pulumi.String("tcp"), FromPort: pulumi.Int(https), ToPort: pulumi.Int(https), Tags: b.tags,
	}, b.parent); err != nil {
		return err
	}
	if err := b.egress("-runtimes-to-endpoints", "HTTPS to the VPC endpoints", https,
		&vpc.SecurityGroupEgressRuleArgs{ReferencedSecurityGroupId: ep.ID()}); err != nil {
		return err
	}
	if b.args.DatabaseCIDR == "" {
		return nil
	}
	return b.egress("-runtimes-to-database", "the agents' PostgreSQL", b.args.DatabasePort,
		&vpc.SecurityGroupEgressRuleArgs{CidrIpv4: pulumi.String(b.args.DatabaseCIDR)})
}

// egress adds a TCP egress rule to the runtimes' group; dest carries the destination field.
func (b *builder) egress(suffix, description string, port int, dest *vpc.SecurityGroupEgressRuleArgs) error {
	dest.SecurityGroupId, dest.Description = b.runtime.ID(), pulumi.String(description)
	dest.IpProtocol, dest.FromPort, dest.ToPort = pulumi.String("tcp"), pulumi.Int(port), pulumi.Int(port)
	dest.Tags = b.tags
	_, err := vpc.NewSecurityGroupEgressRule(b.ctx, b.name+suffix, dest, b.parent)
	return err
}

// buildEndpoints creates an interface endpoint with private DNS per service in every private
// subnet, and the S3 gateway endpoint on the private route tables.
func (b *builder) buildEndpoints() error {
	subnets := pulumi.StringArray{}
	for _, s := range b.private {
		subnets = append(subnets, s.ID())
	}
	for _, s := range services {
		policy, err := s.policy(b.args.Region, b.args.AccountID)
		if err != nil {
			return err
		}
		n := b.name + "-endpoint-" + strings.ReplaceAll(s.Name, ".", "-")
		args := &ec2.VpcEndpointArgs{
			VpcId: b.vpc.ID(), ServiceName: pulumi.String(ServiceName(b.args.Region, s.Name)),
			VpcEndpointType: pulumi.String("Interface"), PrivateDnsEnabled: pulumi.Bool(true),
			SubnetIds: subnets, SecurityGroupIds: pulumi.StringArray{b.endpointGroup.ID()}, Tags: b.named(n),
		}
		if policy != "" {
			args.Policy = pulumi.String(policy)
		}
		if _, err := ec2.NewVpcEndpoint(b.ctx, n, args, b.parent); err != nil {
			return err
		}
	}
	return b.buildS3Endpoint()
}

func (b *builder) buildS3Endpoint() error {
	routes := pulumi.StringArray{}
	for _, rt := range b.routes {
		routes = append(routes, rt.ID())
	}
	region := b.args.Region
	policy := b.args.BucketArns.ToStringArrayOutput().ApplyT(func(buckets []string) (string, error) {
		return s3Policy(region, buckets)
	}).(pulumi.StringOutput)
	n := b.name + "-endpoint-" + S3Service
	s3, err := ec2.NewVpcEndpoint(b.ctx, n, &ec2.VpcEndpointArgs{
		VpcId: b.vpc.ID(), ServiceName: pulumi.String(ServiceName(region, S3Service)),
		VpcEndpointType: pulumi.String("Gateway"), RouteTableIds: routes, Policy: policy, Tags: b.named(n),
	}, b.parent)
	if err != nil {
		return err
	}
	// Gateway traffic leaves by S3's prefix list, which the runtimes' group must allow.
	return b.egress("-runtimes-to-s3", "HTTPS to S3 through the gateway endpoint", https,
		&vpc.SecurityGroupEgressRuleArgs{PrefixListId: s3.PrefixListId})
}
