package network

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/bidopsai/bidopsai-infra/internal/mock"
	"github.com/bidopsai/bidopsai-infra/internal/mock/mocktest"
)

const (
	tVpc       = "aws:ec2/vpc:Vpc"
	tSubnet    = "aws:ec2/subnet:Subnet"
	tEndpoint  = "aws:ec2/vpcEndpoint:VpcEndpoint"
	tNAT       = "aws:ec2/natGateway:NatGateway"
	tEIP       = "aws:ec2/eip:Eip"
	tIGW       = "aws:ec2/internetGateway:InternetGateway"
	tRoute     = "aws:ec2/route:Route"
	tEgress    = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule"
	tFlowLog   = "aws:ec2/flowLog:FlowLog"
	tLogGroup  = "aws:cloudwatch/logGroup:LogGroup"
	tRole      = "aws:iam/role:Role"
	tRouteTbl  = "aws:ec2/routeTable:RouteTable"
	documents  = "arn:aws:s3:::bidopsai-prod-documents-abc1234"
	keyArn     = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
	stackName  = "bidopsai-prod"
	account    = "123456789012"
	layerAllow = "arn:aws:s3:::prod-us-east-1-starport-layer-bucket/*"
)

func baseArgs() *NetworkArgs {
	return &NetworkArgs{Region: "us-east-1", AccountID: account, CIDR: "10.20.0.0/16", AvailabilityZones: 2, Egress: EgressNone, NATGateways: NATSingle,
		BucketArns:       pulumi.StringArray{pulumi.String(documents)},
		FlowLogGroupName: "/bidopsai/prod/vpc-flow-logs", FlowLogRetentionDays: 180, KMSKeyArn: pulumi.String(keyArn),
		Protect: true}
}

// networks runs the component under the mock; assertions happen after it returns.
var networks = mocktest.Tier[*NetworkArgs, *Network]{Stack: "prod", Region: "us-east-1", Name: stackName, New: NewNetwork}

// build runs the component on the baseline changed by edit, which must stay valid.
func build(t *testing.T, edit func(*NetworkArgs)) *mock.Monitor {
	t.Helper()
	a := baseArgs()
	if edit != nil {
		edit(a)
	}
	return networks.MustRun(t, a)
}

func str(r mock.Resource, key string) string {
	v := r.Inputs[resource.PropertyKey(key)]
	if v.IsString() {
		return v.StringValue()
	}
	return ""
}

func strs(r mock.Resource, key string) []string {
	var out []string
	if v := r.Inputs[resource.PropertyKey(key)]; v.IsArray() {
		for _, e := range v.ArrayValue() {
			out = append(out, e.StringValue())
		}
	}
	return out
}

func TestPrivateSubnetsSitInZonesAgentCoreSupports(t *testing.T) {
	mon := build(t, func(a *NetworkArgs) { a.AvailabilityZones = 3 })
	var zones, blocks []string
	for _, s := range mon.ByType(tSubnet) {
		zones, blocks = append(zones, str(s, "availabilityZoneId")), append(blocks, str(s, "cidrBlock"))
		if !strings.HasPrefix(s.Name, stackName+"-private-") {
			t.Errorf("subnet %s is not private (egress NONE)", s.Name)
		}
	}
	// The mock account lists use1-az6 first and use1-az3 later; AgentCore takes neither.
	if want := []string{"use1-az1", "use1-az2", "use1-az4"}; !slices.Equal(zones, want) {
		t.Errorf("zones %v, want %v", zones, want)
	}
	if want := []string{"10.20.0.0/19", "10.20.32.0/19", "10.20.64.0/19"}; !slices.Equal(blocks, want) {
		t.Errorf("blocks %v, want %v", blocks, want)
	}
	vpc := mon.ByType(tVpc)
	if len(vpc) != 1 || !vpc[0].Inputs["enableDnsHostnames"].BoolValue() || !vpc[0].Inputs["enableDnsSupport"].BoolValue() {
		t.Fatalf("vpc must enable DNS support and hostnames for private DNS: %v", vpc)
	}
}

