package policy

import (
	"fmt"
	"slices"
	"strings"

	"github.com/bidopsai/bidopsai-infra/internal/inventory"
)

// cognitoRules are §1.10 of the rules file.
var cognitoRules = []Rule{
	{ID: "SR-COG-1", Description: "the user pool's password policy is strong (length >= 8, all four classes, temporary passwords <= 7 days)",
		Types: []string{typeUserPool}, Levels: mmm, Check: checkPasswordPolicy},
	{ID: "SR-COG-2", Description: "MFA is ON (OPTIONAL is accepted in dev)",
		Types: []string{typeUserPool}, Levels: amm, Check: checkMFA},
	{ID: "SR-COG-3", Description: "threat protection is ENFORCED (Plus feature plan)",
		Types: []string{typeUserPool}, Levels: xaa,
		Check: func(_ *View, r inventory.Resource) Finding {
			return wantString(r, "userPoolAddOns.advancedSecurityMode", "ENFORCED")
		}},
	{ID: "SR-COG-4", Description: "the user pool has deletion protection ACTIVE",
		Types: []string{typeUserPool}, Levels: xmm,
		Check: func(_ *View, r inventory.Resource) Finding { return wantString(r, "deletionProtection", "ACTIVE") }},
	{ID: "SR-COG-5", Description: "identity pools refuse unauthenticated identities",
		Types: []string{typeIdentityPool}, Levels: mmm,
		Check: func(_ *View, r inventory.Resource) Finding {
			return wantBoolDefault(r, "allowUnauthenticatedIdentities", false, false)
		}},
	{ID: "SR-COG-6", Description: "AgentCore runtimes authenticate callers with a JWT authorizer (discovery URL and allowed clients)",
		Types: []string{typeAgentRuntime}, Levels: amm, Check: checkJWTAuthorizer},
	{ID: "SR-COG-7", Description: "app clients sign in with SRP and refresh tokens only (no ALLOW_USER_PASSWORD_AUTH, which sends the password itself)",
		Types: []string{typeUserPoolClient}, Levels: mmm, Check: checkAuthFlows},
}

// srpFlows are the explicit auth flows SR-COG-7 accepts (Cognito API ExplicitAuthFlowsType).
var srpFlows = []string{"ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"}

func checkAuthFlows(_ *View, r inventory.Resource) Finding {
	flows := in(r, "explicitAuthFlows")
	return flows.unknownOr(func() Finding {
		l, ok := flows.list()
		if !ok {
			// Unset, Cognito also enables ALLOW_CUSTOM_AUTH (CreateUserPoolClient API reference).
			return fail("explicitAuthFlows is %s; set it to %s", flows.show(), strings.Join(srpFlows, ", "))
		}
		for _, f := range l {
			s, _ := f.(string)
			if !slices.Contains(srpFlows, s) {
				return fail("explicitAuthFlows allows %q; allow only %s", fmt.Sprint(f), strings.Join(srpFlows, ", "))
			}
		}
		return pass()
	})
}

func checkPasswordPolicy(_ *View, r inventory.Resource) Finding {
	pp := in(r, "passwordPolicy")
	if !pp.found {
		return fail("passwordPolicy is unset; set it explicitly")
	}
	length := in(r, "passwordPolicy.minimumLength")
	parts := []Finding{length.unknownOr(func() Finding {
		if n, ok := length.number(); ok && n >= 8 {
			return pass()
		}
		return fail("passwordPolicy.minimumLength is %s; it must be at least 8", length.show())
	})}
	for _, class := range []string{"requireLowercase", "requireUppercase", "requireNumbers", "requireSymbols"} {
		parts = append(parts, wantBool(r, "passwordPolicy."+class, true))
	}
	days := in(r, "passwordPolicy.temporaryPasswordValidityDays")
	parts = append(parts, days.unknownOr(func() Finding {
		if n, ok := days.number(); !days.found || (ok && n >= 1 && n <= 7) {
			return pass()
		}
		return fail("passwordPolicy.temporaryPasswordValidityDays is %s; at most 7", days.show())
	}))
	return all(parts...)
}

func checkMFA(v *View, r inventory.Resource) Finding {
	if v.Env == Dev {
		return wantString(r, "mfaConfiguration", "ON", "OPTIONAL")
	}
	return wantString(r, "mfaConfiguration", "ON")
}

func checkJWTAuthorizer(_ *View, r inventory.Resource) Finding {
	url, clients := in(r, "authorizer.discoveryUrl"), in(r, "authorizer.allowedClients")
	if !in(r, "authorizer").found {
		return fail("authorizer is unset; accept only this stack's Cognito tokens (bidopsai:runtime.jwtAuthorizer)")
	}
	urlF := url.unknownOr(func() Finding {
		s, _ := url.str()
		if strings.HasPrefix(s, "https://") && strings.HasSuffix(s, "/.well-known/openid-configuration") {
			return pass()
		}
		return fail("authorizer.discoveryUrl is %s; it must be the pool's https .../.well-known/openid-configuration", url.show())
	})
	clientsF := clients.unknownOr(func() Finding {
		if l, ok := clients.list(); ok && len(l) > 0 {
			return pass()
		}
		return fail("authorizer.allowedClients is %s; list the web client", clients.show())
	})
	return all(urlF, clientsF)
}
