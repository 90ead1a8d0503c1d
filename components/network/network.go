// Package network is the optional VPC tier (bidopsai:network.mode = VPC): private subnets and a
// security group for the AgentCore runtimes, a single NAT gateway for egress, and a free S3
// gateway endpoint so document traffic stays off the NAT.
package network

import (
	"errors"
	"fmt"
	"regexp"

	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/ec2"
	awsxec2 "github.com/pulumi/pulumi-awsx/sdk/v2/go/awsx/ec2"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/bidopsai/bidopsai-infra/internal/tags"
)

// TypeToken is the component's type; never renamed without an alias.
const TypeToken = "bidopsai:network:Network"

// Args configure the VPC.
type Args struct {
	// Region is the stack's region (for the S3 endpoint's service name). Required.
	Region string
	// CIDR is the VPC's private IPv4 block, /16 to /24. Required.
	CIDR string
	// AvailabilityZones is 2 or 3. Required.
	AvailabilityZones int
	// Tags are extra tags; the component adds component=network.
	Tags map[string]string
}

// Network is the VPC the runtimes run in.
type Network struct {
	pulumi.ResourceState

	VpcID            pulumi.StringOutput      `pulumi:"vpcId"`
	PrivateSubnetIDs pulumi.StringArrayOutput `pulumi:"privateSubnetIds"`
	SecurityGroupID  pulumi.StringOutput      `pulumi:"securityGroupId"`
}

var cidr = regexp.MustCompile(`^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}/(1[6-9]|2[0-4])$`)

func (a *Args) validate() error {
	if a == nil {
		return errors.New("args are required")
	}
	var errs []error
	if a.Region == "" {
		errs = append(errs, errors.New("the Region field is required"))
	}
	if !cidr.MatchString(a.CIDR) {
		errs = append(errs, fmt.Errorf("CIDR: %q must be an IPv4 block between /16 and /24", a.CIDR))
	}
	if a.AvailabilityZones < 2 || a.AvailabilityZones > 3 {
		errs = append(errs, fmt.Errorf("AvailabilityZones: %d must be 2 or 3", a.AvailabilityZones))
	}
	return errors.Join(errs...)
}

// NewNetwork creates the VPC, its S3 gateway endpoint and the runtimes' security group.
func NewNetwork(ctx *pulumi.Context, name string, args *Args, opts ...pulumi.ResourceOption) (*Network, error) {
	if err := args.validate(); err != nil {
		return nil, fmt.Errorf("network.NewNetwork %s: %w", name, err)
	}
	c := &Network{}
	if err := ctx.RegisterComponentResource(TypeToken, name, c, opts...); err != nil {
		return nil, err
	}
	tagMap := tags.For("network", args.Tags)
	block, zones := args.CIDR, args.AvailabilityZones
	vpc, err := awsxec2.NewVpc(ctx, name+"-vpc", &awsxec2.VpcArgs{
		CidrBlock:                 &block,
		NumberOfAvailabilityZones: &zones,
		EnableDnsHostnames:        pulumi.Bool(true),
		EnableDnsSupport:          pulumi.Bool(true),
		// One NAT gateway: the runtimes' egress is light; OnePerAz triples the fixed cost.
		NatGateways: &awsxec2.NatGatewayConfigurationArgs{Strategy: awsxec2.NatGatewayStrategySingle},
		VpcEndpointSpecs: []awsxec2.VpcEndpointSpecArgs{{
			ServiceName:     fmt.Sprintf("com.amazonaws.%s.s3", args.Region),
			VpcEndpointType: pulumi.String("Gateway"),
		}},
		Tags: tagMap,
	}, pulumi.Parent(c))
	if err != nil {
		return nil, err
	}
	sg, err := ec2.NewSecurityGroup(ctx, name+"-runtimes", &ec2.SecurityGroupArgs{
		Description: pulumi.String("AgentCore runtimes: no inbound; HTTPS out to AWS APIs and model endpoints"),
		VpcId:       vpc.VpcId,
		Egress: ec2.SecurityGroupEgressArray{&ec2.SecurityGroupEgressArgs{
			Description: pulumi.String("HTTPS to AWS services"),
			Protocol:    pulumi.String("tcp"), FromPort: pulumi.Int(443), ToPort: pulumi.Int(443),
			CidrBlocks: pulumi.StringArray{pulumi.String("0.0.0.0/0")},
		}},
		Tags: tagMap,
	}, pulumi.Parent(c))
	if err != nil {
		return nil, err
	}
	c.VpcID, c.PrivateSubnetIDs, c.SecurityGroupID = vpc.VpcId, vpc.PrivateSubnetIds, sg.ID().ToStringOutput()
	return c, ctx.RegisterResourceOutputs(c, pulumi.Map{
		"vpcId": c.VpcID, "privateSubnetIds": c.PrivateSubnetIDs, "securityGroupId": c.SecurityGroupID,
	})
}
