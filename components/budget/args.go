package budget

import (
	"fmt"
	"math"
	"regexp"
	"strings"

	"github.com/bidopsai/bidopsai-infra/internal/tier"
)

// BudgetArgs configures the stack's monthly cost budget. Every field is a plain value, and all
// of them are validated before anything is registered.
//
//nolint:revive // the house signature is NewX(ctx, name, *XArgs), so budget.BudgetArgs stutters
type BudgetArgs struct {
	// MonthlyLimitUSD is the monthly cost limit in US dollars. 0 means no budget: the component
	// registers no budget. Default 0; >= 0, at most 2 decimals.
	MonthlyLimitUSD float64 `config:"budget.monthlyLimitUsd"`
	// ThresholdsPercent are the alert points in percent of the limit; each gets an ACTUAL and a
	// FORECASTED alert. Required when the limit is above 0: 1-5 distinct values, each 1-100
	// (AWS Budgets allows 10 notifications per budget).
	ThresholdsPercent []int `config:"budget.thresholds" default:"80,100"`
	// Emails receive every alert. Required when the limit is above 0: 1-10 distinct addresses
	// (AWS Budgets allows 10 email subscribers per notification).
	Emails []string `config:"budget.emails"`
	// Stack limits the budget to costs tagged stack=<Stack> (the provider's default tag), so a
	// personal stack's budget never counts dev's costs. That tag must be an active cost
	// allocation tag in the payer account, or the budget sees no cost. Default "": the whole
	// account. 1-256 characters without '$'.
	Stack string
	// Tags are extra tags for the budget; the tier's component tag always wins. Default none;
	// keys 1-128 characters, not starting with "aws:"; values up to 256 characters.
	Tags map[string]string
}

// Enabled reports whether a budget is created (a limit above 0).
func (a *BudgetArgs) Enabled() bool { return a != nil && a.MonthlyLimitUSD > 0 }

// AWS Budgets limits, and the largest limit this component accepts (a typo guard).
const (
	maxThresholds = 5
	maxEmails     = 10
	maxLimitUSD   = 1e9
)

var (
	namePattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$`)
)

// Validate returns every problem with name and args at once, each naming the field.
func (a *BudgetArgs) Validate(name string) error {
	if a == nil {
		return tier.NilArgs(component, name)
	}
	c := tier.NewChecker(component, name, "BudgetArgs")
	c.Name(namePattern.MatchString(name),
		"must be 1-64 characters of letters, digits, '.', '_' and '-', starting with a letter or digit")
	limit := a.MonthlyLimitUSD
	c.Check(!math.IsNaN(limit) && limit >= 0 && limit <= maxLimitUSD && math.Round(limit*100) == limit*100,
		"MonthlyLimitUSD", limit, fmt.Sprintf("must be zero or more (0: no budget), at most %.0f, with at most 2 decimals", maxLimitUSD))
	seen := map[int]bool{}
	for i, t := range a.ThresholdsPercent {
		f := fmt.Sprintf("ThresholdsPercent[%d]", i)
		c.Between(f, t, 1, 100)
		c.Check(!seen[t], f, t, "is listed twice; thresholds must be distinct")
		seen[t] = true
	}
	c.Check(!strings.Contains(a.Stack, "$") && len(a.Stack) <= 256, "Stack", a.Stack,
		"must be at most 256 characters without '$' (the tag filter separator)")
	c.Tags("Tags", a.Tags)
	if a.Enabled() {
		checkAlerts(c, a)
	}
	return c.Err()
}

// checkAlerts checks what only an enabled budget needs: thresholds and recipients.
func checkAlerts(c *tier.Checker, a *BudgetArgs) {
	if n := len(a.ThresholdsPercent); n == 0 || n > maxThresholds {
		c.Bad("ThresholdsPercent", a.ThresholdsPercent, fmt.Sprintf("must list 1 to %d percents when the limit (monthlyLimitUsd) "+
			"is above 0 (AWS Budgets allows 10 notifications, an actual and a forecast one per threshold)", maxThresholds))
	}
	if n := len(a.Emails); n == 0 || n > maxEmails {
		c.Bad("Emails", a.Emails, fmt.Sprintf("must list at least one and at most %d addresses when the limit "+
			"(monthlyLimitUsd) is above 0 (AWS Budgets' email subscribers per notification)", maxEmails))
	}
	c.Emails("Emails", a.Emails)
}
