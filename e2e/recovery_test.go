//go:build e2e

package e2e

import (
	"maps"
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/common/apitype"

	"github.com/bidopsai/bidopsai-infra/internal/fakeaws"
)

// updateFailedReason is what the fake reports for the scripted UPDATE_FAILED.
const updateFailedReason = "container did not answer GET /ping on port 8080"

func updateFailedThenRecovers(t *testing.T, e *env) {
	before := e.outputs(t)
	id := before[workflow.idKey()]
	e.script(t, fakeaws.KindRuntime, fakeaws.PhaseUpdate, fakeaws.Script{AfterGets: 1, FailReason: updateFailedReason})
	e.setDigest(t, workflow, digest("3"))
	r := e.up(t)
	if r.err == nil || !strings.Contains(r.err.Error(), updateFailedReason) {
		t.Fatalf("up error = %v, want one carrying the service's reason %q", r.err, updateFailedReason)
	}
	d := e.deployment(t)
	if len(d.PendingOperations) != 0 {
		t.Errorf("state holds pending operations after the failed up: %+v", d.PendingOperations)
	}
	res := resourceNamed(d, runtimeType, workflow.name)
	if res == nil || string(res.ID) != id || stateOutput(res, "status") != "UPDATE_FAILED" ||
		stateOutput(res, "failureReason") != updateFailedReason {
		t.Errorf("state of runtime %s = %+v, want id %s, UPDATE_FAILED and the reason", workflow.name, res, id)
	}
	if rt := e.onlyRuntime(t, workflow.runtime); rt.ID != id || rt.Status != "UPDATE_FAILED" {
		t.Errorf("runtime %s = %s %s, want %s UPDATE_FAILED", workflow.runtime, rt.ID, rt.Status, id)
	}

	e.script(t, fakeaws.KindRuntime, fakeaws.PhaseUpdate, fakeaws.Script{AfterGets: 1})
	calls := e.mark()
	mustSucceed(t, "up after the service recovered", e.up(t))
	if n := count(calls(), "UpdateAgentRuntime", id); n != 1 {
		t.Errorf("UpdateAgentRuntime on %s called %d times by the recovering up, want 1", id, n)
	}
	rt := e.onlyRuntime(t, workflow.runtime)
	if rt.ID != id || rt.Status != "READY" || rt.Spec.AgentRuntimeArtifact.ContainerConfiguration.ContainerURI != imageURI(workflow, digest("3")) {
		t.Errorf("runtime %s = %s %s %s, want %s READY with digest 3", workflow.runtime, rt.ID, rt.Status,
			rt.Spec.AgentRuntimeArtifact.ContainerConfiguration.ContainerURI, id)
	}
	res = resourceNamed(e.deployment(t), runtimeType, workflow.name)
	if res == nil || stateOutput(res, "status") != "READY" || stateOutput(res, "failureReason") != "" || len(res.InitErrors) != 0 {
		t.Errorf("state of runtime %s after recovery = %+v, want READY with no failure", workflow.name, res)
	}
	after := e.outputs(t)
	if after[workflow.idKey()] != id || version(t, after[workflow.versionKey()]) <= version(t, before[workflow.versionKey()]) {
		t.Errorf("outputs after recovery: id %s version %s, want id %s and a version above %s", after[workflow.idKey()],
			after[workflow.versionKey()], id, before[workflow.versionKey()])
	}
}

func driftIsRefreshedAndRecreated(t *testing.T, e *env) {
	old := e.outputs(t)[assistant.idKey()]
	if !e.fake.DeleteRuntime(old) {
		t.Fatalf("the fake holds no runtime %s to delete", old)
	}
	calls := e.mark()
	r := mustSucceed(t, "refresh", e.refresh(t))
	// Only the deleted runtime may change: a refresh that rewrites others means Read drifts.
	if want := map[string]int{string(apitype.OpDelete): 1}; !maps.Equal(r.changed(), want) {
		t.Errorf("refresh change summary = %v, want %v", r.changed(), want)
	}
	if r := resourceNamed(e.deployment(t), runtimeType, assistant.name); r != nil {
		t.Errorf("runtime %s is still in the state after refresh: %+v", assistant.name, r)
	}
	if m := mutating(calls()); len(m) != 0 {
		t.Errorf("refresh made mutating calls: %+v", m)
	}
	calls = e.mark()
	mustSucceed(t, "up", e.up(t))
	if n := count(calls(), "CreateAgentRuntime", assistant.runtime); n != 1 {
		t.Errorf("CreateAgentRuntime %s called %d times, want 1", assistant.runtime, n)
	}
	rt := e.onlyRuntime(t, assistant.runtime)
	if rt.ID == old || rt.Status != "READY" {
		t.Errorf("runtime %s = %s %s, want a new READY runtime (old id %s)", assistant.runtime, rt.ID, rt.Status, old)
	}
	if got := e.outputs(t)[assistant.idKey()]; got != rt.ID {
		t.Errorf("%s = %s, want the new id %s", assistant.idKey(), got, rt.ID)
	}
	if r := resourceNamed(e.deployment(t), runtimeType, assistant.name); r == nil || string(r.ID) != rt.ID {
		t.Errorf("state of runtime %s = %+v, want id %s", assistant.name, r, rt.ID)
	}
}

func destroyLeavesNothing(t *testing.T, e *env) {
	calls := e.mark()
	mustSucceed(t, "destroy", e.destroy(t))
	if rts, ps := e.fake.Runtimes(), e.fake.Projects(); len(rts) != 0 || len(ps) != 0 {
		t.Errorf("the fake still holds runtimes %+v and projects %+v", rts, ps)
	}
	c := calls()
	if count(c, "DeleteAgentRuntime", "") != len(agents) || count(c, "DeleteDataAutomationProject", "") != 1 {
		t.Errorf("destroy calls = %+v, want one delete per runtime and one for the project", mutating(c))
	}
	if d := e.deployment(t); len(d.Resources) != 0 || len(d.PendingOperations) != 0 {
		t.Errorf("state after destroy holds %d resources and %d pending operations", len(d.Resources), len(d.PendingOperations))
	}
	if outs := e.outputs(t); len(outs) != 0 {
		t.Errorf("stack outputs after destroy = %v, want none", outs)
	}
}
