//go:build tools

// Package golangcilint pins the Go linter that `make lint` runs. It is a module
// of its own: joined with the Pulumi CLI's module, each would raise the other's
// dependencies (golang.org/x/tools, golang.org/x/exp, chroma, ...) above the
// versions it was released with. The build tag keeps the package out of
// normal builds.
package golangcilint

import (
	_ "github.com/golangci/golangci-lint/v2/cmd/golangci-lint"
)
