package mock

import (
	"fmt"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
)

// env is what an output rule may use to make values up.
type env struct {
	region, urn, name, typ string
}

func (e env) arn(service, rest string) string {
	return fmt.Sprintf("arn:aws:%s:%s:%s:%s", service, e.region, Account, rest)
}

// autoName mimics Pulumi auto-naming: logical name plus a stable 7-character suffix.
func (e env) autoName() string { return e.name + "-" + suffix(e.urn, 7) }

// ec2ID is an EC2-style id: the resource's prefix and 17 hex digits.
func (e env) ec2ID(prefix string) string { return prefix + "-" + suffix(e.urn, 17) }

// ec2Rule answers an EC2 resource: id <prefix>-<17 hex>, ARN <arnType>/<id>, owner, and what
// more answers it adds.
func ec2Rule(prefix, arnType string, more func(e env, s resource.PropertyMap)) rule {
	return func(e env, s resource.PropertyMap) string {
		id := e.ec2ID(prefix)
		set(s, "arn", e.arn("ec2", arnType+"/"+id))
		set(s, "ownerId", Account)
		if more != nil {
			more(e, s)
		}
		return id
	}
}

// securityGroupRule answers both security group rule types (aws:vpc module).
func securityGroupRule(e env, s resource.PropertyMap) string {
	id := e.ec2ID("sgr")
	set(s, "securityGroupRuleId", id)
	set(s, "arn", e.arn("ec2", "security-group-rule/"+id))
	return id
}

// rule fills in the outputs of one resource type and returns its id.
type rule func(e env, s resource.PropertyMap) string

