package stack

import (
	"maps"
	"slices"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/bidopsai/bidopsai-infra/internal/config"
)

// BuildComponents is Build, returning every component it built (for the outputs tests).
func BuildComponents(ctx *pulumi.Context, cfg *config.Config) ([]pulumi.ComponentResource, error) {
	b, err := build(ctx, cfg)
	if err != nil {
		return nil, err
	}
	t := b.tiers
	out := []pulumi.ComponentResource{t.buckets, t.settings, t.pool, t.parser, t.roles, t.monitor, t.budget}
	if t.key != nil {
		out = append(out, t.key)
	}
	if t.vpc != nil {
		out = append(out, t.vpc)
	}
	for _, a := range slices.Sorted(maps.Keys(t.repos)) {
		out = append(out, t.repos[a])
	}
	for _, a := range slices.Sorted(maps.Keys(t.runtimes)) {
		out = append(out, t.runtimes[a])
	}
	return out, nil
}
