package cost

import (
	"github.com/bidopsai/bidopsai-infra/components/observability"
)

// Figures are bidopsai:costAssumptions: the usage the monthly cost estimate assumes.
// Every value is >= 0; the defaults are a small dev team (see Pulumi.yaml).
type Figures struct {
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
}

// Assumptions are the usage figures the estimate prices (bidopsai:costAssumptions) plus what
// the stack implies; zero means none of that usage.
type Assumptions struct {
	Figures
	// Models are the Bedrock model ids the sessions call; tokens split evenly across them.
	Models []string
	// CustomMetricSeries is how many custom metric series agents emit (the metric contract).
	CustomMetricSeries int
}

// NewAssumptions are the figures with the stack's models (one when the supervisor and
// sub-agents share it) and the metric series its agents emit.
func NewAssumptions(f Figures, supervisorModel, subAgentModel string, agents []string) Assumptions {
	models := []string{supervisorModel}
	if subAgentModel != supervisorModel {
		models = append(models, subAgentModel)
	}
	return Assumptions{Figures: f, Models: models, CustomMetricSeries: observability.SeriesCount(agents)}
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
