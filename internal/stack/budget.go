package stack

import "github.com/bidopsai/bidopsai-infra/components/budget"

// buildBudget adds the monthly cost budget; a zero limit registers only the component.
func (b *builder) buildBudget() error {
	args := b.cfg.Budget
	args.Stack = b.cfg.Name
	bg, err := budget.NewBudget(b.ctx, b.prefix, &args)
	if err != nil {
		return err
	}
	b.budget = bg
	b.exportFrom("budget", bg, "")
	return nil
}
