package policy

import (
	"encoding/json"
	"strconv"
	"strings"

	"github.com/bidopsai/bidopsai-infra/internal/inventory"
)

// readJSON decodes the JSON document at path (a string, or an object in the policy pack) into
// dst. ok is false with a finding when it is unset, unknown, secret or not valid JSON.
func readJSON(r inventory.Resource, path string, dst any) (Finding, bool) {
	i := in(r, path)
	switch {
	case i.unknown:
		return unknown(path), false
	case i.secret:
		return fail("%s is a secret, so it cannot be reviewed", path), false
	case !i.found:
		return fail("%s is unset", path), false
	}
	raw, isStr := i.value.(string)
	if !isStr {
		b, err := json.Marshal(i.value)
		if err != nil {
			return fail("%s: %v", path, err), false
		}
		raw = string(b)
	}
	if err := json.Unmarshal([]byte(raw), dst); err != nil {
		return fail("%s is not valid JSON: %v", path, err), false
	}
	return pass(), true
}

// protected is the Pulumi-protection half of the reliability rules. Options are unknown in the
// policy pack (policyx does not forward them), so there it is not applicable.
func protected(v *View, r inventory.Resource) Finding {
	switch {
	case !v.optionsKnown:
		return na()
	case r.Protect:
		return pass()
	}
	return fail("%s is not protected: register it with pulumi.Protect(true) (bidopsai:protect: true)", r.Name)
}

// customerKey passes when the key input names a customer-managed key: set, and not an
// AWS-managed alias such as alias/aws/s3 (those cannot be scoped or audited per stack).
func customerKey(r inventory.Resource, path string) Finding {
	i := in(r, path)
	return i.unknownOr(func() Finding {
		s, ok := i.str()
		switch {
		case !ok || strings.TrimSpace(s) == "":
			return fail("%s is %s; set it to the stack's customer-managed KMS key", path, i.show())
		case strings.Contains(s, "alias/aws/"):
			return fail("%s is %s, an AWS-managed key; use the stack's customer-managed KMS key", path, i.show())
		}
		return pass()
	})
}

func itoa(n int) string { return strconv.Itoa(n) }