var rules = map[string]rule{
	"aws:s3/bucketV2:BucketV2": func(e env, s resource.PropertyMap) string {
		b := nameProp(e, s, "bucket")
		set(s, "arn", "arn:aws:s3:::"+b)
		set(s, "bucketDomainName", b+".s3.amazonaws.com")
		set(s, "bucketRegionalDomainName", fmt.Sprintf("%s.s3.%s.amazonaws.com", b, e.region))
		set(s, "region", e.region)
		return b
	},
	"aws:ecr/repository:Repository": func(e env, s resource.PropertyMap) string {
		n := nameProp(e, s, "name")
		set(s, "arn", e.arn("ecr", "repository/"+n))
		set(s, "registryId", Account)
		set(s, "repositoryUrl", fmt.Sprintf("%s.dkr.ecr.%s.amazonaws.com/%s", Account, e.region, n))
		return n
	},
	"aws:ssm/parameter:Parameter": func(e env, s resource.PropertyMap) string {
		n := nameProp(e, s, "name")
		set(s, "arn", e.arn("ssm", "parameter/"+strings.TrimPrefix(n, "/")))
		set(s, "version", 1.0)
		return n
	},
	"aws:secretsmanager/secret:Secret": func(e env, s resource.PropertyMap) string {
		n := nameProp(e, s, "name")
		arn := e.arn("secretsmanager", "secret:"+n+"-"+suffix(e.urn, 6))
		set(s, "arn", arn)
		return arn
	},
	"aws:secretsmanager/secretVersion:SecretVersion": func(e env, s resource.PropertyMap) string {
		set(s, "versionId", "v-"+suffix(e.urn, 12))
		return e.autoName()
	},
	"random:index/randomPassword:RandomPassword": func(e env, s resource.PropertyMap) string {
		s["result"] = resource.MakeSecret(resource.NewProperty("mock-" + suffix(e.urn, 24)))
		return "none"
	},
	"aws:iam/role:Role": func(e env, s resource.PropertyMap) string {
		n := nameProp(e, s, "name")
		set(s, "arn", fmt.Sprintf("arn:aws:iam::%s:role/%s", Account, n))
		set(s, "uniqueId", "AROA"+strings.ToUpper(suffix(e.urn, 17)))
		return n
	},
	"aws:iam/policy:Policy": func(e env, s resource.PropertyMap) string {
		n := nameProp(e, s, "name")
		arn := fmt.Sprintf("arn:aws:iam::%s:policy/%s", Account, n)
		set(s, "arn", arn)
		return arn
	},
	"aws:kms/key:Key": func(e env, s resource.PropertyMap) string {
		h := suffix(e.urn, 32)
		id := h[:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:32]
		set(s, "keyId", id)
		set(s, "arn", e.arn("kms", "key/"+id))
		return id
	},
	"aws:kms/alias:Alias": func(e env, s resource.PropertyMap) string {
		n := nameProp(e, s, "name")
		set(s, "arn", e.arn("kms", n))
		return n
	},
	"aws:cognito/userPool:UserPool": func(e env, s resource.PropertyMap) string {
		nameProp(e, s, "name")
		id := e.region + "_" + strings.ToUpper(suffix(e.urn, 9))
		set(s, "arn", e.arn("cognito-idp", "userpool/"+id))
		set(s, "endpoint", fmt.Sprintf("cognito-idp.%s.amazonaws.com/%s", e.region, id))
		return id
	},
	"aws:cognito/userPoolClient:UserPoolClient": func(e env, _ resource.PropertyMap) string {
		return suffix(e.urn, 26)
	},
	"aws:cognito/userPoolDomain:UserPoolDomain": func(e env, s resource.PropertyMap) string {
		return stringProp(s, "domain", e.autoName())
	},
	"aws:cloudwatch/logGroup:LogGroup": func(e env, s resource.PropertyMap) string {
		n := nameProp(e, s, "name")
		set(s, "arn", e.arn("logs", "log-group:"+n))
		return n
	},
	"aws:cloudwatch/metricAlarm:MetricAlarm": func(e env, s resource.PropertyMap) string {
		n := nameProp(e, s, "name")
		set(s, "arn", e.arn("cloudwatch", "alarm:"+n))
		return n
	},
	"aws:cloudwatch/dashboard:Dashboard": func(e env, s resource.PropertyMap) string {
		n := nameProp(e, s, "dashboardName")
		set(s, "dashboardArn", fmt.Sprintf("arn:aws:cloudwatch::%s:dashboard/%s", Account, n))
		return n
	},
	"aws:budgets/budget:Budget": func(e env, s resource.PropertyMap) string {
		n := nameProp(e, s, "name")
		set(s, "accountId", Account)
		set(s, "arn", fmt.Sprintf("arn:aws:budgets::%s:budget/%s", Account, n)) // budgets are global: no region
		return Account + ":" + n
	},
	"aws:sns/topic:Topic": func(e env, s resource.PropertyMap) string {
		n := nameProp(e, s, "name")
		arn := e.arn("sns", n)
		set(s, "arn", arn)
		return arn
	},
	"aws:sns/topicSubscription:TopicSubscription": func(e env, s resource.PropertyMap) string {
		arn := stringProp(s, "topic", e.arn("sns", "topic")) + ":" + suffix(e.urn, 12)
		set(s, "arn", arn)
		return arn
	},
	"aws:xray/group:Group": func(e env, s resource.PropertyMap) string {
		n := stringProp(s, "groupName", e.autoName())
		arn := e.arn("xray", "group/"+n+"/"+strings.ToUpper(suffix(e.urn, 12)))
		set(s, "arn", arn)
		return arn
	},
	"aws:xray/samplingRule:SamplingRule": func(e env, s resource.PropertyMap) string {
		n := nameProp(e, s, "ruleName")
		set(s, "arn", e.arn("xray", "sampling-rule/"+n))
		return n
	},
	"docker:index/image:Image": func(e env, s resource.PropertyMap) string {
		img := stringProp(s, "imageName", e.autoName())
		repo := img
		if i := strings.LastIndex(img, ":"); i > strings.LastIndex(img, "/") {
			repo = img[:i]
		}
		set(s, "repoDigest", repo+"@sha256:"+suffix(e.urn+img, 64))
		return img
	},
	"bidopsai:index:AgentRuntime": func(e env, s resource.PropertyMap) string {
		n := stringProp(s, "agentRuntimeName", "runtime")
		id := n + "-" + suffix(e.urn, 10)
		set(s, "agentRuntimeId", id)
		set(s, "agentRuntimeArn", e.arn("bedrock-agentcore", "runtime/"+id))
		set(s, "agentRuntimeVersion", "1")
		set(s, "status", "READY")
		set(s, "workloadIdentityArn", e.arn("bedrock-agentcore",
			"workload-identity-directory/default/workload-identity/"+id))
		return id
	},
	"aws:ec2/vpc:Vpc": ec2Rule("vpc", "vpc", func(e env, s resource.PropertyMap) {
		set(s, "mainRouteTableId", "rtb-"+suffix(e.urn+"main", 17))
		set(s, "defaultSecurityGroupId", "sg-"+suffix(e.urn+"default", 17))
	}),
	"aws:ec2/subnet:Subnet":                   ec2Rule("subnet", "subnet", nil),
	"aws:ec2/routeTable:RouteTable":           ec2Rule("rtb", "route-table", nil),
	"aws:ec2/internetGateway:InternetGateway": ec2Rule("igw", "internet-gateway", nil),
	"aws:ec2/securityGroup:SecurityGroup":     ec2Rule("sg", "security-group", nil),
	"aws:ec2/defaultSecurityGroup:DefaultSecurityGroup": ec2Rule("sg", "security-group", func(_ env, s resource.PropertyMap) {
		set(s, "name", "default")
	}),
	"aws:ec2/flowLog:FlowLog": ec2Rule("fl", "vpc-flow-log", nil),
	"aws:ec2/vpcEndpoint:VpcEndpoint": ec2Rule("vpce", "vpc-endpoint", func(e env, s resource.PropertyMap) {
		set(s, "state", "available")
		if stringProp(s, "vpcEndpointType", "") == "Gateway" {
			set(s, "prefixListId", "pl-"+suffix(e.urn, 8))
		}
	}),
	"aws:ec2/routeTableAssociation:RouteTableAssociation": func(e env, _ resource.PropertyMap) string {
		return e.ec2ID("rtbassoc")
	},
	"aws:ec2/route:Route": func(_ env, s resource.PropertyMap) string {
		// The provider's id: route table id, "_" and destination.
		return stringProp(s, "routeTableId", "rtb") + "_" + stringProp(s, "destinationCidrBlock", "0.0.0.0/0")
	},
	"aws:ec2/eip:Eip": func(e env, s resource.PropertyMap) string {
		id := e.ec2ID("eipalloc")
		set(s, "allocationId", id)
		set(s, "arn", e.arn("ec2", "elastic-ip/"+id))
		// TEST-NET-3 (RFC 5737): documentation addresses, never routable.
		set(s, "publicIp", fmt.Sprintf("203.0.113.%d", 1+int(suffix(e.urn, 2)[0])%250))
		return id
	},
	"aws:ec2/natGateway:NatGateway": func(e env, s resource.PropertyMap) string {
		set(s, "connectivityType", "public")
		set(s, "networkInterfaceId", "eni-"+suffix(e.urn, 17))
		return e.ec2ID("nat")
	},
	"aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule": securityGroupRule,
	"aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule":   securityGroupRule,
	"bidopsai:index:DataAutomationProject": func(e env, s resource.PropertyMap) string {
		arn := e.arn("bedrock", "data-automation-project/"+suffix(e.urn, 12))
		set(s, "projectArn", arn)
		set(s, "status", "COMPLETED")
		return arn
	},
}