func TestEveryServiceHasAPrivateEndpointInEveryZone(t *testing.T) {
	mon := build(t, nil)
	subnets := map[string]bool{}
	for _, s := range mon.ByType(tSubnet) {
		subnets[s.ID] = true
	}
	seen := map[string]bool{}
	for _, e := range mon.ByType(tEndpoint) {
		svc := strings.TrimPrefix(str(e, "serviceName"), "com.amazonaws.us-east-1.")
		seen[svc] = true
		if svc == S3Service {
			if str(e, "vpcEndpointType") != "Gateway" || len(strs(e, "routeTableIds")) != 2 {
				t.Errorf("s3 endpoint must be a gateway on both private route tables: %v", e.Inputs)
			}
			continue
		}
		if str(e, "vpcEndpointType") != "Interface" || !e.Inputs["privateDnsEnabled"].BoolValue() {
			t.Errorf("%s: want an interface endpoint with private DNS", svc)
		}
		if got := strs(e, "subnetIds"); len(got) != 2 || !subnets[got[0]] || !subnets[got[1]] {
			t.Errorf("%s: subnets %v, want both private subnets", svc, got)
		}
	}
	for _, svc := range append(InterfaceServices(), S3Service) {
		if !seen[svc] {
			t.Errorf("no endpoint for %s", svc)
		}
	}
	for _, svc := range []string{"ecr.api", "ecr.dkr", "logs", "monitoring", "xray", "sts", "secretsmanager", "ssm",
		"bedrock-runtime", "bedrock-agentcore", "bedrock-data-automation-runtime"} {
		if !slices.Contains(InterfaceServices(), svc) {
			t.Errorf("issue 16 requires an endpoint for %s", svc)
		}
	}
}

// policy decodes an endpoint's policy.
func policy(t *testing.T, r mock.Resource) map[string]any {
	t.Helper()
	var doc map[string]any
	if err := json.Unmarshal([]byte(str(r, "policy")), &doc); err != nil {
		t.Fatalf("%s policy: %v", r.Name, err)
	}
	return doc
}

func TestEndpointPoliciesAdmitOnlyThisAccount(t *testing.T) {
	mon := build(t, nil)
	s3 := policy(t, mocktest.Named(t, mon, tEndpoint, stackName+"-endpoint-s3"))
	text, _ := json.Marshal(s3)
	for _, want := range []string{documents + `"`, documents + `/*"`, layerAllow} {
		if !strings.Contains(string(text), want) {
			t.Errorf("s3 endpoint policy lacks %s: %s", want, text)
		}
	}
	if strings.Contains(string(text), `"Resource":["*"]`) || strings.Contains(string(text), `"arn:aws:s3:::*"`) {
		t.Errorf("s3 endpoint policy admits any bucket: %s", text)
	}
	for _, svc := range []string{"secretsmanager", "ecr-api", "sts"} {
		doc := policy(t, mocktest.Named(t, mon, tEndpoint, stackName+"-endpoint-"+svc))
		for _, st := range doc["Statement"].([]any) {
			cond, _ := json.Marshal(st.(map[string]any)["Condition"])
			if !strings.Contains(string(cond), `"aws:PrincipalAccount":"`+account+`"`) {
				t.Errorf("%s endpoint statement admits other accounts: %v", svc, st)
			}
		}
	}
	sm, _ := json.Marshal(policy(t, mocktest.Named(t, mon, tEndpoint, stackName+"-endpoint-secretsmanager")))
	if !strings.Contains(string(sm), "arn:aws:secretsmanager:us-east-1:"+account+":secret:*") {
		t.Errorf("secretsmanager endpoint is not limited to this account's secrets: %s", sm)
	}
	// Image pulls need the registry token (no resource) and the repositories' actions.
	grants := map[string]string{}
	for _, st := range policy(t, mocktest.Named(t, mon, tEndpoint, stackName+"-endpoint-ecr-dkr"))["Statement"].([]any) {
		m := st.(map[string]any)
		grants[fmt.Sprint(m["Action"])] = fmt.Sprint(m["Resource"])
	}
	want := map[string]string{"[ecr:GetAuthorizationToken]": "[*]", "[*]": "[arn:aws:ecr:us-east-1:" + account + ":repository/*]"}
	if !maps.Equal(grants, want) {
		t.Errorf("ecr.dkr endpoint grants %v, want %v", grants, want)
	}
	if ac := mocktest.Named(t, mon, tEndpoint, stackName+"-endpoint-bedrock-agentcore"); ac.Inputs.HasValue("policy") {
		t.Errorf("bedrock-agentcore takes bearer tokens; a principal policy would block them: %v", ac.Inputs["policy"])
	}
}

