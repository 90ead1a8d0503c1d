package plan

import (
	"fmt"
	"sort"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/internals"

	"github.com/bidopsai/bidopsai-infra/internal/config"
	"github.com/bidopsai/bidopsai-infra/internal/inventory"
	"github.com/bidopsai/bidopsai-infra/internal/mock"
	"github.com/bidopsai/bidopsai-infra/internal/stack"
)

// Options select what to evaluate.
type Options struct {
	Project    string
	Stack      string
	Config     map[string]string
	SecretKeys []string
	// DryRun evaluates as `pulumi preview` does, where provider outputs may be unknown.
	DryRun bool
	// Dir is the project directory, where image build paths must exist; "" skips that check.
	Dir string
}

// Result is an evaluation: the inventory, the validated config and the monitor that recorded
// it (for tests).
type Result struct {
	Inventory *inventory.Inventory
	Config    *config.Config
	Monitor   *mock.Monitor
}

// Run evaluates the whole program under mocks. A config error registers nothing.
func Run(opts Options) (*Result, error) {
	mon := mock.New(opts.Project, opts.Stack, opts.Config["aws:region"])
	inv := &inventory.Inventory{Project: opts.Project, Stack: opts.Stack, Outputs: map[string]any{}}
	var cfg *config.Config
	keys := make([]string, 0, len(opts.Config))
	for k := range opts.Config {
		keys = append(keys, k)
	}
	err := pulumi.RunErr(func(ctx *pulumi.Context) error {
		var err error
		if cfg, err = config.LoadKeys(ctx, keys); err != nil {
			return err
		}
		out, err := stack.Build(ctx, cfg)
		if err != nil {
			return err
		}
		return await(ctx, out, inv.Outputs)
	}, pulumi.WithMocks(opts.Project, opts.Stack, mon), func(ri *pulumi.RunInfo) {
		ri.Config = opts.Config
		ri.ConfigSecretKeys = opts.SecretKeys
		ri.DryRun = opts.DryRun
		ri.RootDirectory = opts.Dir
	})
	if err != nil {
		return &Result{Monitor: mon}, err
	}
	inv.Resources = FromMonitor(mon)
	return &Result{Inventory: inv, Config: cfg, Monitor: mon}, nil
}

// await resolves each stack output into dst, hiding secrets and marking unknowns.
func await(ctx *pulumi.Context, out stack.Outputs, dst map[string]any) error {
	names := make([]string, 0, len(out))
	for n := range out {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		res, err := internals.UnsafeAwaitOutput(ctx.Context(), pulumi.ToOutput(out[n]))
		if err != nil {
			return fmt.Errorf("stack output %s: %w", n, err)
		}
		switch {
		case res.Secret:
			dst[n] = inventory.Secret
		case !res.Known:
			dst[n] = inventory.Unknown
		default:
			dst[n] = res.Value
		}
	}
	return nil
}

// Stack loads a project directory's stack file and evaluates it.
func Stack(dir, stackName string, dryRun bool) (*Result, error) {
	p, err := LoadProject(dir)
	if err != nil {
		return nil, err
	}
	sc, err := LoadStack(dir, p, stackName)
	if err != nil {
		return nil, err
	}
	return Run(Options{Project: p.Name, Stack: stackName, Config: sc.Values, SecretKeys: sc.SecretKeys, DryRun: dryRun, Dir: dir})
}
