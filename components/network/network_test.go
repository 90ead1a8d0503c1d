package network

import (
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/bidopsai/bidopsai-infra/internal/mock"
)

func run(t *testing.T, a *Args) (*mock.Monitor, error) {
	t.Helper()
	mon := mock.New("bidopsai", "prod", "us-east-1")
	err := pulumi.RunErr(func(ctx *pulumi.Context) error {
		_, err := NewNetwork(ctx, "bidopsai-prod", a)
		return err
	}, pulumi.WithMocks("bidopsai", "prod", mon))
	return mon, err
}

func TestNetwork(t *testing.T) {
	t.Run("creates_a_vpc_with_one_nat_and_an_s3_endpoint", func(t *testing.T) {
		mon, err := run(t, &Args{Region: "us-east-1", CIDR: "10.20.0.0/16", AvailabilityZones: 2})
		if err != nil {
			t.Fatal(err)
		}
		vpcs := mon.ByType("awsx:ec2:Vpc")
		if len(vpcs) != 1 {
			t.Fatalf("%d VPCs", len(vpcs))
		}
		in := vpcs[0].Inputs
		if in["cidrBlock"].StringValue() != "10.20.0.0/16" || in["numberOfAvailabilityZones"].NumberValue() != 2 {
			t.Errorf("vpc inputs %v", in)
		}
		if in["natGateways"].ObjectValue()["strategy"].StringValue() != "Single" {
			t.Errorf("nat strategy %v", in["natGateways"])
		}
		if ep := in["vpcEndpointSpecs"].ArrayValue()[0].ObjectValue(); ep["serviceName"].StringValue() != "com.amazonaws.us-east-1.s3" {
			t.Errorf("endpoint %v", ep)
		}
		sg := mon.ByType("aws:ec2/securityGroup:SecurityGroup")
		if len(sg) != 1 {
			t.Fatalf("%d security groups", len(sg))
		}
		if sg[0].Inputs.HasValue("ingress") && len(sg[0].Inputs["ingress"].ArrayValue()) != 0 {
			t.Fatalf("runtime security group must allow no inbound traffic: %v", sg[0].Inputs["ingress"])
		}
		egress := sg[0].Inputs["egress"].ArrayValue()[0].ObjectValue()
		if egress["fromPort"].NumberValue() != 443 || egress["toPort"].NumberValue() != 443 {
			t.Errorf("egress %v", egress)
		}
	})
	for _, c := range []struct {
		name, field string
		args        Args
	}{
		{"rejects_cidr_larger_than_16", "CIDR", Args{Region: "us-east-1", CIDR: "10.0.0.0/8", AvailabilityZones: 2}},
		{"rejects_single_zone", "AvailabilityZones", Args{Region: "us-east-1", CIDR: "10.0.0.0/16", AvailabilityZones: 1}},
	} {
		t.Run(c.name, func(t *testing.T) {
			a := c.args
			mon, err := run(t, &a)
			if err == nil || !strings.Contains(err.Error(), c.field) {
				t.Fatalf("want error naming %s, got %v", c.field, err)
			}
			if len(mon.Resources()) != 0 {
				t.Fatal("resources registered on bad args")
			}
		})
	}
}
