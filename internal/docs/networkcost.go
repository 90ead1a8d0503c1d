package docs

import (
	"fmt"
	"strings"

	"github.com/bidopsai/bidopsai-infra/components/network"
	"github.com/bidopsai/bidopsai-infra/internal/config"
	"github.com/bidopsai/bidopsai-infra/internal/cost"
)

// networkParts are the cost lines of private networking, by the item prefix the estimate uses.
var networkParts = []struct{ label, prefix string }{
	{"interface endpoints", "VPC interface endpoint "},
	{"NAT gateway data", "NAT gateway data processed"},
	{"NAT gateways", "NAT gateway "},
	{"public IPv4 (one per NAT gateway)", "Public IPv4 address "},
}

// NetworkCost renders what private networking costs each environment a month, split into the
// endpoints every VPC stack pays and the NAT path only egress NAT adds.
func NetworkCost(dir string) (string, error) {
	prices, err := cost.Load()
	if err != nil {
		return "", err
	}
	sums := make([]map[string]float64, len(Environments))
	counts := make([]map[string]int, len(Environments))
	cfgs := make([]*config.Config, len(Environments))
	for i, env := range Environments {
		p, err := planOf(dir, env)
		if err != nil {
			return "", err
		}
		cfgs[i], sums[i], counts[i] = p.cfg, map[string]float64{}, map[string]int{}
		for _, l := range cost.Estimate(p.inv, p.cfg.Cost(), prices).Lines {
			for _, part := range networkParts {
				if strings.HasPrefix(l.Item, part.prefix) {
					sums[i][part.label] += l.Monthly
					counts[i][part.label]++
					break
				}
			}
		}
	}
	var b strings.Builder
	b.WriteString("| monthly, USD | " + strings.Join(Environments, " | ") + " |\n")
	b.WriteString("|---|" + strings.Repeat("---:|", len(Environments)) + "\n")
	row := func(label string, cell func(i int) string) {
		cells := []string{label}
		for i := range Environments {
			cells = append(cells, cell(i))
		}
		b.WriteString("| " + strings.Join(cells, " | ") + " |\n")
	}
	row("_network_", func(i int) string {
		n := cfgs[i].Network
		if !cfgs[i].PrivateNetwork() {
			return cfgs[i].Runtime.Agent.NetworkMode
		}
		nat := n.Egress
		if n.Egress == network.EgressNAT {
			nat += " " + n.NATGateways
		}
		return fmt.Sprintf("VPC, %d zones, egress %s", n.AvailabilityZones, nat)
	})
	row("interface endpoints", func(i int) string {
		if counts[i]["interface endpoints"] == 0 {
			return cost.Dollars(0)
		}
		return fmt.Sprintf("%d × %d zones: %s", counts[i]["interface endpoints"], cfgs[i].Network.AvailabilityZones,
			cost.Dollars(sums[i]["interface endpoints"]))
	})
	for _, part := range networkParts[1:] {
		row(part.label, func(i int) string { return cost.Dollars(sums[i][part.label]) })
	}
	total := func(i int) float64 {
		t := 0.0
		for _, v := range sums[i] {
			t += v
		}
		return t
	}
	row("**private networking**", func(i int) string { return bold(total(i)) })
	row("_of which the NAT path_", func(i int) string { return cost.Dollars(total(i) - sums[i]["interface endpoints"]) })
	fmt.Fprintf(&b, "\nFrom the plans and `internal/cost/prices.json` (%s): endpoints are billed per zone-hour, NAT gateways"+
		" per hour and per GB (`bidopsai:costAssumptions.natGbPerMonth`); gateway endpoints (S3) are free. Endpoint data"+
		" ($0.01/GB) and flow log ingestion (under CloudWatch) are not in these rows.\n", prices.AsOf)
	return b.String(), nil
}
