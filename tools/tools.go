//go:build tools

// Package tools pins the Pulumi CLI. The blank imports keep its module
// requirements in go.mod through go mod tidy; the build tag keeps the package
// out of every normal build. `make tools` builds the CLI from this module.
package tools

import (
	_ "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi"
)
