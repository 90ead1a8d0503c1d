package mocktest

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// leaky registers a component before checking its args: the defect Rejection exists to catch.
func leaky(ctx *pulumi.Context, name string, args *string, _ ...pulumi.ResourceOption) (*pulumi.ResourceState, error) {
	c := &pulumi.ResourceState{}
	if err := ctx.RegisterComponentResource("test:index:Leaky", name, c); err != nil {
		return nil, err
	}
	if args == nil || *args == "" {
		return nil, errors.New(`test "` + name + `": invalid LeakyArgs.Value = "": required`)
	}
	return c, nil
}

func TestRunBuildsOneComponentPerName(t *testing.T) {
	tr := Tier[*string, *pulumi.ResourceState]{Stack: "dev", Region: "us-east-1", Name: "one", New: leaky}
	v := "x"
	mon, built, err := tr.Run(&v, "a", "b")
	if err != nil || len(built) != 2 || len(mon.Resources()) != 2 {
		t.Fatalf("err %v, built %d, registered %d; want nil, 2, 2", err, len(built), len(mon.Resources()))
	}
	if Only(t, tr.MustRun(t, &v), "test:index:Leaky").Name != "one" {
		t.Error("a run without names does not use the Tier's Name")
	}
	_, got, err := tr.Outputs(&v, func(c *pulumi.ResourceState) map[string]pulumi.Output {
		return map[string]pulumi.Output{"urn": c.URN()}
	})
	if urn := fmt.Sprint(got["urn"]); err != nil || !strings.HasSuffix(urn, "test:index:Leaky::one") {
		t.Errorf("Outputs = %v, %v; want the component's URN", got, err)
	}
}

func TestRejectionFindsEveryDefect(t *testing.T) {
	tr := Tier[*string, *pulumi.ResourceState]{Stack: "dev", Region: "us-east-1", Name: "c", New: leaky}
	empty := ""
	mon, _, err := tr.Run(&empty)
	got := Rejection(mon, err, "invalid LeakyArgs.Value = ", "must be")
	if len(got) != 2 || !strings.HasPrefix(got[0], `error does not contain "must be"`) ||
		got[1] != "1 resources registered, want 0" {
		t.Errorf("Rejection = %q; want the missing text and the registered resource", got)
	}
	v := "x"
	mon, _, err = tr.Run(&v)
	if got := Rejection(mon, err); len(got) != 2 || got[0] != "want an error, got none" {
		t.Errorf("accepted input: %q", got)
	}
}

// recorder keeps what a check reports instead of failing the test.
type recorder struct {
	testing.TB
	errs []string
}

func (r *recorder) Helper() {}
func (r *recorder) Errorf(format string, a ...any) {
	r.errs = append(r.errs, fmt.Sprintf(format, a...))
}

func TestCheckChildrenFindsOrphansAndStrayNames(t *testing.T) {
	mon, _, err := Tier[string, *pulumi.ResourceState]{Stack: "dev", Region: "us-east-1", Name: "web",
		New: func(ctx *pulumi.Context, name, _ string, _ ...pulumi.ResourceOption) (*pulumi.ResourceState, error) {
			c := &pulumi.ResourceState{}
			if err := ctx.RegisterComponentResource("test:index:Web", name, c); err != nil {
				return nil, err
			}
			for _, child := range []struct {
				name   string
				parent pulumi.ResourceOption
			}{{"web-ok", pulumi.Parent(c)}, {"web", pulumi.Parent(c)}, {"other", pulumi.Parent(c)}, {"web-orphan", nil}} {
				var r pulumi.CustomResourceState
				opts := []pulumi.ResourceOption{}
				if child.parent != nil {
					opts = append(opts, child.parent)
				}
				if err := ctx.RegisterResource("test:index:Child", child.name, pulumi.Map{}, &r, opts...); err != nil {
					return nil, err
				}
			}
			return c, nil
		}}.Run("")
	if err != nil {
		t.Fatal(err)
	}
	rec := &recorder{TB: t}
	CheckChildren(rec, mon, "test:index:Web")
	got := strings.Join(rec.errs, "\n")
	for _, want := range []string{`"web": logical name`, `"other": logical name`, `"web-orphan": parent`} {
		if !strings.Contains(got, want) {
			t.Errorf("CheckChildren missed %s:\n%s", want, got)
		}
	}
	if len(rec.errs) != 3 {
		t.Errorf("CheckChildren reported %d problems, want 3:\n%s", len(rec.errs), got)
	}
	rec.errs = nil
	CheckChildren(rec, mon, "test:index:Web", "test:index:Child")
	if len(rec.errs) != 2 {
		t.Errorf("a type allowed the component's own name is still reported:\n%s", strings.Join(rec.errs, "\n"))
	}
}
