package docs

import (
	"github.com/bidopsai/bidopsai-infra/components/observability"
	"github.com/bidopsai/bidopsai-infra/internal/config"
)

// MetricContract is the custom metric contract agents emit, from the same Go data the
// dashboard and alarms are built from.
func MetricContract(string) (string, error) {
	return observability.ContractMarkdown(config.MetricsNamespace), nil
}
