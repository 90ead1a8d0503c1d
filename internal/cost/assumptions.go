package cost

import (
	"github.com/bidopsai/bidopsai-infra/components/observability"
	"github.com/bidopsai/bidopsai-infra/internal/config"
)

// Assumptions are the usage figures the estimate prices (bidopsai:costAssumptions) plus what
// the stack implies; zero means none of that usage.
type Assumptions struct {
	config.CostAssumptions
	// Models are the Bedrock model ids the sessions call; tokens split evenly across them.
	Models []string
	// CustomMetricSeries is how many custom metric series agents emit (the metric contract).
	CustomMetricSeries int
}

// FromConfig takes the assumptions from the stack configuration (bidopsai:costAssumptions and
// the configured models).
func FromConfig(c *config.Config) Assumptions {
	models := []string{c.Models.Supervisor}
	if c.Models.SubAgent != c.Models.Supervisor {
		models = append(models, c.Models.SubAgent)
	}
	return Assumptions{CostAssumptions: c.CostAssumptions, Models: models,
		CustomMetricSeries: observability.SeriesCount(agentIDs(c))}
}

// agentIDs are the configured agents' ids.
func agentIDs(c *config.Config) []string {
	out := make([]string, 0, len(c.Agents))
	for _, a := range c.Agents {
		out = append(out, a.ID)
	}
	return out
}

// Map renders the numeric assumptions under their config field names, for the plan JSON.
func (a Assumptions) Map() map[string]float64 {
	return map[string]float64{
		"sessionsPerDay": a.SessionsPerDay, "sessionMinutes": a.SessionMinutes,
		"vcpuPerSession": a.VCPUPerSession, "memoryGbPerSession": a.MemoryGBPerSession,
		"inputTokensPerSession": a.InputTokensPerSession, "outputTokensPerSession": a.OutputTokensPerSession,
		"logGbPerMonth": a.LogGBPerMonth, "s3GbStored": a.S3GBStored, "ecrGbStored": a.ECRGBStored,
		"tracesPerMonth": a.TracesPerMonth, "documentPagesPerMonth": a.DocumentPagesPerMonth,
		"natGbPerMonth": a.NATGBPerMonth, "s3PutRequestsPerMonth": a.S3PutRequestsPerMonth,
		"s3GetRequestsPerMonth": a.S3GetRequestsPerMonth, "customMetricSeries": float64(a.CustomMetricSeries),
	}
}

// sessionsPerMonth uses the price list's month (hoursPerMonth / 24 days).
func (a Assumptions) sessionsPerMonth(p Prices) float64 {
	return a.SessionsPerDay * p.HoursPerMonth / 24
}
