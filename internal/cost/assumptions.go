package cost

import "github.com/bidopsai/bidopsai-infra/internal/config"

// ContractSeries is how many custom metric series the observability tier's metric contract
// implies: 7 per-agent metrics x (10 agents + the all-agents aggregate) + WorkflowExecutions x
// 2 statuses. Keep it in step with components/observability/metrics.go.
const ContractSeries = 7*(10+1) + 2

// Assumptions are the usage figures the estimate prices; zero means none of that usage.
type Assumptions struct {
	SessionsPerDay         float64
	SessionMinutes         float64
	VCPUPerSession         float64
	MemoryGBPerSession     float64
	InputTokensPerSession  float64
	OutputTokensPerSession float64
	LogGBPerMonth          float64
	S3GBStored             float64
	ECRGBStored            float64
	TracesPerMonth         float64
	DocumentPagesPerMonth  float64
	NATGBPerMonth          float64
	S3PutRequestsPerMonth  float64
	S3GetRequestsPerMonth  float64
	// Models are the Bedrock model ids the sessions call; tokens split evenly across them.
	Models []string
	// CustomMetricSeries is how many custom metric series agents emit (see ContractSeries).
	CustomMetricSeries int
}

// FromConfig takes the assumptions from the stack configuration (bidopsai:costAssumptions and
// the configured models).
func FromConfig(c *config.Config) Assumptions {
	a := c.CostAssumptions
	models := []string{c.Models.Supervisor}
	if c.Models.SubAgent != c.Models.Supervisor {
		models = append(models, c.Models.SubAgent)
	}
	return Assumptions{
		SessionsPerDay:         a.SessionsPerDay,
		SessionMinutes:         a.SessionMinutes,
		VCPUPerSession:         a.VCPUPerSession,
		MemoryGBPerSession:     a.MemoryGBPerSession,
		InputTokensPerSession:  a.InputTokensPerSession,
		OutputTokensPerSession: a.OutputTokensPerSession,
		LogGBPerMonth:          a.LogGBPerMonth,
		S3GBStored:             a.S3GBStored,
		ECRGBStored:            a.ECRGBStored,
		TracesPerMonth:         a.TracesPerMonth,
		DocumentPagesPerMonth:  a.DocumentPagesPerMonth,
		NATGBPerMonth:          a.NATGBPerMonth,
		S3PutRequestsPerMonth:  a.S3PutRequestsPerMonth,
		S3GetRequestsPerMonth:  a.S3GetRequestsPerMonth,
		Models:                 models,
		CustomMetricSeries:     ContractSeries,
	}
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
