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

// Outputs lists the stack outputs of the dev plan (every stack exports the same names).
func Outputs(dir string) (string, error) {
	p, err := planOf(dir, "dev")
	if err != nil {
		return "", err
	}
	names := make([]string, 0, len(p.inv.Outputs))
	for n := range p.inv.Outputs {
		names = append(names, "`"+n+"`")
	}
	sort.Strings(names)
	return strings.Join(names, ", ") + "\n", nil
}
