package policy

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/bidopsai/bidopsai-infra/internal/inventory"
)

// secretRules are §1.4 of the rules file.
var secretRules = []Rule{
	{ID: "SR-SM-1", Description: "secrets are encrypted with a customer-managed KMS key",
		Types: []string{typeSecret}, Levels: amm,
		Check: func(_ *View, r inventory.Resource) Finding { return customerKey(r, "kmsKeyId") }},
	{ID: "SR-SM-2", Description: "rotatable secrets rotate at least every 90 days",
		Types: []string{typeSecret, typeSecretRotation}, Levels: xmm, Check: checkRotation},
	{ID: "SR-SM-3", Description: "secret values are secrets (from `pulumi config set --secret` or outside the program), never plaintext",
		Types: []string{typeSecretVersion}, Levels: mmm, Check: checkSecretValue},
	{ID: "SR-SM-4", Description: "recoveryWindowInDays is 0 or 7-30 (dev) and 30 (staging, prod)",
		Types: []string{typeSecret}, Levels: amm, Check: checkRecoveryWindow},
	{ID: "SR-SM-5", Description: "secrets have a description and tags",
		Types: []string{typeSecret}, Levels: aaa, Check: checkSecretDescribed},
}

// rateDays reads "rate(N days)" schedules.
var rateDays = regexp.MustCompile(`^rate\((\d+) days?\)$`)

func checkRotation(v *View, r inventory.Resource) Finding {
	if r.Type == typeSecret {
		_, f := v.needsOne(r, typeSecretRotation, "secretId", "secretsmanager.SecretRotation")
		return f
	}
	days, sched := in(r, "rotationRules.automaticallyAfterDays"), in(r, "rotationRules.scheduleExpression")
	switch {
	case days.unknown:
		return unknown(days.path)
	case sched.unknown:
		return unknown(sched.path)
	}
	if d, ok := days.number(); ok {
		if d >= 1 && d <= 90 {
			return pass()
		}
		return fail("%s is %s; rotate at least every 90 days", days.path, days.show())
	}
	s, _ := sched.str()
	if m := rateDays.FindStringSubmatch(s); m != nil {
		if n, err := strconv.Atoi(m[1]); err == nil && n >= 1 && n <= 90 {
			return pass()
		}
		return fail("%s is %s; rotate at least every 90 days", sched.path, sched.show())
	}
	if strings.HasPrefix(s, "cron(") {
		return pass()
	}
	return fail("rotationRules sets neither automaticallyAfterDays (1-90) nor a schedule")
}

func checkSecretValue(_ *View, r inventory.Resource) Finding {
	parts := []Finding{na()}
	for _, field := range []string{"secretString", "secretBinary"} {
		i := in(r, field)
		switch {
		case !i.found:
		case i.unknown:
			parts = append(parts, unknown(field))
		case i.secret:
			parts = append(parts, pass())
		default:
			f := fail("%s is plaintext; pass it as a secret (pulumi config set --secret, or pulumi.ToSecret)", field)
			f.Unwaivable = true
			parts = append(parts, f)
		}
	}
	return all(parts...)
}

func checkRecoveryWindow(v *View, r inventory.Resource) Finding {
	i := in(r, "recoveryWindowInDays")
	if !i.found {
		return pass() // AWS's default is 30 days
	}
	return i.unknownOr(func() Finding {
		d, ok := i.number()
		switch {
		case !ok:
			return fail("recoveryWindowInDays is %s", i.show())
		case v.Env != Dev && d != 30:
			return fail("recoveryWindowInDays is %s; %s requires 30", i.show(), v.Env)
		case d != 0 && (d < 7 || d > 30):
			return fail("recoveryWindowInDays is %s; it must be 0 or 7-30", i.show())
		}
		return pass()
	})
}

func checkSecretDescribed(_ *View, r inventory.Resource) Finding {
	desc, tags := in(r, "description"), in(r, "tags")
	var parts []Finding
	if s, ok := desc.str(); !desc.unknown && (!ok || strings.TrimSpace(s) == "") {
		parts = append(parts, fail("description is %s", desc.show()))
	}
	if m, ok := tags.object(); !tags.unknown && (!ok || len(m) == 0) {
		parts = append(parts, fail("tags are %s", tags.show()))
	}
	if desc.unknown {
		parts = append(parts, unknown("description"))
	}
	if tags.unknown {
		parts = append(parts, unknown("tags"))
	}
	return all(append(parts, pass())...)
}
