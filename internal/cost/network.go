package cost

import (
	"fmt"

	"github.com/bidopsai/bidopsai-infra/internal/inventory"
)

// awsxDefaultZones is what awsx.ec2.Vpc uses when neither zone names nor a count are given.
const awsxDefaultZones = 3

func (e *estimator) natGateway(r inventory.Resource) {
	e.natGateways++
	e.hourly(r.URN, "NAT gateway "+r.Name, pNATHour, 1, "NAT gateway")
}

func (e *estimator) publicIP(r inventory.Resource) {
	e.hourly(r.URN, "Public IPv4 address "+r.Name, pPublicIPv4, 1, "address")
}

// endpoint prices an interface endpoint per zone it sits in; gateway endpoints are free.
func (e *estimator) endpoint(r inventory.Resource) {
	if t, _ := r.Inputs["vpcEndpointType"].(string); t != "Interface" {
		return
	}
	zones := max(len(list(r.Inputs["subnetIds"])), 1)
	e.hourly(r.URN, "VPC interface endpoint "+r.Name, pEndpointHour, zones, "zone")
}

// awsxVpc prices what an awsx VPC component will create (the offline plan does not run the
// awsx provider, so its NAT gateways and endpoints appear only as the component's inputs).
func (e *estimator) awsxVpc(r inventory.Resource) {
	zones := len(list(r.Inputs["availabilityZoneNames"]))
	if zones == 0 {
		zones = awsxDefaultZones
		if n, ok := r.Inputs["numberOfAvailabilityZones"].(float64); ok && n > 0 {
			zones = int(n)
		}
	}
	nats, ownIPs := awsxNATs(r.Inputs, zones)
	if nats > 0 {
		e.natGateways += nats
		e.hourly(r.URN, "NAT gateways of "+r.Name, pNATHour, nats, "NAT gateway")
		if ownIPs {
			e.hourly(r.URN, "Public IPv4 addresses of "+r.Name, pPublicIPv4, nats, "address")
		}
	}
	for _, s := range list(r.Inputs["vpcEndpointSpecs"]) {
		spec, _ := s.(map[string]any)
		if t, _ := spec["vpcEndpointType"].(string); t != "Interface" {
			continue
		}
		service, _ := spec["serviceName"].(string)
		n := len(list(spec["subnetIds"]))
		if n == 0 {
			n = zones
		}
		e.hourly(r.URN, "VPC interface endpoint "+service, pEndpointHour, n, "zone")
	}
}

// awsxNATs is awsx's NAT gateway count: the strategy's, or one per zone when the VPC has both
// public and private subnets (awsx's default). ownIPs is false when EIPs are passed in (they
// are priced as their own resources then).
func awsxNATs(in map[string]any, zones int) (n int, ownIPs bool) {
	cfg, _ := in["natGateways"].(map[string]any)
	ownIPs = len(list(cfg["elasticIpAllocationIds"])) == 0
	switch s, _ := cfg["strategy"].(string); s {
	case "None":
		return 0, ownIPs
	case "Single":
		return 1, ownIPs
	case "OnePerAz":
		return zones, ownIPs
	}
	specs := list(in["subnetSpecs"])
	if len(specs) == 0 {
		return zones, ownIPs
	}
	kinds := map[string]bool{}
	for _, s := range specs {
		if m, ok := s.(map[string]any); ok {
			t, _ := m["type"].(string)
			kinds[t] = true
		}
	}
	if kinds["Public"] && kinds["Private"] {
		return zones, ownIPs
	}
	return 0, ownIPs
}

// hourly prices n always-on units for the month.
func (e *estimator) hourly(urn, item, key string, n int, unit string) {
	usd, note := e.price(key)
	e.add(Fixed, urn, item, float64(n)*e.hours()*usd,
		fmt.Sprintf("%s × %s h × %s/hour%s", plural(n, unit, unit+"s"), num(e.hours()), money(usd), note))
}

func list(v any) []any {
	l, _ := v.([]any)
	return l
}
