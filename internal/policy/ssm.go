package policy

import (
	"strings"

	"github.com/bidopsai/bidopsai-infra/internal/inventory"
)

// ssmRules are §1.5 of the rules file.
var ssmRules = []Rule{
	{ID: "SR-SSM-1", Description: "parameters are SecureString unless waived by name as non-sensitive (CKV2_AWS_34)",
		Types: []string{typeParameter}, Levels: mmm,
		Check: func(_ *View, r inventory.Resource) Finding { return wantString(r, "type", "SecureString") }},
	{ID: "SR-SSM-2", Description: "SecureString parameters use a customer-managed KMS key",
		Types: []string{typeParameter}, Levels: amm, Check: checkParameterKey},
	{ID: "SR-SSM-3", Description: "parameter names are valid and the tier is Standard unless the value exceeds 4 KB",
		Types: []string{typeParameter}, Levels: mmm, Check: checkParameterName},
}

func checkParameterKey(_ *View, r inventory.Resource) Finding {
	t := in(r, "type")
	if t.unknown {
		return unknown("type")
	}
	if s, _ := t.str(); s != "SecureString" {
		return na()
	}
	return customerKey(r, "keyId")
}

// standardLimit is the largest value a Standard-tier parameter holds.
const standardLimit = 4096

func checkParameterName(_ *View, r inventory.Resource) Finding {
	name := in(r, "name")
	nameF := pass() // auto-named from the logical name, which is checked below
	n := r.Name
	switch {
	case name.unknown:
		nameF = unknown("name")
	case name.found:
		n, _ = name.str()
	}
	if nameF.Status == Pass {
		nameF = parameterName(n)
	}
	return all(nameF, parameterTier(r))
}

func parameterName(n string) Finding {
	lower := strings.ToLower(strings.TrimPrefix(n, "/"))
	switch {
	case n == "" || len(n) > 1011:
		return fail("name %q must be 1-1011 characters", n)
	case strings.Trim(n, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-/") != "":
		return fail("name %q may hold only letters, digits and _ . - /", n)
	case strings.HasPrefix(lower, "aws") || strings.HasPrefix(lower, "ssm"):
		return fail("name %q must not start with aws or ssm", n)
	case strings.Contains(n, "/") && !strings.HasPrefix(n, "/"):
		return fail("hierarchical name %q must start with /", n)
	case strings.Count(n, "/") > 15:
		return fail("name %q has more than 15 hierarchy levels", n)
	}
	return pass()
}

func parameterTier(r inventory.Resource) Finding {
	tier := in(r, "tier")
	if tier.unknown {
		return unknown("tier")
	}
	t, _ := tier.str()
	size, sizeKnown := 0, true
	for _, field := range []string{"value", "insecureValue"} {
		if i := in(r, field); i.opaque() {
			sizeKnown = false
		} else if s, ok := i.str(); ok {
			size = len(s)
		}
	}
	switch {
	case t == "" || t == "Standard":
		if sizeKnown && size > standardLimit {
			return fail("the value is %d bytes, over Standard's 4 KB; use tier Advanced", size)
		}
		return pass()
	case !sizeKnown:
		return unknown("value (its size decides the tier)")
	case size <= standardLimit:
		return fail("tier is %s for a %d-byte value; use Standard (no charge) for values up to 4 KB", tier.show(), size)
	}
	return pass()
}
