package config

// CostAssumptions is bidopsai:costAssumptions: the usage the monthly cost estimate assumes.
// Every value is >= 0; the defaults are a small dev team (see Pulumi.yaml).
type CostAssumptions struct {
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

func readCost(r *reader, c *Config) {
	a := r.object(ns+"costAssumptions", "sessionsPerDay", "sessionMinutes", "vcpuPerSession",
		"memoryGbPerSession", "inputTokensPerSession", "outputTokensPerSession", "logGbPerMonth",
		"s3GbStored", "ecrGbStored", "tracesPerMonth", "documentPagesPerMonth", "natGbPerMonth",
		"s3PutRequestsPerMonth", "s3GetRequestsPerMonth")
	n := func(field string, def float64) float64 { return a.number(field, def, nonNegative) }
	c.CostAssumptions = CostAssumptions{
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
	r.decodeTier("", &c.Budget)
}
