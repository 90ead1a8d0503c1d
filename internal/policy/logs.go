package policy

import (
	"github.com/bidopsai/bidopsai-infra/internal/inventory"
)

// logRules are §1.7 of the rules file. The retention rules are disjoint: unset is SR-CW-1,
// 0 (never expire) is SR-CW-4, too short is SR-CW-2.
var logRules = []Rule{
	{ID: "SR-CW-1", Description: "log groups set retentionInDays explicitly",
		Types: []string{typeLogGroup}, Levels: mmm, Check: checkRetentionSet},
	{ID: "SR-CW-2", Description: "log groups keep logs at least 365 days in prod (90 in staging)",
		Types: []string{typeLogGroup}, Levels: xmm, Check: checkRetentionLength},
	{ID: "SR-CW-3", Description: "log groups are encrypted with a customer-managed KMS key",
		Types: []string{typeLogGroup}, Levels: amm,
		Check: func(_ *View, r inventory.Resource) Finding { return customerKey(r, "kmsKeyId") }},
	{ID: "SR-CW-4", Description: "no log group keeps logs forever (retentionInDays 0) without a waiver",
		Types: []string{typeLogGroup}, Levels: mmm, Check: checkRetentionBounded},
}

// minRetention is SR-CW-2's floor per environment; the rules file lets staging keep 90 days.
var minRetention = map[string]float64{Staging: 90, Prod: 365}

func checkRetentionSet(_ *View, r inventory.Resource) Finding {
	i := in(r, "retentionInDays")
	return i.unknownOr(func() Finding {
		if _, ok := i.number(); ok {
			return pass()
		}
		return fail("retentionInDays is %s; set it from bidopsai:logRetentionDays", i.show())
	})
}

func checkRetentionLength(v *View, r inventory.Resource) Finding {
	i := in(r, "retentionInDays")
	return i.unknownOr(func() Finding {
		d, ok := i.number()
		if !ok || d == 0 {
			return na() // SR-CW-1 or SR-CW-4
		}
		if floor := minRetention[v.Env]; d < floor {
			return fail("retentionInDays is %s; %s requires at least %g", i.show(), v.Env, floor)
		}
		return pass()
	})
}

func checkRetentionBounded(_ *View, r inventory.Resource) Finding {
	i := in(r, "retentionInDays")
	return i.unknownOr(func() Finding {
		if d, ok := i.number(); ok && d == 0 {
			return fail("retentionInDays is 0 (never expire): unbounded cost")
		}
		return pass()
	})
}
