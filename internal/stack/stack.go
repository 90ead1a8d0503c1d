// Package stack is the whole program: load config, build the tiers in dependency order, wire
// them through their outputs, and name the stack outputs.
package stack

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/bidopsai/bidopsai-infra/internal/config"
	"github.com/bidopsai/bidopsai-infra/internal/tier"
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
	b, err := build(ctx, cfg)
	if err != nil {
		return nil, err
	}
	return b.out, nil
}

// build creates every tier and returns them with the stack outputs.
func build(ctx *pulumi.Context, cfg *config.Config) (*builder, error) {
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
	if err := b.run(b.buildKey, b.buildStorage, b.buildRegistry, b.buildSettings, b.buildIdentity,
		b.buildProvider, b.buildParser, b.buildNetwork, b.buildAccess, b.buildRuntimes, b.buildObservability,
		b.buildBudget); err != nil {
		return nil, err
	}
	return b, nil
}

// run builds the tiers in order; it stops at the first error, or at a refused export.
func (b *builder) run(steps ...func() error) error {
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
		if len(b.refused) > 0 {
			slices.Sort(b.refused)
			return fmt.Errorf("stack outputs refused: %s", strings.Join(b.refused, "; "))
		}
	}
	return nil
}

// export adds stack outputs. A name with no row in Exports, or exported twice, is refused (see run).
func (b *builder) export(m map[string]pulumi.Input) {
	for name, v := range m {
		if _, ok := LookupExport(name); !ok {
			b.refused = append(b.refused, strconv.Quote(name)+" has no row in stack.Exports "+
				"(internal/stack/outputs.go): add it with its consumer and description")
			continue
		}
		if _, twice := b.out[name]; twice {
			b.refused = append(b.refused, strconv.Quote(name)+" is exported twice")
			continue
		}
		b.out[name] = v
	}
}

// exportFrom exports every row of Exports whose From names the component's tier, reading the
// component's registered outputs; agentOutput ("workflowAgent") fills the per-agent rows, and
// only they are exported when it is set.
func (b *builder) exportFrom(tierName string, c any, agentOutput string) {
	outs, err := tier.OutputsOf(c)
	if err != nil {
		b.refused = append(b.refused, err.Error())
		return
	}
	for _, e := range Exports {
		from, field, _ := strings.Cut(e.From, ".")
		if from != tierName || strings.HasPrefix(e.Name, AgentPlaceholder) != (agentOutput != "") {
			continue
		}
		v, ok := outs[field]
		if !ok {
			b.refused = append(b.refused, strconv.Quote(e.Name)+" comes from "+e.From+", which the component does not output")
			continue
		}
		b.export(map[string]pulumi.Input{strings.Replace(e.Name, AgentPlaceholder, agentOutput, 1): v})
	}
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

	refused []string // exports with no row in Exports, or made twice
}