// egressTo lists the runtimes' egress rules by destination.
func egressTo(mon *mock.Monitor) []string {
	var out []string
	for _, r := range mon.ByType(tEgress) {
		port := r.Inputs["fromPort"].NumberValue()
		for _, k := range []string{"cidrIpv4", "prefixListId", "referencedSecurityGroupId"} {
			if v := str(r, k); v != "" {
				out = append(out, fmt.Sprintf("%s:%s:%g", k, strings.SplitN(v, "-", 2)[0], port))
			}
		}
	}
	slices.Sort(out)
	return out
}

func TestNoInternetPathWithoutNAT(t *testing.T) {
	mon := build(t, nil)
	for _, typ := range []string{tIGW, tNAT, tEIP, tRoute} {
		if n := len(mon.ByType(typ)); n != 0 {
			t.Errorf("egress NONE created %d %s", n, typ)
		}
	}
	want := []string{"prefixListId:pl:443", "referencedSecurityGroupId:sg:443"}
	if got := egressTo(mon); !slices.Equal(got, want) {
		t.Errorf("runtime egress %v, want only HTTPS to the endpoints and S3 %v", got, want)
	}
	for _, sg := range mon.ByType("aws:ec2/securityGroup:SecurityGroup") {
		if sg.Inputs.HasValue("ingress") || sg.Inputs.HasValue("egress") {
			t.Errorf("%s has inline rules; rules are separate resources", sg.Name)
		}
	}
}

func TestDatabaseRuleOpensOnlyItsPort(t *testing.T) {
	mon := build(t, func(a *NetworkArgs) { a.DatabaseCIDR, a.DatabasePort = "10.1.2.0/24", 5432 })
	r := mocktest.Named(t, mon, tEgress, stackName+"-runtimes-to-database")
	if str(r, "cidrIpv4") != "10.1.2.0/24" || r.Inputs["fromPort"].NumberValue() != 5432 || r.Inputs["toPort"].NumberValue() != 5432 {
		t.Fatalf("database rule %v", r.Inputs)
	}
}

func TestNATGateways(t *testing.T) {
	for _, c := range []struct {
		name, count string
		nats        int
	}{{"one_nat_serves_every_zone", NATSingle, 1}, {"one_nat_per_zone", NATPerAZ, 3}} {
		t.Run(c.name, func(t *testing.T) {
			mon := build(t, func(a *NetworkArgs) { a.Egress, a.NATGateways, a.AvailabilityZones = EgressNAT, c.count, 3 })
			nats := mon.ByType(tNAT)
			if len(nats) != c.nats || len(mon.ByType(tEIP)) != c.nats || len(mon.ByType(tIGW)) != 1 {
				t.Fatalf("%d NAT gateways, %d EIPs, %d IGWs; want %d, %d, 1", len(nats), len(mon.ByType(tEIP)),
					len(mon.ByType(tIGW)), c.nats, c.nats)
			}
			byID := map[string]string{}
			for _, n := range nats {
				byID[n.ID] = strings.TrimPrefix(n.Name, stackName+"-nat-")
			}
			for _, z := range []string{"use1-az1", "use1-az2", "use1-az4"} {
				r := mocktest.Named(t, mon, tRoute, stackName+"-private-"+z+"-internet")
				got := byID[str(r, "natGatewayId")]
				want := z
				if c.nats == 1 {
					want = "use1-az1"
				}
				if got != want || str(r, "destinationCidrBlock") != "0.0.0.0/0" {
					t.Errorf("zone %s routes to the NAT of %q, want %q", z, got, want)
				}
			}
			if got := egressTo(mon); !slices.Contains(got, "cidrIpv4:0.0.0.0/0:443") {
				t.Errorf("NAT egress needs HTTPS to the internet: %v", got)
			}
		})
	}
}

func TestFlowLogsGoToTheStackLogGroup(t *testing.T) {
	mon := build(t, nil)
	g := mocktest.Named(t, mon, tLogGroup, stackName+"-flow-logs")
	if !g.Protect || !g.RetainOnDelete {
		t.Error("flow log group must be protected and retained when Protect is set")
	}
	if str(g, "name") != "/bidopsai/prod/vpc-flow-logs" || g.Inputs["retentionInDays"].NumberValue() != 180 || str(g, "kmsKeyId") != keyArn {
		t.Errorf("log group %v", g.Inputs)
	}
	fl := mocktest.Named(t, mon, tFlowLog, stackName+"-flow-logs-vpc")
	if str(fl, "trafficType") != "ALL" || str(fl, "logDestination") != g.Outputs["arn"].StringValue() || str(fl, "iamRoleArn") == "" {
		t.Errorf("flow log %v", fl.Inputs)
	}
	trust := str(mocktest.Named(t, mon, tRole, stackName+"-flow-logs-delivery"), "assumeRolePolicy")
	for _, want := range []string{flowLogsService, `"aws:SourceAccount":"` + account, "vpc-flow-log/*"} {
		if !strings.Contains(trust, want) {
			t.Errorf("flow log trust lacks %s: %s", want, trust)
		}
	}
}

