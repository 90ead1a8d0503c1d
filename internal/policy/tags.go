package policy

import "github.com/bidopsai/bidopsai-infra/internal/inventory"

// tagRules are §1.13 of the rules file (cross-cutting tags), for the resources the aws provider's
// default tags never reach: the project's own provider's. Without the stack tags their cost is
// invisible to a budget or cost report filtered on them.
var tagRules = []Rule{
	{ID: "SR-TAG-1", Description: "the bidopsai provider's resources carry the stack tags (project, environment, stack, managed-by, component)",
		Types: []string{typeAgentRuntime, typeDataAutomation}, Levels: mmm, Check: checkStackTags},
}

// stackTagKeys are the tags every resource must carry (config.StackTagKeys plus the tier tag).
var stackTagKeys = []string{"project", "environment", "stack", "managed-by", "component"}

func checkStackTags(_ *View, r inventory.Resource) Finding {
	tags := in(r, "tags")
	return tags.unknownOr(func() Finding {
		m, _ := tags.object()
		for _, k := range stackTagKeys {
			if s, _ := m[k].(string); s == "" {
				return fail("tags.%s is unset; pass the stack's aws:defaultTags tags to the bidopsai provider's resources", k)
			}
		}
		return pass()
	})
}
