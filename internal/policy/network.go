package policy

import (
	"slices"
	"strings"

	"github.com/bidopsai/bidopsai-infra/components/network"
	"github.com/bidopsai/bidopsai-infra/internal/inventory"
)

// networkRules cover the private network (issue 16). The rules file has no VPC table; SR-NET-1
// is ours (without its endpoints a runtime with no internet path cannot pull its image or reach
// any AWS API), SR-NET-2 is checkov CKV2_AWS_11 / FSBP EC2.6 (VPC flow logging enabled).
var networkRules = []Rule{
	{ID: "SR-NET-1", Description: "a VPC has an interface endpoint with private DNS for every service the agents call, and the S3 gateway endpoint",
		Types: []string{typeVpc}, Levels: mmm, Check: checkEndpoints},
	{ID: "SR-NET-2", Description: "a VPC sends its flow logs somewhere",
		Types: []string{typeVpc}, Levels: amm, Check: func(v *View, r inventory.Resource) Finding {
			_, f := v.needsOne(r, typeFlowLog, "vpcId", "ec2.FlowLog")
			return f
		}},
}

// checkEndpoints lists the required endpoints the VPC lacks. An endpoint counts when its type is
// right and, for interface endpoints, private DNS is on (else SDKs still resolve public names).
func checkEndpoints(v *View, vpc inventory.Resource) Finding {
	if !v.whole() {
		return na()
	}
	eps, unresolved := v.attached(vpc, typeEndpoint, "vpcId")
	have := map[string]bool{}
	for _, e := range eps {
		name, typ, dns := in(e, "serviceName"), in(e, "vpcEndpointType"), in(e, "privateDnsEnabled")
		if name.opaque() || typ.opaque() || dns.opaque() {
			return unknown("serviceName, vpcEndpointType or privateDnsEnabled of " + e.Name)
		}
		s, _ := name.str()
		t, _ := typ.str()
		private, _ := dns.boolean()
		svc := endpointService(s)
		switch {
		case t == "Gateway" && svc == network.S3Service:
			have[svc] = true
		case t == "Interface" && private && svc != network.S3Service:
			have[svc] = true
		}
	}
	var missing []string
	for _, svc := range append(network.InterfaceServices(), network.S3Service) {
		if !have[svc] {
			missing = append(missing, svc)
		}
	}
	switch {
	case len(missing) == 0:
		return pass()
	case unresolved:
		return unknown("vpcId of a VpcEndpoint")
	}
	slices.Sort(missing)
	return fail("%s lacks endpoints (interface with private DNS; s3 as a gateway) for: %s", vpc.Name, strings.Join(missing, ", "))
}

// endpointService is the service part of com.amazonaws.<region>.<service>, else "".
func endpointService(name string) string {
	parts := strings.SplitN(name, ".", 4)
	if len(parts) != 4 || parts[0] != "com" || parts[1] != "amazonaws" {
		return ""
	}
	return parts[3]
}
