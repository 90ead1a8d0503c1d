package policy

import (
	"strings"

	"github.com/bidopsai/bidopsai-infra/internal/inventory"
)

// kmsRules are §1.6 of the rules file.
var kmsRules = []Rule{
	{ID: "SR-KMS-1", Description: "KMS keys rotate automatically",
		Types: []string{typeKey}, Levels: mmm,
		Check: func(_ *View, r inventory.Resource) Finding { return wantBool(r, "enableKeyRotation", true) }},
	{ID: "SR-KMS-2", Description: "KMS keys have an explicit key policy that allows no Principal \"*\"",
		Types: []string{typeKey}, Levels: mmm, Check: checkKeyPolicy},
	{ID: "SR-KMS-3", Description: "KMS keys keep the policy lockout safety check (bypassPolicyLockoutSafetyCheck false)",
		Types: []string{typeKey}, Levels: mmm,
		Check: func(_ *View, r inventory.Resource) Finding {
			return wantBoolDefault(r, "bypassPolicyLockoutSafetyCheck", false, false)
		}},
	{ID: "SR-KMS-4", Description: "KMS keys have a 7-30 day deletion window (30 and protected in staging and prod)",
		Types: []string{typeKey}, Levels: amm, Check: checkDeletionWindow},
	{ID: "SR-KMS-5", Description: "a key used by log groups lets logs.<region>.amazonaws.com use it under an aws:logs:arn encryption context",
		Types: []string{typeKey}, Levels: mmm, Check: checkLogsKey},
}

func checkKeyPolicy(_ *View, r inventory.Resource) Finding {
	doc, f, ok := readDocument(r, "policy")
	if !ok {
		return f
	}
	for _, s := range doc.Statements {
		if s.Allow && (s.Principal.Any || s.NotPrincipal) {
			return fail("key policy statement %q allows every principal", s.Sid)
		}
	}
	return pass()
}

func checkDeletionWindow(v *View, r inventory.Resource) Finding {
	i := in(r, "deletionWindowInDays")
	window := i.unknownOr(func() Finding {
		d, ok := i.number()
		switch {
		case !i.found:
			return pass() // AWS's default is 30 days
		case !ok || d < 7 || d > 30:
			return fail("deletionWindowInDays is %s; it must be 7-30", i.show())
		case v.Env != Dev && d != 30:
			return fail("deletionWindowInDays is %s; %s requires 30", i.show(), v.Env)
		}
		return pass()
	})
	if v.Env == Dev {
		return window
	}
	return all(window, protected(v, r))
}

// logsContext is the encryption-context key CloudWatch Logs sends.
const logsContext = "kms:EncryptionContext:aws:logs:arn"

func checkLogsKey(v *View, r inventory.Resource) Finding {
	used := false
	for _, lg := range v.ofType(typeLogGroup) {
		if k, ok, _ := v.target(lg, "kmsKeyId", typeKey); ok && k.URN == r.URN {
			used = true
		}
	}
	doc, f, ok := readDocument(r, "policy")
	if !ok {
		if used && f.Status == Unknown {
			return f
		}
		return na() // a missing or broken policy is SR-KMS-2's
	}
	var logs []statement
	for _, s := range doc.Statements {
		for _, svc := range s.Principal.Service {
			if s.Allow && strings.HasPrefix(svc, "logs.") && strings.HasSuffix(svc, ".amazonaws.com") {
				logs = append(logs, s)
			}
		}
	}
	switch {
	case len(logs) == 0 && used:
		return fail("log groups use this key but its policy does not allow logs.<region>.amazonaws.com")
	case len(logs) == 0:
		return na()
	}
	for _, s := range logs {
		if _, ok := s.cond(logsContext); ok {
			return pass()
		}
	}
	return fail("the logs.<region>.amazonaws.com statement has no %s condition", logsContext)
}
