package cost

import (
	"fmt"

	"github.com/bidopsai/bidopsai-infra/internal/inventory"
)

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
