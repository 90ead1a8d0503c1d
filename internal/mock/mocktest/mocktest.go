// Package mocktest runs components under the mock monitor in tests: one harness per tier, one
// table runner for bad input (the error names the field and nothing is registered), and the
// lookups every tier's tests make.
package mocktest

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/internals"

	"github.com/bidopsai/bidopsai-infra/internal/mock"
	"github.com/bidopsai/bidopsai-infra/internal/policydoc"
)

// Project is the Pulumi project every mock run belongs to.
const Project = "bidopsai"

// Tier runs one component constructor under the mock.
type Tier[A, C any] struct {
	Stack, Region string // of the mock: URNs, ARNs and invokes use them
	Name          string // the component's name when a run gives none
	New           func(ctx *pulumi.Context, name string, args A, opts ...pulumi.ResourceOption) (C, error)
}

// Run builds one component per name (Name when none is given) under a fresh mock, stopping at the
// first error; the mock records every registration, so assertions run after Run returns.
func (tr Tier[A, C]) Run(args A, names ...string) (*mock.Monitor, []C, error) {
	return tr.run(args, names, nil)
}

// Outputs builds one component (Name) and resolves the outputs pick returns, under their keys.
func (tr Tier[A, C]) Outputs(args A, pick func(C) map[string]pulumi.Output) (*mock.Monitor, map[string]any, error) {
	got := map[string]any{}
	mon, _, err := tr.run(args, nil, func(ctx *pulumi.Context, c C) error {
		for k, o := range pick(c) {
			res, err := internals.UnsafeAwaitOutput(ctx.Context(), o)
			if err != nil {
				return err
			}
			got[k] = res.Value
		}
		return nil
	})
	return mon, got, err
}

// run is Run, calling then (when set) with each component as it is built.
func (tr Tier[A, C]) run(args A, names []string, then func(*pulumi.Context, C) error) (*mock.Monitor, []C, error) {
	if len(names) == 0 {
		names = []string{tr.Name}
	}
	mon := mock.New(Project, tr.Stack, tr.Region)
	var built []C
	err := pulumi.RunErr(func(ctx *pulumi.Context) error {
		for _, n := range names {
			c, err := tr.New(ctx, n, args)
			if err != nil {
				return err
			}
			built = append(built, c)
			if then != nil {
				if err := then(ctx, c); err != nil {
					return err
				}
			}
		}
		return nil
	}, pulumi.WithMocks(Project, tr.Stack, mon))
	return mon, built, err
}

// MustRun is Run for args that must be valid: an error fails the test.
func (tr Tier[A, C]) MustRun(t testing.TB, args A, names ...string) *mock.Monitor {
	t.Helper()
	mon, _, err := tr.Run(args, names...)
	if err != nil {
		t.Fatalf("%T: %v", tr.New, err)
	}
	return mon
}

// BadInput is one row of a bad-input table.
type BadInput[A any] struct {
	Name      string   // the subtest: the behaviour, such as rejects_hyphen_in_runtime_name
	Component string   // the component's name; the Tier's Name when empty
	Mutate    func(A)  // breaks the valid baseline; nil keeps it (a row about the name)
	Field     string   // when set, the error must contain "invalid <Field> = "
	Want      []string // more text the error must contain: other fields, what is allowed
}

// Rejects runs every row on a fresh valid baseline, and a row rejects_nil_args without any args,
// asserting for each that the run fails with the wanted text and registers nothing.
func (tr Tier[A, C]) Rejects(t *testing.T, valid func() A, rows []BadInput[A]) {
	t.Helper()
	for _, row := range rows {
		t.Run(row.Name, func(t *testing.T) {
			args := valid()
			if row.Mutate != nil {
				row.Mutate(args)
			}
			want := row.Want
			if row.Field != "" {
				want = append([]string{"invalid " + row.Field + " = "}, want...)
			}
			tr.refuses(t, args, row.Component, want)
		})
	}
	t.Run("rejects_nil_args", func(t *testing.T) {
		var none A
		tr.refuses(t, none, "", []string{"args"})
	})
}

