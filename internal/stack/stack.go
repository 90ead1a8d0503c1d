// Package stack is the whole program: load config, build the tiers in dependency order, wire
// them through their outputs, and name the stack outputs.
package stack

import (
	"fmt"

	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/bidopsai/bidopsai-infra/internal/config"
)

// Outputs are the stack outputs by export name.
type Outputs map[string]pulumi.Input

// Program is the Pulumi program: pulumi.Run(stack.Program).
func Program(ctx *pulumi.Context) error {
	cfg, err := config.Load(ctx)
	if err != nil {
		return err
	}
	out, err := Build(ctx, cfg)
	if err != nil {
		return err
	}
	for name, v := range out {
		ctx.Export(name, v)
	}
	return nil
}

// Build creates every tier from a validated config and returns the stack outputs.
func Build(ctx *pulumi.Context, cfg *config.Config) (Outputs, error) {
	agents, err := agentsOf(cfg)
	if err != nil {
		return nil, err
	}
	caller, err := aws.GetCallerIdentity(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("look up the AWS account: %w", err)
	}
	b := &builder{ctx: ctx, cfg: cfg, account: caller.AccountId, prefix: "bidopsai-" + cfg.Name,
		agents: agents, out: Outputs{}}
	// Order follows the data flow: the key encrypts everything, roles need the resources they
	// grant on, runtimes need roles and images, observability watches the runtimes.
	steps := []func() error{b.buildKey, b.buildStorage, b.buildRegistry, b.buildSettings, b.buildIdentity,
		b.buildProvider, b.buildParser, b.buildNetwork, b.buildAccess, b.buildRuntimes, b.buildObservability,
		b.buildBudget}
	for _, step := range steps {
		if err := step(); err != nil {
			return nil, err
		}
	}
	return b.out, nil
}

// builder carries the tiers built so far, so later tiers can use earlier outputs.
type builder struct {
	ctx     *pulumi.Context
	cfg     *config.Config
	account string
	prefix  string
	agents  []agent
	out     Outputs
	tiers
}
