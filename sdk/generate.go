// Package sdk holds the bidopsai provider's schema (schema.json, from the provider's own
// GetSchema) and the Go SDK generated from it (bidopsai/). Never edit them by hand: change
// internal/provider, then run `make sdk`; a test in internal/sdkgen fails while they are stale.
package sdk

//go:generate go run github.com/bidopsai/bidopsai-infra/cmd/sdkgen