// Outputs returns the id and the state (inputs plus realistic outputs) that a resource of type
// typ gets on create, for an account in region. The offline plan's mock and the e2e stand-in
// plugins both answer with it, so the plan and the engine agree by construction.
func Outputs(region, urn, typ string, inputs resource.PropertyMap) (string, resource.PropertyMap) {
	state := inputs.Copy()
	name := resource.URN(urn).Name()
	return outputsFor(env{region: region, urn: urn, name: name, typ: typ}, state), state
}

// outputsFor fills in realistic outputs for a resource and returns its id.
func outputsFor(e env, s resource.PropertyMap) string {
	if r, ok := rules[e.typ]; ok {
		return r(e, s)
	}
	id := e.autoName()
	if strings.HasPrefix(e.typ, "aws:") && !s.HasValue("arn") {
		mod := strings.SplitN(strings.SplitN(e.typ, ":", 3)[1], "/", 2)[0]
		set(s, "arn", e.arn(mod, strings.ToLower(e.typ[strings.LastIndex(e.typ, ":")+1:])+"/"+id))
	}
	return id
}

// nameProp returns the resource's name property, auto-naming it when the program left it out.
func nameProp(e env, s resource.PropertyMap, key string) string {
	n := stringProp(s, resource.PropertyKey(key), "")
	if n == "" {
		n = e.autoName()
		set(s, resource.PropertyKey(key), n)
	}
	return n
}

