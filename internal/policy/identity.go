package policy

import "github.com/bidopsai/bidopsai-infra/internal/inventory"

// identityRules guard AgentCore Identity: AWS's runtime permissions guidance says that where the
// caller's JWT is available, the execution role should not get workload tokens for an arbitrary
// user id (GetWorkloadAccessTokenForUserId) and should deny it explicitly.
var identityRules = []Rule{
	{ID: "SR-AC-11", Description: "a runtime behind a JWT authorizer runs as a role that explicitly denies, and nowhere allows, bedrock-agentcore:GetWorkloadAccessTokenForUserId",
		Types: []string{typeAgentRuntime}, Levels: mmm, Check: checkUserIDTokenDenied},
}

// userIDTokenAction is the token action that trusts a caller-supplied user id.
const userIDTokenAction = "bedrock-agentcore:GetWorkloadAccessTokenForUserId"

func checkUserIDTokenDenied(v *View, r inventory.Resource) Finding {
	auth := in(r, "authorizer")
	if !v.whole() || (!auth.found && !auth.unknown) {
		return na() // without a JWT authorizer the user-id form is how tokens are obtained
	}
	if auth.unknown {
		return unknown("authorizer")
	}
	role, ok, unk := v.target(r, "roleArn", typeRole)
	switch {
	case unk:
		return unknown("roleArn")
	case !ok:
		return na() // SR-AC-1 reports a role from outside the stack
	}
	atts, unresolved := v.attached(role, typeRoleAttachment, "role")
	if unresolved {
		return unknown("role policy attachments")
	}
	denied := false
	for _, att := range atts {
		pol, ok, unk := v.target(att, "policyArn", typePolicy)
		if unk {
			return unknown("policyArn")
		}
		if !ok {
			continue // an AWS-managed policy: SR-IAM-7 judges it
		}
		doc, f, ok := readDocument(pol, "policy")
		if !ok {
			return f
		}
		for _, s := range doc.Statements {
			if s.allows(userIDTokenAction) {
				return fail("policy %s allows %s behind a JWT authorizer; allow only GetWorkloadAccessToken and ...ForJWT", pol.Name, userIDTokenAction)
			}
			denied = denied || (!s.Allow && !s.NotAction && s.starResource() && matchesAny(s.Actions, userIDTokenAction))
		}
	}
	if !denied {
		return fail("role %s does not explicitly deny %s on * (bidopsai:runtime.jwtAuthorizer is on)", role.Name, userIDTokenAction)
	}
	return pass()
}

// matchesAny reports whether any action pattern covers action (case-insensitive glob).
func matchesAny(patterns []string, action string) bool {
	return statement{Allow: true, Actions: patterns}.allows(action)
}
