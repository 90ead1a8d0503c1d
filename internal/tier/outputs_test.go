package tier_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"maps"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/internals"

	"github.com/bidopsai/bidopsai-infra/internal/mock"
	"github.com/bidopsai/bidopsai-infra/internal/tier"
)

// widget has every kind of field a component struct holds.
type widget struct {
	pulumi.ResourceState

	Arn      pulumi.StringOutput      `pulumi:"arn"`
	IDs      pulumi.StringArrayOutput `pulumi:"ids"`
	Num      pulumi.IntOutput         `pulumi:"num"`
	Ready    []pulumi.Resource        `pulumi:"ready"` // for DependsOn: not an output
	Count    int                      `pulumi:"count"` // a plain value: not an output
	Untagged pulumi.StringOutput      // no tag: not registered
	hidden   pulumi.StringOutput      `pulumi:"hidden"` //nolint:unused // unexported: not registered
}

func newWidget(ctx *pulumi.Context, set func(*widget)) (*widget, error) {
	w := &widget{}
	if err := ctx.RegisterComponentResource("test:index:Widget", "w", w); err != nil {
		return nil, err
	}
	set(w)
	return w, tier.RegisterOutputs(ctx, w)
}

func TestRegistersOnlyTaggedOutputFields(t *testing.T) {
	mon := mock.New("p", "s", "us-east-1")
	got := map[string]any{}
	err := pulumi.RunErr(func(ctx *pulumi.Context) error {
		w, err := newWidget(ctx, func(w *widget) {
			w.Arn = pulumi.String("arn:x").ToStringOutput()
			w.IDs = pulumi.ToStringArray([]string{"a", "b"}).ToStringArrayOutput()
			w.Num = pulumi.Int(7).ToIntOutput()
			w.Untagged = pulumi.String("u").ToStringOutput()
			w.Count = 3
		})
		if err != nil {
			return err
		}
		m, err := tier.OutputsOf(w)
		if err != nil {
			return err
		}
		for k, v := range m {
			res, err := internals.UnsafeAwaitOutput(ctx.Context(), pulumi.ToOutput(v))
			if err != nil {
				return err
			}
			got[k] = res.Value
		}
		return nil
	}, pulumi.WithMocks("p", "s", mon))
	if err != nil {
		t.Fatal(err)
	}
	if names := slices.Sorted(maps.Keys(got)); !slices.Equal(names, []string{"arn", "ids", "num"}) {
		t.Fatalf("registered %v, want [arn ids num] (ready, count, untagged and unexported fields skipped)", names)
	}
	if got["arn"] != "arn:x" || got["num"] != 7 || !slices.Equal(got["ids"].([]string), []string{"a", "b"}) {
		t.Errorf("registered values %v, want each field's value", got)
	}
	// The component's registration and the stack's own, at the end of the run.
	if n := mon.OutputRegistrations(); n != 2 {
		t.Errorf("%d output registrations, want 2", n)
	}
}

// A struct never registered has zero output fields (RegisterComponentResource fills them).
func TestRefusesAZeroOutputField(t *testing.T) {
	_, err := tier.OutputsOf(&widget{Arn: pulumi.String("arn:x").ToStringOutput()})
	if err == nil || !strings.Contains(err.Error(), `field IDs ("ids") is not set`) {
		t.Fatalf("err = %v, want the unset field named", err)
	}
}

func TestRefusesWhatIsNotAComponentStruct(t *testing.T) {
	type twice struct {
		A pulumi.StringOutput `pulumi:"a"`
		B pulumi.StringOutput `pulumi:"a"`
	}
	for name, c := range map[string]any{
		"nil_pointer":   (*widget)(nil),
		"not_a_pointer": widget{},
		"not_a_struct":  new(int),
		"duplicate_tag": &twice{A: pulumi.String("").ToStringOutput(), B: pulumi.String("").ToStringOutput()},
	} {
		t.Run(name, func(t *testing.T) {
			if m, err := tier.OutputsOf(c); err == nil {
				t.Errorf("Of(%T) = %v, want an error", c, m)
			}
		})
	}
}

// Components register outputs only through RegisterOutputs, so a hand-written map cannot drift from
// the struct again.
func TestComponentsRegisterOutputsOnlyThroughRegister(t *testing.T) {
	files, err := filepath.Glob("../../components/*/*.go")
	if err != nil || len(files) == 0 {
		t.Fatalf("no component sources: %v", err)
	}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(token.NewFileSet(), f, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(file, func(n ast.Node) bool {
			if s, ok := n.(*ast.SelectorExpr); ok && s.Sel.Name == "RegisterResourceOutputs" {
				t.Errorf("%s calls RegisterResourceOutputs: use tier.RegisterOutputs(ctx, c)", f)
			}
			return true
		})
	}
}
