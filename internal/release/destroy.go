package release

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"

	"gopkg.in/yaml.v3"
)

// protectKey marks a stack whose stateful resources are protected (prod).
const protectKey = "bidopsai:protect"

// Protected reports whether the stack file sets bidopsai:protect to true. A value that is not a
// boolean is an error, so a typo never reads as "unprotected".
func Protected(src []byte, file string) (bool, error) {
	cfg, err := stackConfig(src, file)
	if err != nil {
		return false, err
	}
	n := lookup(cfg, protectKey)
	if n == nil {
		return false, nil
	}
	on, err := strconv.ParseBool(n.Value)
	if n.Kind != yaml.ScalarNode || err != nil {
		return false, fmt.Errorf("%s line %d: %s is %q; want true or false", file, n.Line, protectKey, n.Value)
	}
	return on, nil
}

// CheckDestroy returns nil when `pulumi destroy` of stack may go ahead: the stack is not
// protected, or confirm repeats its name. The stack file is read from dir.
func CheckDestroy(dir, stack, confirm string) error {
	name, err := StackFile(stack)
	if err != nil {
		return err
	}
	path := filepath.Join(valueOr(dir, "."), name)
	src, err := os.ReadFile(filepath.Clean(path))
	if err != nil {
		return fmt.Errorf("stack %s: %w", stack, err)
	}
	protected, err := Protected(src, path)
	if err != nil || !protected {
		return err
	}
	switch confirm {
	case stack:
		return nil
	case "":
		return fmt.Errorf("stack %s is protected (%s: true in %s); to destroy it anyway run: make destroy STACK=%s CONFIRM=%s", stack, protectKey, path, stack, stack)
	default:
		return fmt.Errorf("stack %s is protected and CONFIRM=%q does not match; to destroy it run: make destroy STACK=%s CONFIRM=%s", stack, confirm, stack, stack)
	}
}
