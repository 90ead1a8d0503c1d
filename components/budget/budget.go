// Package budget is the cost-guard tier: one monthly AWS Budgets cost budget for the stack's
// stack, with actual and forecast email alerts at each threshold.
package budget

import (
	"fmt"
	"strconv"

	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/budgets"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/bidopsai/bidopsai-infra/internal/tier"
)

// TypeToken is the component's type; renaming it needs pulumi.Aliases.
const TypeToken = "bidopsai:budget:Budget"

// component is the value of the tier's cost-allocation tag.
const component = "budget"

// TagKey is the stack-wide tag the budget filters on (set by the provider's default tags).
const TagKey = "stack"

// Budget is the stack's cost budget. Other tiers use only its outputs.
type Budget struct {
	pulumi.ResourceState

	// BudgetName is the budget's generated name; "" when no budget was created.
	BudgetName pulumi.StringOutput `pulumi:"budgetName"`
	// BudgetArn is the budget's ARN; "" when no budget was created.
	BudgetArn pulumi.StringOutput `pulumi:"budgetArn"`
	// Enabled is whether a budget was created (MonthlyLimitUSD above 0).
	Enabled bool
}

// NewBudget creates the budget when args.MonthlyLimitUSD is above 0; with 0 it registers only
// the component, so callers need no branch. Invalid args create nothing.
func NewBudget(ctx *pulumi.Context, name string, args *BudgetArgs, opts ...pulumi.ResourceOption) (*Budget, error) {
	if err := args.Validate(name); err != nil {
		return nil, err
	}
	c := &Budget{Enabled: args.Enabled()}
	if err := ctx.RegisterComponentResource(TypeToken, name, c, opts...); err != nil {
		return nil, fmt.Errorf("budget %q: register component: %w", name, err)
	}
	c.BudgetName = pulumi.String("").ToStringOutput()
	c.BudgetArn = pulumi.String("").ToStringOutput()
	if c.Enabled {
		b, err := budgets.NewBudget(ctx, name+"-monthly", budgetArgs(args), pulumi.Parent(c))
		if err != nil {
			return nil, fmt.Errorf("budget %q: budget: %w", name, err)
		}
		c.BudgetName, c.BudgetArn = b.Name, b.Arn
	}
	if err := tier.RegisterOutputs(ctx, c); err != nil {
		return nil, fmt.Errorf("budget %q: register outputs: %w", name, err)
	}
	return c, nil
}

// budgetArgs is a COST budget per calendar month, filtered to the stack's tag when set.
func budgetArgs(a *BudgetArgs) *budgets.BudgetArgs {
	out := &budgets.BudgetArgs{
		BudgetType:    pulumi.String("COST"),
		TimeUnit:      pulumi.String("MONTHLY"),
		LimitAmount:   pulumi.String(strconv.FormatFloat(a.MonthlyLimitUSD, 'f', 2, 64)),
		LimitUnit:     pulumi.String("USD"),
		Notifications: notifications(a.ThresholdsPercent, a.Emails),
		Tags:          tier.TagsFor(component, a.Tags),
	}
	if a.Stack != "" {
		out.CostFilters = budgets.BudgetCostFilterArray{budgets.BudgetCostFilterArgs{
			Name:   pulumi.String("TagKeyValue"),
			Values: pulumi.StringArray{pulumi.String(TagFilter(a.Stack))},
		}}
	}
	return out
}

// TagFilter is the TagKeyValue filter for a user-defined tag: "user:<key>$<value>".
func TagFilter(stack string) string { return "user:" + TagKey + "$" + stack }

// notifications alert every address when actual spend, and when forecast spend, passes each
// threshold (in threshold order, actual first).
func notifications(thresholds []int, emails []string) budgets.BudgetNotificationArray {
	to := pulumi.ToStringArray(emails)
	var out budgets.BudgetNotificationArray
	for _, t := range thresholds {
		for _, kind := range []string{"ACTUAL", "FORECASTED"} {
			out = append(out, budgets.BudgetNotificationArgs{
				NotificationType:         pulumi.String(kind),
				ComparisonOperator:       pulumi.String("GREATER_THAN"),
				Threshold:                pulumi.Float64(float64(t)),
				ThresholdType:            pulumi.String("PERCENTAGE"),
				SubscriberEmailAddresses: to,
			})
		}
	}
	return out
}