func (tr Tier[A, C]) refuses(t *testing.T, args A, name string, want []string) {
	t.Helper()
	var names []string
	if name != "" {
		names = []string{name}
	}
	mon, _, err := tr.Run(args, names...)
	for _, p := range Rejection(mon, err, want...) {
		t.Error(p)
	}
}

// Rejection lists what is wrong with a run that had to refuse its input: no error, an error
// without a wanted text, or any resource registered. None means the run refused it properly.
func Rejection(mon *mock.Monitor, err error, want ...string) []string {
	var problems []string
	if err == nil {
		problems = append(problems, "want an error, got none")
	}
	for _, w := range want {
		if err != nil && !strings.Contains(err.Error(), w) {
			problems = append(problems, fmt.Sprintf("error does not contain %q: %v", w, err))
		}
	}
	if n := len(mon.Resources()); n != 0 {
		problems = append(problems, fmt.Sprintf("%d resources registered, want 0", n))
	}
	return problems
}

// CheckChildren asserts the component shape: every resource but the components of type token is
// parented to one of them and named from it (<name>-...; the types in named may carry <name>
// itself), and no URN repeats.
func CheckChildren(t testing.TB, mon *mock.Monitor, token string, named ...string) {
	t.Helper()
	components := map[string]string{} // URN -> name
	for _, c := range mon.ByType(token) {
		components[c.URN] = c.Name
	}
	if len(components) == 0 {
		t.Fatalf("no %s registered", token)
	}
	seen := map[string]bool{}
	for _, r := range mon.Resources() {
		if seen[r.URN] {
			t.Errorf("duplicate URN %s", r.URN)
		}
		seen[r.URN] = true
		if r.Type == token {
			continue
		}
		owner, ok := components[r.Parent]
		if !ok {
			t.Errorf("%s %q: parent %q, want a %s", r.Type, r.Name, r.Parent, token)
		} else if !strings.HasPrefix(r.Name, owner+"-") && (r.Name != owner || !slices.Contains(named, r.Type)) {
			t.Errorf("%s %q: logical name not derived from its component's name %q", r.Type, r.Name, owner)
		}
	}
}

// Only returns the single recorded resource of a type.
func Only(t testing.TB, mon *mock.Monitor, typ string) mock.Resource {
	t.Helper()
	rs := mon.ByType(typ)
	if len(rs) != 1 {
		t.Fatalf("want exactly one %s, found %d", typ, len(rs))
	}
	return rs[0]
}

// Named returns the single recorded resource of a type with a logical name.
func Named(t testing.TB, mon *mock.Monitor, typ, name string) mock.Resource {
	t.Helper()
	var found []mock.Resource
	for _, r := range mon.ByType(typ) {
		if r.Name == name {
			found = append(found, r)
		}
	}
	if len(found) != 1 {
		t.Fatalf("want exactly one %s named %q, found %d", typ, name, len(found))
	}
	return found[0]
}

// ByName returns the recorded resources of a type keyed by logical name.
func ByName(mon *mock.Monitor, typ string) map[string]mock.Resource {
	out := map[string]mock.Resource{}
	for _, r := range mon.ByType(typ) {
		out[r.Name] = r
	}
	return out
}

// Policy parses a resource's JSON policy input (key "policy" of a bucket or key policy, say).
func Policy(t testing.TB, r mock.Resource, key string) policydoc.Document {
	t.Helper()
	text, ok := r.Inputs.Mappable()[key].(string)
	if !ok {
		t.Fatalf("%s: %s is %T, want a JSON string", r.Name, key, r.Inputs.Mappable()[key])
	}
	doc, err := policydoc.Parse(text)
	if err != nil {
		t.Fatalf("%s: %s: %v", r.Name, key, err)
	}
	return doc
}
