package cost

import (
	"fmt"
	"sort"
	"strings"

	"github.com/bidopsai/bidopsai-infra/internal/inventory"
)

// Report is the plan summary's cost block: fixed, usage and total, then the top largest lines.
func Report(c *inventory.Cost, top int) string {
	if c == nil {
		return "estimated monthly cost: not computed\n"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "estimated monthly cost (%s, %s list prices as of %s):\n", c.Currency, c.Region, c.PricesAsOf)
	fmt.Fprintf(&b, "  fixed  %10s  what the stack costs idle\n", dollars(c.Fixed))
	fmt.Fprintf(&b, "  usage  %10s  under bidopsai:costAssumptions\n", dollars(c.Usage))
	fmt.Fprintf(&b, "  total  %10s\n", dollars(c.Total))
	lines := make([]inventory.CostLine, 0, len(c.Lines))
	for _, l := range c.Lines {
		if l.Monthly > 0 {
			lines = append(lines, l)
		}
	}
	sort.SliceStable(lines, func(i, j int) bool { return lines[i].Monthly > lines[j].Monthly })
	if len(lines) > top {
		lines = lines[:top]
	}
	if len(lines) > 0 {
		b.WriteString("  largest lines:\n")
	}
	for _, l := range lines {
		fmt.Fprintf(&b, "    %10s  %-5s  %s: %s\n", dollars(l.Monthly), l.Kind, l.Item, l.Detail)
	}
	return b.String()
}

// dollars shows an amount to the cent with thousands separators: $1,234.50.
func dollars(x float64) string {
	s := fmt.Sprintf("%.2f", x)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	whole, frac, _ := strings.Cut(s, ".")
	if neg {
		return "-$" + thousands(whole) + "." + frac
	}
	return "$" + thousands(whole) + "." + frac
}

// Dollars is dollars for other packages (the README cost table).
func Dollars(x float64) string { return dollars(x) }

// Quantity shows a figure without needless decimals, grouped by thousands (6,083.33).
func Quantity(x float64) string { return num(x) }

// services group line items into the rows of the README cost table, in table order.
var services = []struct{ prefix, service string }{
	{"Bedrock", "Bedrock model tokens"},
	{"AgentCore", "AgentCore Runtime"},
	{"Data Automation", "Bedrock Data Automation"},
	{"CloudWatch", "CloudWatch"},
	{"X-Ray", "X-Ray"},
	{"S3", "S3"},
	{"ECR", "ECR"},
	{"KMS", "KMS"},
	{"Secrets Manager", "Secrets Manager"},
	{"SSM", "SSM Parameter Store"},
	{"NAT", "VPC networking"},
	{"Public IPv4", "VPC networking"},
	{"VPC", "VPC networking"},
}

// Services lists the service names Service returns, in display order, then "Other".
func Services() []string {
	var out []string
	for _, s := range services {
		if len(out) == 0 || out[len(out)-1] != s.service {
			out = append(out, s.service)
		}
	}
	return append(out, "Other")
}

// Service is the AWS service a cost line belongs to.
func Service(l inventory.CostLine) string {
	for _, s := range services {
		if strings.HasPrefix(l.Item, s.prefix) {
			return s.service
		}
	}
	return "Other"
}
