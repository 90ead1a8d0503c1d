//go:build e2e

package e2e

import (
	"maps"
	"slices"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/common/apitype"

	"github.com/bidopsai/bidopsai-infra/internal/fakeaws"
)

// TestLifecycle drives one stack through create, no-op, update, a failed update, drift and
// destroy, in that order; each step starts from the state the previous one left.
func TestLifecycle(t *testing.T) {
	t.Parallel()
	e := newEnv(t, "lifecycle")
	steps := []struct {
		name string
		run  func(*testing.T, *env)
	}{
		{"up_creates_both_runtimes_and_the_project", upCreatesEverything},
		{"second_preview_and_up_change_nothing", secondRunChangesNothing},
		{"new_image_digest_updates_the_runtime_in_place", newDigestUpdatesInPlace},
		{"update_failed_fails_up_with_the_reason_and_next_up_recovers", updateFailedThenRecovers},
		{"runtime_deleted_outside_pulumi_is_refreshed_away_and_recreated", driftIsRefreshedAndRecreated},
		{"destroy_leaves_nothing_in_the_service_or_the_state", destroyLeavesNothing},
	}
	for _, s := range steps {
		if !t.Run(s.name, func(t *testing.T) { s.run(t, e) }) {
			return // later steps build on this one's state
		}
	}
}

func upCreatesEverything(t *testing.T, e *env) {
	calls := e.mark()
	mustSucceed(t, "up", e.up(t))
	c, outs, d := calls(), e.outputs(t), e.deployment(t)
	for _, a := range agents {
		if n := count(c, "CreateAgentRuntime", a.runtime); n != 1 {
			t.Errorf("CreateAgentRuntime %s called %d times, want 1", a.runtime, n)
		}
		rt := e.onlyRuntime(t, a.runtime)
		if rt.Status != "READY" || rt.Spec.AgentRuntimeArtifact.ContainerConfiguration.ContainerURI != imageURI(a, digest("1")) {
			t.Errorf("runtime %s is %s with image %s, want READY with digest 1", a.runtime, rt.Status,
				rt.Spec.AgentRuntimeArtifact.ContainerConfiguration.ContainerURI)
		}
		if outs[a.idKey()] != rt.ID || outs[a.arnKey()] != rt.ARN || outs[a.versionKey()] != "1" {
			t.Errorf("outputs %s=%q %s=%q %s=%q, want %q %q \"1\"", a.idKey(), outs[a.idKey()], a.arnKey(),
				outs[a.arnKey()], a.versionKey(), outs[a.versionKey()], rt.ID, rt.ARN)
		}
		if r := resourceNamed(d, runtimeType, a.name); r == nil || string(r.ID) != rt.ID || stateOutput(r, "status") != "READY" {
			t.Errorf("state of runtime %s = %+v, want id %s and status READY", a.name, r, rt.ID)
		}
	}
	p := e.onlyProject(t, parserProject)
	if p.Status != "COMPLETED" || outs[projectArnKey] != p.ARN || count(c, "CreateDataAutomationProject", "") != 1 {
		t.Errorf("project %s is %s (output %q, %d creates), want COMPLETED, its ARN %s and 1 create",
			parserProject, p.Status, outs[projectArnKey], count(c, "CreateDataAutomationProject", ""), p.ARN)
	}
	if r := resourceNamed(d, projectType, "parser"); r == nil || string(r.ID) != p.ARN {
		t.Errorf("state of the project = %+v, want id %s", r, p.ARN)
	}
}

func secondRunChangesNothing(t *testing.T, e *env) {
	p := mustSucceed(t, "preview", e.preview(t))
	if len(p.changed()) != 0 || p.changes[string(apitype.OpSame)] == 0 {
		t.Errorf("preview change summary = %v, want only unchanged resources", p.changes)
	}
	calls := e.mark()
	u := mustSucceed(t, "up", e.up(t))
	if m := mutating(calls()); len(m) != 0 {
		t.Errorf("second up made mutating calls: %+v", m)
	}
	if len(u.changed()) != 0 {
		t.Errorf("second up changed %v, want nothing", u.changed())
	}
}

func newDigestUpdatesInPlace(t *testing.T, e *env) {
	before := e.outputs(t)
	id := before[workflow.idKey()]
	e.setDigest(t, workflow, digest("2"))
	calls := e.mark()
	r := mustSucceed(t, "up", e.up(t))
	if ops := changedOps(r.ops(runtimeType, workflow.name)); !slices.Equal(ops, []apitype.OpType{apitype.OpUpdate}) {
		t.Errorf("engine steps for runtime %s = %v, want [update] (in place, no replacement)", workflow.name, ops)
	}
	if ops := changedOps(r.ops(runtimeType, assistant.name)); len(ops) != 0 {
		t.Errorf("engine steps for runtime %s = %v, want none", assistant.name, ops)
	}
	if want := map[string]int{string(apitype.OpUpdate): 1}; !maps.Equal(r.changed(), want) {
		t.Errorf("change summary = %v, want %v", r.changed(), want)
	}
	c := calls()
	if count(c, "UpdateAgentRuntime", id) != 1 || count(c, "CreateAgentRuntime", "") != 0 || count(c, "DeleteAgentRuntime", "") != 0 {
		t.Errorf("calls = %+v, want exactly one UpdateAgentRuntime on %s and no create or delete", c, id)
	}
	// The fake leaves UPDATING only when read, so READY proves the provider polled until then.
	upd := slices.IndexFunc(c, func(call fakeaws.Call) bool { return call.Op == "UpdateAgentRuntime" })
	if upd < 0 || count(c[upd:], "GetAgentRuntime", id) < 2 {
		t.Errorf("calls after the update = %+v, want at least two reads (UPDATING, then READY)", c)
	}
	rt := e.onlyRuntime(t, workflow.runtime)
	if rt.ID != id || rt.Status != "READY" || rt.Spec.AgentRuntimeArtifact.ContainerConfiguration.ContainerURI != imageURI(workflow, digest("2")) {
		t.Errorf("runtime %s = %s %s %s, want id %s, READY, digest 2", workflow.runtime, rt.ID, rt.Status,
			rt.Spec.AgentRuntimeArtifact.ContainerConfiguration.ContainerURI, id)
	}
	after := e.outputs(t)
	if after[workflow.idKey()] != id {
		t.Errorf("%s changed from %s to %s: the runtime was replaced", workflow.idKey(), id, after[workflow.idKey()])
	}
	if got, was := version(t, after[workflow.versionKey()]), version(t, before[workflow.versionKey()]); got != was+1 {
		t.Errorf("%s = %d, want %d (one new version)", workflow.versionKey(), got, was+1)
	}
	if after[assistant.versionKey()] != before[assistant.versionKey()] {
		t.Errorf("%s moved from %s to %s", assistant.versionKey(), before[assistant.versionKey()], after[assistant.versionKey()])
	}
}

// changedOps drops the "same" steps the engine also announces.
func changedOps(ops []apitype.OpType) []apitype.OpType {
	return slices.DeleteFunc(ops, func(op apitype.OpType) bool { return op == apitype.OpSame })
}
