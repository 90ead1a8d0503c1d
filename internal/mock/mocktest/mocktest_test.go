package mocktest

import (
	"errors"
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
