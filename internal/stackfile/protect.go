package stackfile

import "errors"

// Namespace is the project's config namespace (Pulumi.yaml's name): keys are bidopsai:<name>.
const Namespace = "bidopsai"

// ProtectKey turns on protect and retain-on-delete for a stack's stateful resources.
const ProtectKey = Namespace + ":protect"

// ReadProtect is the one reading of bidopsai:protect, for the program's config and the destroy
// guard alike: false when unset, otherwise exactly true or false. The error says what is
// allowed; the caller shows the value (redacted when secret).
func ReadProtect(value string, set bool) (bool, error) {
	switch {
	case !set:
		return false, nil
	case value == "true":
		return true, nil
	case value == "false":
		return false, nil
	}
	return false, errors.New("must be true or false")
}
