package policy

import (
	"sort"

	"github.com/bidopsai/bidopsai-infra/internal/inventory"
)

// Assessment is every rule's verdict on an inventory in one environment.
type Assessment struct {
	// Environment is the normalised environment the levels were taken from.
	Environment string
	// Violations are failures and unknowns, sorted by level, rule and URN.
	Violations []inventory.Violation
	// Waived are the failures a waiver covers.
	Waived []WaivedFinding
	// Advisory scores the advisory rules that applied to at least one resource.
	Advisory Score
}

// WaivedFinding is a failure a waiver covers.
type WaivedFinding struct {
	Rule, URN, Message, Reason string
}

// Score counts rules: Passed of Total had no failing or unknown resource.
type Score struct {
	Passed, Total int
}

// Evaluate returns the violations of every applicable rule: what the plan file stores.
func Evaluate(inv *inventory.Inventory, environment string) []inventory.Violation {
	return Check(inv, environment).Violations
}

// Check evaluates every rule on every resource of the inventory.
func Check(inv *inventory.Inventory, environment string) Assessment {
	v := NewView(inv, environment)
	a := Assessment{Environment: v.Env, Violations: []inventory.Violation{}}
	for _, rule := range Rules() {
		level := rule.Levels.For(v.Env)
		if level == NotApplied {
			continue
		}
		applied, clean := false, true
		for _, r := range inv.Resources {
			if !rule.appliesTo(r.Type) {
				continue
			}
			viol, w, status := judge(rule, level, v, r)
			applied = applied || status != NotApplicable
			switch {
			case w != nil:
				a.Waived = append(a.Waived, *w)
			case viol != nil:
				clean = false
				a.Violations = append(a.Violations, *viol)
			}
		}
		if level == Advisory && applied {
			a.Advisory.Total++
			if clean {
				a.Advisory.Passed++
			}
		}
	}
	sortViolations(a.Violations)
	return a
}

// judge runs one rule on one resource and turns its finding into a violation or a waiver.
func judge(rule Rule, level Enforcement, v *View, r inventory.Resource) (*inventory.Violation, *WaivedFinding, Status) {
	f := rule.Check(v, r)
	if f.Status == Pass || f.Status == NotApplicable {
		return nil, nil, f.Status
	}
	if w, ok := waived(rule.ID, r, v.Env); ok && !f.Unwaivable {
		return nil, &WaivedFinding{Rule: rule.ID, URN: r.URN, Message: f.Message, Reason: w.Reason}, f.Status
	}
	viol := inventory.Violation{Rule: rule.ID, URN: r.URN, Level: level.String(), Message: f.Message}
	if f.Status == Unknown {
		viol.Level = LevelUnknown
		viol.Message = "cannot check this " + level.String() + " rule yet: " + f.Message
	}
	return &viol, nil, f.Status
}

// levelOrder puts mandatory first, then unknown, then advisory.
var levelOrder = map[string]int{LevelMandatory: 0, LevelUnknown: 1, LevelAdvisory: 2}

// sortViolations orders by level, then the rules file's rule order, then URN.
func sortViolations(vs []inventory.Violation) {
	order := map[string]int{}
	for n, r := range Rules() {
		order[r.ID] = n
	}
	sort.SliceStable(vs, func(i, j int) bool {
		a, b := vs[i], vs[j]
		if levelOrder[a.Level] != levelOrder[b.Level] {
			return levelOrder[a.Level] < levelOrder[b.Level]
		}
		if a.Rule != b.Rule {
			return order[a.Rule] < order[b.Rule]
		}
		return a.URN < b.URN
	})
}

// Failed reports whether a mandatory rule failed: the gate's verdict.
func Failed(violations []inventory.Violation) bool {
	for _, v := range violations {
		if v.Level == LevelMandatory {
			return true
		}
	}
	return false
}
