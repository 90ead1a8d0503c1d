package config

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
)

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

// Budget is bidopsai:budget: a monthly AWS Budgets cost budget; MonthlyLimitUSD 0 means none.
type Budget struct {
	MonthlyLimitUSD float64
	// Thresholds are percents of the limit; each gets an actual and a forecast alert.
	Thresholds []int
	Emails     []string
}

// AWS Budgets allows 10 notifications per budget (two per threshold here) and 10 email
// subscribers per notification.
const (
	maxBudgetThresholds = 5
	maxBudgetEmails     = 10
)

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
	b := r.object(ns+"budget", "monthlyLimitUsd", "thresholds", "emails")
	c.Budget = Budget{
		MonthlyLimitUSD: b.number("monthlyLimitUsd", 0, nonNegative),
		Thresholds:      b.ints("thresholds", []int{80, 100}, between(1, 100)),
		Emails:          b.strings("emails", nil, email),
	}
	checkBudget(r, c.Budget)
}

// checkBudget enforces what AWS Budgets needs of an enabled budget; a disabled one is not checked.
func checkBudget(r *reader, b Budget) {
	if b.MonthlyLimitUSD == 0 {
		return
	}
	key := ns + "budget."
	if len(b.Emails) == 0 {
		r.fail(key+"emails", "must list at least one address when budget.monthlyLimitUsd is above 0 (alerts would notify nobody)")
	}
	if len(b.Emails) > maxBudgetEmails {
		r.fail(key+"emails", "lists %d addresses: at most %d are allowed (AWS Budgets' email subscribers per notification)",
			len(b.Emails), maxBudgetEmails)
	}
	if len(b.Thresholds) == 0 || len(b.Thresholds) > maxBudgetThresholds {
		r.fail(key+"thresholds", "lists %d percents: must list 1 to %d when budget.monthlyLimitUsd is above 0 "+
			"(AWS Budgets allows 10 notifications, an actual and a forecast one per threshold)",
			len(b.Thresholds), maxBudgetThresholds)
	}
	seen := map[int]bool{}
	for _, t := range b.Thresholds {
		if seen[t] {
			r.invalid(key+"thresholds", strconv.Itoa(t), "listed twice; thresholds must be distinct")
		}
		seen[t] = true
	}
}

// ints reads a list of whole numbers, checking each element like a scalar integer.
func (o *object) ints(field string, def []int, check func(int) string) []int {
	raw, ok := o.fields[field]
	if !ok {
		return def
	}
	var list []json.RawMessage
	if err := json.Unmarshal(raw, &list); err != nil {
		o.r.invalid(o.name(field), string(raw), "must be a list of whole numbers such as [80, 100]")
		return def
	}
	out := make([]int, 0, len(list))
	for i, e := range list {
		before := len(o.r.errs)
		n := o.r.checkInt(fmt.Sprintf("%s[%d]", o.name(field), i), scalarText(e), 0, check)
		if len(o.r.errs) == before {
			out = append(out, n)
		}
	}
	return out
}

// scalarText is a JSON scalar as text: strings unquoted, numbers as written.
func scalarText(raw json.RawMessage) string {
	var s string
	if err := json.Unmarshal(raw, &s); err == nil {
		return s
	}
	return strings.TrimSpace(string(raw))
}
