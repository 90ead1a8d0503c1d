package release

import (
	"fmt"
	"slices"

	"github.com/bidopsai/bidopsai-infra/internal/redact"
	"github.com/bidopsai/bidopsai-infra/internal/stackfile"
)

// Protected reports whether the stack's stateful resources are protected. It reads the stack as
// the program does (Pulumi.yaml defaults, then the stack file through the one parser) and decides
// with stackfile.ReadProtect, the same function the program's config uses, so no spelling of the
// key protects in the plan but not here. Secrets are not opened: a protect value set as a secret
// cannot be read and is refused.
func Protected(dir, stack string) (bool, error) {
	p, err := stackfile.LoadProject(dir)
	if err != nil {
		return false, err
	}
	sc, err := p.Load(dir, stack, nil)
	if err != nil {
		return false, err
	}
	if slices.Contains(sc.SecretKeys, stackfile.ProtectKey) {
		return false, fmt.Errorf("%s: invalid value %s: must be a plain true or false, not a secret", stackfile.ProtectKey, redact.Secret)
	}
	v, set := sc.Values[stackfile.ProtectKey]
	on, err := stackfile.ReadProtect(v, set)
	if err != nil {
		return false, fmt.Errorf("%s: invalid value %s: %w", stackfile.ProtectKey, redact.Show(v), err)
	}
	return on, nil
}

// CheckDestroy returns nil when `pulumi destroy` of stack may go ahead: the stack is not
// protected, or confirm repeats its name. The project and stack files are read from dir.
func CheckDestroy(dir, stack, confirm string) error {
	dir = valueOr(dir, ".")
	protected, err := Protected(dir, stack)
	if err != nil {
		return fmt.Errorf("cannot tell whether stack %s is protected, so it is not destroyed: %w", stack, err)
	}
	if !protected {
		return nil
	}
	switch confirm {
	case stack:
		return nil
	case "":
		return fmt.Errorf("stack %s is protected (%s: true); to destroy it anyway run: make destroy STACK=%s CONFIRM=%s", stack, stackfile.ProtectKey, stack, stack)
	default:
		return fmt.Errorf("stack %s is protected and CONFIRM=%s does not match; to destroy it run: make destroy STACK=%s CONFIRM=%s",
			stack, redact.Show(confirm), stack, stack)
	}
}
