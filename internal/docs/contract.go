package docs

import (
	"sort"
	"strings"

	"github.com/bidopsai/bidopsai-infra/components/observability"
	"github.com/bidopsai/bidopsai-infra/internal/config"
)

// MetricContract is the custom metric contract agents emit, from the same Go data the
// dashboard and alarms are built from.
func MetricContract(string) (string, error) {
	return observability.ContractMarkdown(config.MetricsNamespace), nil
}

// Outputs lists the stack outputs of the dev plan, then those of optional tiers (the stack key,
// the VPC) that only prod's plan has.
func Outputs(dir string) (string, error) {
	dev, err := planOf(dir, "dev")
	if err != nil {
		return "", err
	}
	prod, err := planOf(dir, "prod")
	if err != nil {
		return "", err
	}
	var names, extra []string
	for n := range dev.inv.Outputs {
		names = append(names, "`"+n+"`")
	}
	for n := range prod.inv.Outputs {
		if _, ok := dev.inv.Outputs[n]; !ok {
			extra = append(extra, "`"+n+"`")
		}
	}
	sort.Strings(names)
	sort.Strings(extra)
	out := strings.Join(names, ", ") + "\n"
	if len(extra) > 0 {
		out += "\nWith the optional tiers (`bidopsai:kms.customerManagedKey`, `bidopsai:network.mode: VPC`), as in prod: " +
			strings.Join(extra, ", ") + ".\n"
	}
	return out, nil
}
