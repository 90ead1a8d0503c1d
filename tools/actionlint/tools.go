//go:build tools

// Package actionlint pins the workflow linter that `make lint` runs. It is a
// module of its own so that no other tool raises its dependencies (it would
// move go.yaml.in/yaml/v4 and golang.org/x/sys above the versions actionlint
// was released with). The build tag keeps the package out of normal builds.
package actionlint

import (
	_ "github.com/rhysd/actionlint/cmd/actionlint"
)
