package config

import "github.com/bidopsai/bidopsai-infra/internal/cost"

func readCost(r *reader, c *Config) {
	a := r.object(ns+"costAssumptions", "sessionsPerDay", "sessionMinutes", "vcpuPerSession",
		"memoryGbPerSession", "inputTokensPerSession", "outputTokensPerSession", "logGbPerMonth",
		"s3GbStored", "ecrGbStored", "tracesPerMonth", "documentPagesPerMonth", "natGbPerMonth",
		"s3PutRequestsPerMonth", "s3GetRequestsPerMonth")
	n := func(field string, def float64) float64 { return a.number(field, def, nonNegative) }
	c.CostAssumptions = cost.Figures{
		SessionsPerDay:         n("sessionsPerDay", 20),
		SessionMinutes:         n("sessionMinutes", 10),
		VCPUPerSession:         n("vcpuPerSession", 0.5),
		MemoryGBPerSession:     n("memoryGbPerSession", 1),
		InputTokensPerSession:  n("inputTokensPerSession", 20000),
		OutputTokensPerSession: n("outputTokensPerSession", 2000),
		LogGBPerMonth:          n("logGbPerMonth", 1),
		S3GBStored:             n("s3GbStored", 5),
		ECRGBStored:            n("ecrGbStored", 2),
		TracesPerMonth:         n("tracesPerMonth", 100000),
		DocumentPagesPerMonth:  n("documentPagesPerMonth", 500),
		NATGBPerMonth:          n("natGbPerMonth", 5),
		S3PutRequestsPerMonth:  n("s3PutRequestsPerMonth", 10000),
		S3GetRequestsPerMonth:  n("s3GetRequestsPerMonth", 100000),
	}
	r.decodeTier(&c.Budget)
}

// Cost is what the monthly estimate assumes of this stack: bidopsai:costAssumptions, the
// configured models and the agents' metric series.
func (c *Config) Cost() cost.Assumptions {
	ids := make([]string, len(c.Agents))
	for i, a := range c.Agents {
		ids[i] = a.ID
	}
	return cost.NewAssumptions(c.CostAssumptions, c.Models.Supervisor, c.Models.SubAgent, ids)
}
