package cost

import (
	"fmt"
	"math"
)

// usage prices the assumptions for each service the plan has; a service that is not in the
// plan (no runtime yet, tracing off, no VPC) adds nothing.
func (e *estimator) usage() {
	if e.counts[tRuntime] > 0 {
		e.agentCore()
		e.bedrock()
		e.customMetrics()
	}
	if e.counts[tLogGroup] > 0 {
		e.logs()
	}
	if e.counts[tBucket]+e.counts[tBucketV1] > 0 {
		e.s3()
	}
	if e.counts[tRepository] > 0 {
		usd, note := e.price(pECRStorage)
		e.add(Usage, "", "ECR image storage", e.a.ECRGBStored*usd,
			fmt.Sprintf("%s GB stored × %s/GB-month%s", num(e.a.ECRGBStored), money(usd), note))
	}
	if e.counts[tXRayGroup]+e.counts[tXRayRule] > 0 {
		usd, note := e.price(pXRayTraces)
		e.add(Usage, "", "X-Ray traces recorded", e.a.TracesPerMonth/1e6*usd,
			fmt.Sprintf("%s traces × %s per million (account free tier of 100,000 not subtracted)%s",
				num(e.a.TracesPerMonth), money(usd), note))
	}
	if e.counts[tDAProject] > 0 {
		usd, note := e.price(pBDAPage)
		e.add(Usage, "", "Data Automation document pages", e.a.DocumentPagesPerMonth*usd,
			fmt.Sprintf("%s pages × %s/page (standard output)%s", num(e.a.DocumentPagesPerMonth), money(usd), note))
	}
	if e.natGateways > 0 {
		usd, note := e.price(pNATGB)
		e.add(Usage, "", "NAT gateway data processed", e.a.NATGBPerMonth*usd,
			fmt.Sprintf("%s GB × %s/GB%s", num(e.a.NATGBPerMonth), money(usd), note))
	}
}

// agentCore prices session compute: active vCPU and peak memory for every session-hour.
func (e *estimator) agentCore() {
	sessions := e.a.sessionsPerMonth(e.p)
	hours := sessions * e.a.SessionMinutes / 60
	basis := fmt.Sprintf("%s sessions × %s min = %s session-hours", num(sessions), num(e.a.SessionMinutes), num(hours))
	usd, note := e.price(pAgentCoreVCPU)
	e.add(Usage, "", "AgentCore Runtime vCPU", hours*e.a.VCPUPerSession*usd,
		fmt.Sprintf("%s × %s active vCPU × %s/vCPU-hour%s", basis, num(e.a.VCPUPerSession), money(usd), note))
	usd, note = e.price(pAgentCoreMemory)
	e.add(Usage, "", "AgentCore Runtime memory", hours*e.a.MemoryGBPerSession*usd,
		fmt.Sprintf("%s × %s GB × %s/GB-hour%s", basis, num(e.a.MemoryGBPerSession), money(usd), note))
}

// bedrock prices tokens, split evenly across the configured models.
func (e *estimator) bedrock() {
	sessions := e.a.sessionsPerMonth(e.p)
	models := e.a.Models
	if len(models) == 0 {
		e.add(Usage, "", "Bedrock tokens", 0, "no model configured")
		return
	}
	share := 1 / float64(len(models))
	for _, id := range models {
		in := sessions * e.a.InputTokensPerSession * share
		out := sessions * e.a.OutputTokensPerSession * share
		m, ok := e.p.model(id)
		if !ok {
			e.add(Usage, "", "Bedrock tokens "+id, 0,
				fmt.Sprintf("no price for model %s in prices.json: add it (%s input, %s output tokens a month)",
					id, num(in), num(out)))
			continue
		}
		note := ""
		if !m.Confirmed {
			note = " (price unconfirmed, see prices.json models)"
		}
		e.add(Usage, "", "Bedrock input tokens "+id, in/1000*m.InputPer1k,
			fmt.Sprintf("%s sessions × %s tokens = %s tokens × %s/1k%s",
				num(sessions), num(e.a.InputTokensPerSession*share), num(math.Round(in)), money(m.InputPer1k), note))
		e.add(Usage, "", "Bedrock output tokens "+id, out/1000*m.OutputPer1k,
			fmt.Sprintf("%s sessions × %s tokens = %s tokens × %s/1k%s",
				num(sessions), num(e.a.OutputTokensPerSession*share), num(math.Round(out)), money(m.OutputPer1k), note))
	}
}

// logs prices ingestion and the steady-state storage the longest retention in the plan keeps.
func (e *estimator) logs() {
	usd, note := e.price(pLogIngest)
	e.add(Usage, "", "CloudWatch Logs ingestion", e.a.LogGBPerMonth*usd,
		fmt.Sprintf("%s GB × %s/GB%s", num(e.a.LogGBPerMonth), money(usd), note))
	days := 0.0
	for _, r := range e.inv.Resources {
		if d, ok := r.Inputs["retentionInDays"].(float64); ok && r.Type == tLogGroup {
			days = math.Max(days, d)
		}
	}
	kept := "kept " + num(days) + " days"
	if days == 0 {
		days, kept = 365, "never expiring (a year's worth assumed)"
	}
	stored := e.a.LogGBPerMonth * days / (e.hours() / 24)
	usd, note = e.price(pLogStore)
	e.add(Usage, "", "CloudWatch Logs storage", stored*usd,
		fmt.Sprintf("%s GB/month %s = %s GB stored (uncompressed, an upper bound) × %s/GB-month%s",
			num(e.a.LogGBPerMonth), kept, num(stored), money(usd), note))
}

func (e *estimator) s3() {
	usd, note := e.price(pS3Storage)
	e.add(Usage, "", "S3 Standard storage", e.a.S3GBStored*usd,
		fmt.Sprintf("%s GB × %s/GB-month (all Standard; lifecycle transitions not credited)%s",
			num(e.a.S3GBStored), money(usd), note))
	put, putNote := e.price(pS3Put)
	get, getNote := e.price(pS3Get)
	e.add(Usage, "", "S3 requests", e.a.S3PutRequestsPerMonth/1000*put+e.a.S3GetRequestsPerMonth/1000*get,
		fmt.Sprintf("%s PUT × %s/1k%s + %s GET × %s/1k%s", num(e.a.S3PutRequestsPerMonth), money(put), putNote,
			num(e.a.S3GetRequestsPerMonth), money(get), getNote))
}

// customMetrics prices the metric contract's series. They are usage, not idle cost: a series
// is billed per hour in which an agent emits it, so an idle stack (no sessions) pays nothing.
// The estimate assumes every series is emitted each hour once sessions run.
func (e *estimator) customMetrics() {
	if e.a.SessionsPerDay <= 0 || e.a.CustomMetricSeries == 0 {
		return
	}
	usd, note := e.price(pCustomMetric)
	n := e.a.CustomMetricSeries
	e.add(Usage, "", "CloudWatch custom metrics", float64(n)*usd,
		fmt.Sprintf("%d series of the metric contract × %s/month (billed per hour emitted; all month assumed)%s",
			n, money(usd), note))
}
