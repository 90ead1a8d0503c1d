package provider_test

import (
	"fmt"
	"testing"
	"time"

	p "github.com/pulumi/pulumi-go-provider"
	"github.com/pulumi/pulumi/sdk/v3/go/property"

	"github.com/bidopsai/bidopsai-infra/internal/fakeaws"
)

// The speed budget, measured on the fake clock.
const (
	pollCap          = 5 * time.Second
	maxGetsFor60sRun = 20
)

func TestSpeed(t *testing.T) {
	t.Parallel()
	t.Run("ready_is_noticed_within_one_poll_cap", func(t *testing.T) {
		t.Parallel()
		e := newEnv(t)
		var worst time.Duration
		for readyAt := time.Second; readyAt <= 180*time.Second; readyAt += time.Second {
			_ = e.fake.SetScript(fakeaws.KindRuntime, fakeaws.PhaseCreate, fakeaws.Script{After: readyAt})
			start := e.clock.Now()
			e.create(runtimeType, "r", runtimeInputs(fmt.Sprintf("agent_%d", int(readyAt/time.Second))))
			lag := e.clock.Now().Sub(start) - readyAt
			if lag < 0 || lag > pollCap {
				t.Fatalf("READY at %s noticed %s later; want within %s", readyAt, lag, pollCap)
			}
			worst = max(worst, lag)
		}
		t.Logf("READY at 1..180 s: noticed at most %s after it happened (cap %s)", worst, pollCap)
	})
	t.Run("a_60s_create_makes_at_most_20_gets", func(t *testing.T) {
		t.Parallel()
		e := newEnv(t)
		_ = e.fake.SetScript(fakeaws.KindRuntime, fakeaws.PhaseCreate, fakeaws.Script{After: 60 * time.Second})
		start := e.clock.Now()
		e.create(runtimeType, "r", runtimeInputs("agent_sixty"))
		gets := e.fake.Count("GetAgentRuntime")
		if gets > maxGetsFor60sRun {
			t.Fatalf("a 60 s create made %d GetAgentRuntime calls; want at most %d", gets, maxGetsFor60sRun)
		}
		t.Logf("60 s create: %d GetAgentRuntime calls, returned after %s", gets, e.clock.Now().Sub(start))
	})
	t.Run("a_noop_cycle_makes_no_mutating_call", func(t *testing.T) {
		t.Parallel()
		e := newEnv(t)
		id, state := e.create(runtimeType, "r", runtimeInputs("agent_noop"))
		e.fake.ResetCalls()
		d := e.diff(runtimeType, "r", id, state, runtimeInputs("agent_noop"))
		_ = e.read(runtimeType, "r", id, state)
		// Even if the engine called Update with unchanged inputs, nothing may be mutated.
		if _, err := e.update(runtimeType, "r", id, state, runtimeInputs("agent_noop")); err != nil {
			t.Fatal(err)
		}
		if d.HasChanges || len(e.fake.MutatingCalls()) != 0 {
			t.Fatalf("no-op cycle: diff %+v, mutating calls %+v", d, e.fake.MutatingCalls())
		}
		t.Logf("no-op check+diff+refresh+update: %d calls, %d mutating", len(e.fake.Calls()), len(e.fake.MutatingCalls()))
	})
}

func TestPreviewMakesNoCalls(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	unknownImage := runtimeInputs("agent_preview", func(m map[string]property.Value) { m["containerUri"] = property.New(property.Computed) })
	checked, err := e.srv.Check(p.CheckRequest{Urn: urn(runtimeType, "r"), Inputs: unknownImage})
	if err != nil || len(checked.Failures) > 0 {
		t.Fatalf("Check with an unknown image: %v %+v", err, checked.Failures)
	}
	resp, err := e.srv.Create(p.CreateRequest{Urn: urn(runtimeType, "r"), Properties: checked.Inputs, DryRun: true})
	if err != nil {
		t.Fatal(err)
	}
	if !resp.Properties.Get("agentRuntimeId").IsComputed() || !resp.Properties.Get("containerUri").IsComputed() {
		t.Fatalf("preview outputs should be unknown: %v", resp.Properties)
	}
	pr, err := e.srv.Create(p.CreateRequest{Urn: urn(projectType, "p"), DryRun: true,
		Properties: e.check(projectType, "p", property.Map{}, projectInputs("doc-parser"))})
	if err != nil || !pr.Properties.Get("projectArn").IsComputed() {
		t.Fatalf("project preview: %v %v", pr.Properties, err)
	}
	state := e.check(runtimeType, "r", property.Map{}, runtimeInputs("agent_preview"))
	for _, k := range []string{"agentRuntimeId", "agentRuntimeArn", "agentRuntimeVersion", "status", "workloadIdentityArn"} {
		state = state.Set(k, str("x"))
	}
	changed := runtimeInputs("agent_preview", func(m map[string]property.Value) { m["description"] = str("new") })
	up, err := e.srv.Update(p.UpdateRequest{ID: "x", Urn: urn(runtimeType, "r"), State: state,
		Inputs: e.check(runtimeType, "r", state, changed), DryRun: true})
	if err != nil || !up.Properties.Get("agentRuntimeVersion").IsComputed() {
		t.Fatalf("update preview: %v %v; want the new version unknown", up.Properties, err)
	}
	if calls := e.fake.Calls(); len(calls) != 0 {
		t.Fatalf("preview made AWS calls: %+v", calls)
	}
}