func TestEveryChildIsParentedAndNamedFromTheComponent(t *testing.T) {
	mon := build(t, func(a *NetworkArgs) { a.Egress, a.NATGateways = EgressNAT, NATPerAZ })
	mocktest.Only(t, mon, TypeToken)
	mocktest.CheckChildren(t, mon, TypeToken)
	if n := len(mon.ByType(tRouteTbl)); n != 3 {
		t.Errorf("%d route tables; want 2 private and 1 public", n)
	}
}

func TestRejectsBadArgs(t *testing.T) {
	networks.Rejects(t, baseArgs, []mocktest.BadInput[*NetworkArgs]{
		{Name: "rejects_cidr_larger_than_16", Mutate: func(a *NetworkArgs) { a.CIDR = "10.0.0.0/8" }, Field: "NetworkArgs.CIDR"},
		{Name: "rejects_cidr_too_small_for_endpoints", Mutate: func(a *NetworkArgs) { a.CIDR = "10.0.0.0/24" }, Field: "NetworkArgs.CIDR"},
		{Name: "rejects_single_zone", Mutate: func(a *NetworkArgs) { a.AvailabilityZones = 1 }, Field: "NetworkArgs.AvailabilityZones"},
		{Name: "rejects_unknown_egress", Mutate: func(a *NetworkArgs) { a.Egress = "INTERNET" }, Field: "NetworkArgs.Egress"},
		{Name: "rejects_two_nat_gateways", Mutate: func(a *NetworkArgs) { a.NATGateways = "2" }, Field: "NetworkArgs.NATGateways"},
		{Name: "rejects_database_without_port", Mutate: func(a *NetworkArgs) { a.DatabaseCIDR = "10.1.0.0/16" }, Field: "NetworkArgs.DatabasePort"},
		{Name: "rejects_missing_buckets", Mutate: func(a *NetworkArgs) { a.BucketArns = nil }, Field: "NetworkArgs.BucketArns"},
		{Name: "rejects_unlisted_retention", Mutate: func(a *NetworkArgs) { a.FlowLogRetentionDays = 45 }, Field: "NetworkArgs.FlowLogRetentionDays"},
		{Name: "rejects_short_account", Mutate: func(a *NetworkArgs) { a.AccountID = "1234" }, Field: "NetworkArgs.AccountID"},
	})
	t.Run("rejects_more_zones_than_agentcore_supports", func(t *testing.T) {
		a := baseArgs()
		a.AvailabilityZones = 3
		mon := mock.New("bidopsai", "prod", "us-east-1")
		err := pulumi.RunErr(func(ctx *pulumi.Context) error {
			_, err := zones(ctx, "us-east-1", 4)
			return err
		}, pulumi.WithMocks("bidopsai", "prod", mon))
		if err == nil || !strings.Contains(err.Error(), "AgentCore supports") {
			t.Fatalf("want a zone shortage error, got %v", err)
		}
	})
}

func TestSubnetBlocksSplitTheVPCIntoEighths(t *testing.T) {
	for _, c := range []struct {
		vpc  string
		i    int
		want string
	}{
		{"10.20.0.0/16", 0, "10.20.0.0/19"}, {"10.20.0.0/16", 4, "10.20.128.0/19"}, {"10.20.0.0/16", 7, "10.20.224.0/19"},
		{"192.168.4.0/22", 6, "192.168.7.0/25"}, {"172.16.0.0/20", 5, "172.16.10.0/23"},
	} {
		if got, err := subnetCIDR(c.vpc, c.i); err != nil || got != c.want {
			t.Errorf("block %d of %s = %s, %v; want %s", c.i, c.vpc, got, err, c.want)
		}
	}
	if _, err := subnetCIDR("10.0.0.0/16", 8); err == nil {
		t.Error("block 8 of 8 accepted")
	}
}
