package stack_test

import (
	"maps"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/internals"

	"github.com/bidopsai/bidopsai-infra/internal/config"
	"github.com/bidopsai/bidopsai-infra/internal/mock"
	"github.com/bidopsai/bidopsai-infra/internal/stack"
	"github.com/bidopsai/bidopsai-infra/internal/tier"
)

// Every row of stack.Exports is exported by the committed stacks: by all of them, or, when the
// row names the configuration that turns it on, by at least one.
func TestEveryExportRowIsExportedByTheCommittedStacks(t *testing.T) {
	by := map[string][]string{} // row name -> stacks exporting it
	for _, env := range environments {
		for name := range planStack(t, env).Inventory.Outputs {
			row, ok := stack.LookupExport(name)
			if !ok {
				t.Errorf("%s exports %q, which has no row", env, name)
				continue
			}
			if !slices.Contains(by[row.Name], env) {
				by[row.Name] = append(by[row.Name], env)
			}
		}
	}
	seen := map[string]bool{}
	for _, row := range stack.Exports {
		if seen[row.Name] {
			t.Errorf("%q has two rows", row.Name)
		}
		seen[row.Name] = true
		if row.Consumer != stack.WebApp && row.Consumer != stack.Agents && row.Consumer != stack.Operators {
			t.Errorf("%q: consumer %q is not the web app, the agents or operators", row.Name, row.Consumer)
		}
		if strings.TrimSpace(row.Description) == "" {
			t.Errorf("%q has no description", row.Name)
		}
		switch got := by[row.Name]; {
		case len(got) == 0:
			t.Errorf("no committed stack exports %q: drop its row", row.Name)
		case row.Condition == "" && len(got) < len(environments):
			t.Errorf("%q is exported only by %v: name the configuration that turns it on (Condition)", row.Name, got)
		}
	}
}

// Each component registers exactly its tagged output fields, each set to a value.
func TestComponentsRegisterTheirTaggedOutputFields(t *testing.T) {
	for _, env := range environments {
		t.Run(env, func(t *testing.T) {
			p, sc := stackFile(t, env)
			mon := mock.New(p.Name, env, sc.Values["aws:region"])
			var components []pulumi.ComponentResource
			err := pulumi.RunErr(func(ctx *pulumi.Context) error {
				cfg, err := config.LoadKeys(ctx, slices.Collect(maps.Keys(sc.Values)))
				if err != nil {
					return err
				}
				if components, err = stack.BuildComponents(ctx, cfg); err != nil {
					return err
				}
				for _, c := range components {
					checkOutputs(ctx, t, c)
				}
				return nil
			}, pulumi.WithMocks(p.Name, env, mon), func(ri *pulumi.RunInfo) {
				ri.Config, ri.ConfigSecretKeys = sc.Values, sc.SecretKeys
			})
			if err != nil {
				t.Fatal(err)
			}
			registered := 0
			for _, r := range mon.Resources() {
				if !r.Custom && r.Type != "pulumi:pulumi:Stack" {
					registered++
				}
			}
			if len(components) != registered {
				t.Errorf("checked %d components of the %d registered: list the new tier in BuildComponents",
					len(components), registered)
			}
			// Once per component, and once for the stack's own outputs.
			if n := mon.OutputRegistrations(); n != registered+1 {
				t.Errorf("%d output registrations for %d components, want one each and the stack's", n, registered)
			}
		})
	}
}

// checkOutputs: every exported Output field is tagged, the tagged ones are what outputs.Register
// registers, and each was assigned a value.
func checkOutputs(ctx *pulumi.Context, t *testing.T, c pulumi.ComponentResource) {
	t.Helper()
	typ := reflect.TypeOf(c).Elem()
	var want []string
	for _, f := range reflect.VisibleFields(typ) {
		if f.IsExported() && !f.Anonymous && f.Type.Implements(reflect.TypeFor[pulumi.Output]()) {
			if tag := f.Tag.Get("pulumi"); tag != "" {
				want = append(want, tag)
			} else {
				t.Errorf("%s.%s is an output with no pulumi tag: it would not be registered", typ.Name(), f.Name)
			}
		}
	}
	m, err := tier.OutputsOf(c)
	if err != nil {
		t.Error(err)
		return
	}
	slices.Sort(want)
	if got := slices.Sorted(maps.Keys(m)); !slices.Equal(got, want) {
		t.Errorf("%s registers %v, want its tagged output fields %v", typ.Name(), got, want)
	}
	for name, v := range m {
		res, err := internals.UnsafeAwaitOutput(ctx.Context(), pulumi.ToOutput(v))
		// A field never assigned still holds the output RegisterComponentResource made for it,
		// which resolves to a zero value that depends on the component itself.
		if err != nil || !res.Known || res.Value == nil || slices.Contains(res.Dependencies, pulumi.Resource(c)) {
			t.Errorf("%s output %s is not set (%+v, %v)", typ.Name(), name, res, err)
		}
	}
}
