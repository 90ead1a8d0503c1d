package docs

import (
	"fmt"
	"strings"

	"github.com/bidopsai/bidopsai-infra/internal/config"
	"github.com/bidopsai/bidopsai-infra/internal/cost"
	"github.com/bidopsai/bidopsai-infra/internal/inventory"
)

// CostTable renders each environment's monthly estimate from its plan: one row per service
// with a cost somewhere, the fixed/usage/total split, the main assumptions and the budget.
func CostTable(dir string) (string, error) {
	prices, err := cost.Load()
	if err != nil {
		return "", err
	}
	estimates := make([]*inventory.Cost, len(Environments))
	cfgs := make([]*config.Config, len(Environments))
	for i, env := range Environments {
		p, err := planOf(dir, env)
		if err != nil {
			return "", err
		}
		estimates[i], cfgs[i] = cost.Estimate(p.inv, p.cfg.Cost(), prices), p.cfg
	}
	var b strings.Builder
	b.WriteString("| monthly, USD | " + strings.Join(Environments, " | ") + " |\n")
	b.WriteString("|---|" + strings.Repeat("---:|", len(Environments)) + "\n")
	for _, service := range cost.Services() {
		sums := make([]float64, len(estimates))
		seen := false
		for i, c := range estimates {
			for _, l := range c.Lines {
				if cost.Service(l) == service {
					sums[i] += l.Monthly
					seen = seen || l.Monthly > 0
				}
			}
		}
		if seen {
			b.WriteString(tableRow(service, sums, cost.Dollars))
		}
	}
	pick := func(f func(*inventory.Cost) float64) []float64 {
		out := make([]float64, len(estimates))
		for i, c := range estimates {
			out[i] = f(c)
		}
		return out
	}
	b.WriteString(tableRow("**fixed** (idle)", pick(func(c *inventory.Cost) float64 { return c.Fixed }), cost.Dollars))
	b.WriteString(tableRow("**usage** (assumed)", pick(func(c *inventory.Cost) float64 { return c.Usage }), cost.Dollars))
	b.WriteString(tableRow("**total**", pick(func(c *inventory.Cost) float64 { return c.Total }), bold))
	b.WriteString(assumptionRows(cfgs))
	fmt.Fprintf(&b, "\nus-east-1 list prices as of %s from `internal/cost/prices.json`", prices.AsOf)
	if u := unconfirmed(prices, cfgs); len(u) > 0 {
		fmt.Fprintf(&b, " (not confirmed: %s)", strings.Join(u, ", "))
	}
	b.WriteString(". Account-wide free tiers are not subtracted.\n")
	return b.String(), nil
}

// assumptionRows show the usage behind each estimate and the budget it is held against.
func assumptionRows(cfgs []*config.Config) string {
	rows := []struct {
		label string
		value func(*config.Config) string
	}{
		{"_sessions a day × minutes_", func(c *config.Config) string {
			return fmt.Sprintf("%s × %s", cost.Quantity(c.CostAssumptions.SessionsPerDay), cost.Quantity(c.CostAssumptions.SessionMinutes))
		}},
		{"_tokens a session, in / out_", func(c *config.Config) string {
			return fmt.Sprintf("%s / %s", cost.Quantity(c.CostAssumptions.InputTokensPerSession), cost.Quantity(c.CostAssumptions.OutputTokensPerSession))
		}},
		{"_document pages a month_", func(c *config.Config) string { return cost.Quantity(c.CostAssumptions.DocumentPagesPerMonth) }},
		{"_budget (`bidopsai:budget`)_", func(c *config.Config) string {
			if c.Budget.MonthlyLimitUSD == 0 {
				return "none"
			}
			return cost.Dollars(c.Budget.MonthlyLimitUSD)
		}},
	}
	var b strings.Builder
	for _, r := range rows {
		cells := []string{r.label}
		for _, c := range cfgs {
			cells = append(cells, r.value(c))
		}
		b.WriteString("| " + strings.Join(cells, " | ") + " |\n")
	}
	return b.String()
}

func tableRow(label string, values []float64, format func(float64) string) string {
	cells := []string{label}
	for _, v := range values {
		cells = append(cells, format(v))
	}
	return "| " + strings.Join(cells, " | ") + " |\n"
}

func bold(x float64) string { return "**" + cost.Dollars(x) + "**" }

// unconfirmed lists the unconfirmed prices, leaving out models no environment uses.
func unconfirmed(p cost.Prices, cfgs []*config.Config) []string {
	used := map[string]bool{}
	for _, c := range cfgs {
		for _, m := range c.Cost().Models {
			used["models."+m] = true
		}
	}
	var out []string
	for _, k := range p.Unconfirmed() {
		if !strings.HasPrefix(k, "models.") || used[k] {
			out = append(out, k)
		}
	}
	return out
}
