//go:build e2e

package e2e

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/auto"
	"github.com/pulumi/pulumi/sdk/v3/go/auto/optpreview"
	"github.com/pulumi/pulumi/sdk/v3/go/common/apitype"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"

	"github.com/bidopsai/bidopsai-infra/internal/plan"
)

// engineResource is what the engine announced for one resource, in the plan's terms.
type engineResource struct {
	URN, Type               string
	Protect, RetainOnDelete bool
}

func (r engineResource) String() string {
	return fmt.Sprintf("%s protect=%t retain=%t", r.URN, r.Protect, r.RetainOnDelete)
}

// engineResources are the program's resources in the order of their URNs: the stack itself and
// the engine's default providers are left out (the offline plan has neither).
func engineResources(r result) []engineResource {
	var out []engineResource
	for _, ev := range r.events {
		pre := ev.ResourcePreEvent
		if pre == nil || pre.Metadata.New == nil {
			continue
		}
		urn := resource.URN(pre.Metadata.URN)
		if urn.QualifiedType() == resource.RootStackType ||
			(strings.HasPrefix(string(urn.Type()), "pulumi:providers:") && strings.HasPrefix(urn.Name(), "default")) {
			continue
		}
		n := pre.Metadata.New
		out = append(out, engineResource{URN: n.URN, Type: n.Type, Protect: n.Protect, RetainOnDelete: n.RetainOnDelete})
	}
	slices.SortFunc(out, func(a, b engineResource) int { return strings.Compare(a.URN, b.URN) })
	return slices.Compact(out)
}

// planResources is `make plan`'s inventory of the same stack, from the same repository copy.
func planResources(t *testing.T, p *projectEnv, stackName string) []engineResource {
	t.Helper()
	res, err := plan.Stack(p.repo, stackName, true)
	if err != nil {
		t.Fatalf("offline plan of %s: %v", stackName, err)
	}
	var out []engineResource
	for _, r := range res.Inventory.Resources {
		out = append(out, engineResource{URN: r.URN, Type: r.Type, Protect: r.Protect, RetainOnDelete: r.RetainOnDelete})
	}
	slices.SortFunc(out, func(a, b engineResource) int { return strings.Compare(a.URN, b.URN) })
	return out
}

// sameResources reports the differences between the engine's resources and the plan's.
func sameResources(t *testing.T, engine, planned []engineResource) {
	t.Helper()
	for _, r := range planned {
		if !slices.Contains(engine, r) {
			t.Errorf("in the plan but not announced by the engine the same way: %s", r)
		}
	}
	for _, r := range engine {
		if !slices.Contains(planned, r) {
			t.Errorf("announced by the engine but not in the plan the same way: %s", r)
		}
	}
	if len(engine) == 0 {
		t.Error("the engine announced no resources")
	}
}

// TestCommittedStacksPreview previews every committed stack, and a personal stack, exactly as
// committed and with no secrets set: no error, and the engine's resources are `make plan`'s.
func TestCommittedStacksPreview(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ stack, from string }{
		{"dev", "dev"}, {"staging", "staging"}, {"prod", "prod"}, {"dev-alice", "dev"},
	} {
		t.Run(tc.stack, func(t *testing.T) {
			t.Parallel()
			p := newProjectEnv(t, tc.stack, projectOptions{from: tc.from})
			r := mustSucceed(t, "preview "+tc.stack, p.preview(t))
			engine, planned := engineResources(r), planResources(t, p, tc.stack)
			sameResources(t, engine, planned)
			t.Logf("%s: the engine announced %d resources, the plan has %d", tc.stack, len(engine), len(planned))
			if calls, _ := p.calls(t); slices.ContainsFunc(calls, isMutating) {
				t.Errorf("a preview reached a stand-in with a mutating call: %+v", calls)
			}
		})
	}
}

// TestProdPolicyPackThroughTheEngine previews prod with the policy pack `make policy` builds.
func TestProdPolicyPackThroughTheEngine(t *testing.T) {
	t.Parallel()
	pack := filepath.Join(repoRoot(t), "bin", "policy-pack")
	p := newProjectEnv(t, "prod", projectOptions{})
	l := newEventLog()
	_, err := p.stack.Preview(t.Context(), optpreview.PolicyPacks(pack), optpreview.EventStreams(l.ch),
		optpreview.ProgressStreams(p), optpreview.ErrorProgressStreams(p))
	evs := l.wait()
	if err != nil {
		t.Fatalf("prod preview with the policy pack: %v", err)
	}
	var mandatory, seen int
	for _, ev := range evs {
		if v := ev.PolicyEvent; v != nil {
			seen++
			if v.EnforcementLevel == "mandatory" {
				mandatory++
				t.Errorf("mandatory violation %s on %s: %s", v.PolicyName, v.ResourceURN, v.Message)
			}
		}
	}
	if !strings.Contains(p.output(), "bidopsai") {
		t.Errorf("the preview output does not mention the bidopsai pack:\n%s", p.output())
	}
	t.Logf("prod through the engine with the pack: %d policy events, %d mandatory", seen, mandatory)
}

func isMutating(c standinCall) bool {
	return c.Method == "Create" || c.Method == "Update" || c.Method == "Delete"
}

// changedResources lists "op urn" for every step that is not "same" (reads of data sources aside).
func changedResources(r result) []string {
	var out []string
	for _, ev := range r.events {
		pre := ev.ResourcePreEvent
		if pre == nil || pre.Metadata.Op == apitype.OpSame || pre.Metadata.Op == apitype.OpRead {
			continue
		}
		out = append(out, string(pre.Metadata.Op)+" "+pre.Metadata.URN)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// stateURNs lists the URNs in the stack's state, the stack resource and providers aside.
func stateURNs(t *testing.T, p *projectEnv) []string {
	t.Helper()
	var out []string
	for _, r := range p.deployment(t).Resources {
		if r.URN.QualifiedType() == resource.RootStackType || strings.HasPrefix(string(r.Type), "pulumi:providers:") {
			continue
		}
		out = append(out, string(r.URN))
	}
	slices.Sort(out)
	return out
}

// setPath sets one field of an object config key, as `pulumi config set --path` does.
func (p *projectEnv) setPath(t *testing.T, path, value string) {
	t.Helper()
	if err := p.stack.SetConfigWithOptions(t.Context(), path, auto.ConfigValue{Value: value},
		&auto.ConfigOptions{Path: true}); err != nil {
		t.Fatalf("setting %s: %v", path, err)
	}
}