func stringProp(s resource.PropertyMap, key resource.PropertyKey, def string) string {
	v, ok := s[key]
	if !ok {
		return def
	}
	if v.IsSecret() {
		v = v.SecretValue().Element
	}
	if v.IsString() && v.StringValue() != "" {
		return v.StringValue()
	}
	return def
}

func set(s resource.PropertyMap, key resource.PropertyKey, v any) {
	if !s.HasValue(key) {
		s[key] = resource.NewPropertyValue(v)
	}
}

// Invoke answers a data-source invoke for an account in region: the offline plan's mock and the
// e2e stand-in plugins both answer with it. Unknown tokens echo their arguments.
func Invoke(region, token string, args resource.PropertyMap) resource.PropertyMap {
	switch token {
	case "aws:index/getCallerIdentity:getCallerIdentity":
		return resource.NewPropertyMapFromMap(map[string]any{
			"accountId": Account, "id": Account, "userId": "AIDAMOCKUSER",
			"arn": fmt.Sprintf("arn:aws:iam::%s:user/mock", Account),
		})
	case "aws:index/getRegion:getRegion":
		return resource.NewPropertyMapFromMap(map[string]any{
			"name": region, "id": region, "endpoint": "ec2." + region + ".amazonaws.com",
		})
	case "aws:index/getPartition:getPartition":
		return resource.NewPropertyMapFromMap(map[string]any{
			"partition": "aws", "dnsSuffix": "amazonaws.com", "id": "aws",
		})
	case "aws:index/getAvailabilityZones:getAvailabilityZones":
		names, ids := zonesOf(region)
		return resource.NewPropertyMapFromMap(map[string]any{
			"names": names, "zoneIds": ids, "groupNames": []string{region}, "id": region,
		})
	case "aws:ecr/getAuthorizationToken:getAuthorizationToken":
		out := resource.NewPropertyMapFromMap(map[string]any{
			"userName":      "AWS",
			"proxyEndpoint": fmt.Sprintf("https://%s.dkr.ecr.%s.amazonaws.com", Account, region),
			"expiresAt":     "2030-01-01T00:00:00Z",
			"id":            region,
		})
		out["password"] = resource.MakeSecret(resource.NewProperty("mock-ecr-token"))
		out["authorizationToken"] = resource.MakeSecret(resource.NewProperty("QVdTOm1vY2s="))
		return out
	}
	return args
}

// usEast1Zones is one real account's zone name -> ID mapping in us-east-1: names are shuffled
// per account, so the first names are not the first IDs (and use1-az3 is a zone AgentCore skips).
var usEast1Zones = [][2]string{{"us-east-1a", "use1-az6"}, {"us-east-1b", "use1-az1"}, {"us-east-1c", "use1-az2"},
	{"us-east-1d", "use1-az4"}, {"us-east-1e", "use1-az3"}, {"us-east-1f", "use1-az5"}}

// zonesOf lists a region's standard zones: the mapping above for us-east-1, else three zones
// a, b, c with AWS-style IDs (eu-west-1 -> euw1-az1).
func zonesOf(region string) (names, ids []string) {
	if region == "us-east-1" {
		for _, z := range usEast1Zones {
			names, ids = append(names, z[0]), append(ids, z[1])
		}
		return names, ids
	}
	short := region
	if parts := strings.Split(region, "-"); len(parts) == 3 {
		dir := map[string]string{"north": "n", "south": "s", "east": "e", "west": "w", "central": "c",
			"northeast": "ne", "northwest": "nw", "southeast": "se", "southwest": "sw"}[parts[1]]
		short = parts[0] + dir + parts[2]
	}
	for i, l := range []string{"a", "b", "c"} {
		names, ids = append(names, region+l), append(ids, fmt.Sprintf("%s-az%d", short, i+1))
	}
	return names, ids
}
