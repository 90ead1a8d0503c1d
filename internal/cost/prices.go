// Package cost estimates a stack's monthly AWS bill from its offline plan: fixed costs per
// resource (what the stack costs idle) and usage costs under stated assumptions, priced from
// one dated data file (prices.json).
package cost

import (
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"
)

//go:embed prices.json
var pricesJSON []byte

// Prices is the price list: one dated file of us-east-1 list prices with their sources.
type Prices struct {
	Region        string                `json:"region"`
	Currency      string                `json:"currency"`
	AsOf          string                `json:"asOf"`
	HoursPerMonth float64               `json:"hoursPerMonth"`
	Notes         []string              `json:"notes"`
	Items         map[string]Price      `json:"items"`
	Models        map[string]ModelPrice `json:"models"`
}

// Price is one unit price and where it came from.
type Price struct {
	USD        float64 `json:"usd"`
	Unit       string  `json:"unit"`
	Source     string  `json:"source"`
	Checked    string  `json:"checked"`
	Confirmed  bool    `json:"confirmed"`
	CheckedVia string  `json:"checkedVia,omitempty"`
	Note       string  `json:"note,omitempty"`
}

// ModelPrice is a Bedrock model's on-demand token price.
type ModelPrice struct {
	InputPer1k  float64 `json:"inputPer1k"`
	OutputPer1k float64 `json:"outputPer1k"`
	Source      string  `json:"source"`
	Checked     string  `json:"checked"`
	Confirmed   bool    `json:"confirmed"`
	CheckedVia  string  `json:"checkedVia,omitempty"`
	Note        string  `json:"note,omitempty"`
}

// Price keys the estimator reads; Parse refuses a file that lacks one.
const (
	pKMSKey          = "kms.key"
	pSecret          = "secretsmanager.secret"
	pAlarm           = "cloudwatch.alarm.standard"
	pAlarmHighRes    = "cloudwatch.alarm.highres"
	pDashboard       = "cloudwatch.dashboard"
	pCustomMetric    = "cloudwatch.metric.custom"
	pLogIngest       = "logs.ingest"
	pLogStore        = "logs.store"
	pS3Storage       = "s3.standard.storage"
	pS3Put           = "s3.standard.put"
	pS3Get           = "s3.standard.get"
	pECRStorage      = "ecr.storage"
	pXRayTraces      = "xray.traces.recorded"
	pSNSEmail        = "sns.email"
	pNATHour         = "vpc.nat.hour"
	pNATGB           = "vpc.nat.gb"
	pPublicIPv4      = "vpc.ipv4.public"
	pEndpointHour    = "vpc.endpoint.interface.hour"
	pAgentCoreVCPU   = "agentcore.runtime.vcpu"
	pAgentCoreMemory = "agentcore.runtime.memory"
	pBDAPage         = "bda.document.standard"
	pSSMStandard     = "ssm.parameter.standard"
	pSSMAdvanced     = "ssm.parameter.advanced"
	pCognitoMAU      = "cognito.mau"
	pBudget          = "budgets.budget"
)

var requiredKeys = []string{pKMSKey, pSecret, pAlarm, pAlarmHighRes, pDashboard, pCustomMetric, pLogIngest,
	pLogStore, pS3Storage, pS3Put, pS3Get, pECRStorage, pXRayTraces, pSNSEmail, pNATHour, pNATGB, pPublicIPv4,
	pEndpointHour, pAgentCoreVCPU, pAgentCoreMemory, pBDAPage, pSSMStandard, pSSMAdvanced, pCognitoMAU, pBudget}

// Load returns the embedded price list.
func Load() (Prices, error) {
	p, err := Parse(pricesJSON)
	if err != nil {
		return Prices{}, fmt.Errorf("internal/cost/prices.json: %w", err)
	}
	return p, nil
}

// Parse reads a price list and checks it has every price the estimator needs, each with its
// unit, source and date, so a typo fails here instead of pricing something at zero.
func Parse(b []byte) (Prices, error) {
	var p Prices
	if err := json.Unmarshal(b, &p); err != nil {
		return Prices{}, fmt.Errorf("parse price list: %w", err)
	}
	var errs []string
	if p.Region == "" || p.Currency == "" || p.AsOf == "" || p.HoursPerMonth <= 0 {
		errs = append(errs, "region, currency, asOf and hoursPerMonth (> 0) are required")
	}
	for _, k := range requiredKeys {
		it, ok := p.Items[k]
		switch {
		case !ok:
			errs = append(errs, fmt.Sprintf("items.%s: missing", k))
		case it.USD < 0 || it.Unit == "" || it.Source == "" || it.Checked == "":
			errs = append(errs, fmt.Sprintf("items.%s: needs usd >= 0, unit, source and checked", k))
		}
	}
	for _, id := range sortedKeys(p.Models) {
		if m := p.Models[id]; m.InputPer1k < 0 || m.OutputPer1k < 0 || m.Source == "" || m.Checked == "" {
			errs = append(errs, fmt.Sprintf("models.%s: needs inputPer1k, outputPer1k >= 0, source and checked", id))
		}
	}
	if len(errs) > 0 {
		return Prices{}, errors.New(strings.Join(errs, "; "))
	}
	return p, nil
}

// Unconfirmed lists the price keys (items and models) marked as not confirmed.
func (p Prices) Unconfirmed() []string {
	var out []string
	for k, it := range p.Items {
		if !it.Confirmed {
			out = append(out, k)
		}
	}
	for k, m := range p.Models {
		if !m.Confirmed {
			out = append(out, "models."+k)
		}
	}
	sort.Strings(out)
	return out
}

// model finds a model's price; cross-region inference prefixes (us., eu., apac., global.) bill
// at the source region's price, so they are looked up without the prefix.
func (p Prices) model(id string) (ModelPrice, bool) {
	if m, ok := p.Models[id]; ok {
		return m, true
	}
	for _, prefix := range []string{"us.", "eu.", "apac.", "global."} {
		if m, ok := p.Models[strings.TrimPrefix(id, prefix)]; ok && strings.HasPrefix(id, prefix) {
			return m, true
		}
	}
	return ModelPrice{}, false
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
