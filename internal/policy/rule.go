package policy

import (
	"slices"

	"github.com/bidopsai/bidopsai-infra/internal/inventory"
)

// Rule is one SR-… rule: what it requires, which resource types it reads, how it is enforced
// per environment, and its check.
type Rule struct {
	// ID is the rules file's id, e.g. SR-ECR-1.
	ID string
	// Description is the requirement in one line.
	Description string
	// Types are the resource type tokens the check is called for.
	Types []string
	// Levels are the enforcement per environment.
	Levels Levels
	// Check judges one resource. It must not modify r or the view.
	Check func(v *View, r inventory.Resource) Finding
}

// appliesTo reports whether the rule reads resources of type typ.
func (r Rule) appliesTo(typ string) bool { return slices.Contains(r.Types, typ) }

// rules is every rule, in the rules file's order; each family file adds its own.
var families = [][]Rule{
	ecrRules, s3Rules, iamRules, secretRules, ssmRules, kmsRules, logRules, alarmRules, xrayRules,
	cognitoRules, agentCoreRules, identityRules, networkRules, tagRules,
}

// Rules returns every rule, in the rules file's order.
func Rules() []Rule {
	var out []Rule
	for _, f := range families {
		out = append(out, f...)
	}
	return out
}

// Lookup returns the rule with an id.
func Lookup(id string) (Rule, bool) {
	for _, r := range Rules() {
		if r.ID == id {
			return r, true
		}
	}
	return Rule{}, false
}
