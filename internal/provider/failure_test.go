package provider_test

import (
	"strings"
	"testing"
	"time"

	p "github.com/pulumi/pulumi-go-provider"
	"github.com/pulumi/pulumi/sdk/v3/go/property"

	"github.com/bidopsai/bidopsai-infra/internal/fakeaws"
)

func TestAgentRuntimeFaults(t *testing.T) {
	t.Parallel()
	t.Run("throttling_and_500s_are_retried_until_ready", func(t *testing.T) {
		t.Parallel()
		e := newEnv(t)
		e.fake.Inject(fakeaws.Throttling("CreateAgentRuntime", 2))
		e.fake.Inject(fakeaws.InternalError("GetAgentRuntime", 2))
		e.fake.Inject(fakeaws.Throttling("GetAgentRuntime", 2))
		_, state := e.create(runtimeType, "r", runtimeInputs("agent_retry"))
		if get(state, "status") != "READY" || len(e.fake.Runtimes()) != 1 {
			t.Fatalf("status %s with %d runtimes; want READY and exactly one", get(state, "status"), len(e.fake.Runtimes()))
		}
	})
	t.Run("create_failed_returns_reason_and_partial_state_then_diff_replaces", func(t *testing.T) {
		t.Parallel()
		e := newEnv(t)
		_ = e.fake.SetScript(fakeaws.KindRuntime, fakeaws.PhaseCreate, fakeaws.Script{AfterGets: 2, FailReason: "exec format error: image is not arm64"})
		inputs := runtimeInputs("agent_failed")
		resp, err := e.srv.Create(p.CreateRequest{Urn: urn(runtimeType, "r"), Properties: e.check(runtimeType, "r", property.Map{}, inputs)})
		if err == nil || resp.PartialState == nil || resp.ID == "" {
			t.Fatalf("Create = %+v, %v; want an error with partial state and the id", resp, err)
		}
		if reasons := strings.Join(resp.PartialState.Reasons, " "); !strings.Contains(reasons, "image is not arm64") {
			t.Fatalf("reasons %q do not carry the service's failure reason", reasons)
		}
		if get(resp.Properties, "status") != "CREATE_FAILED" {
			t.Fatalf("partial state status %q; want CREATE_FAILED", get(resp.Properties, "status"))
		}
		d := e.diff(runtimeType, "r", resp.ID, resp.Properties, inputs)
		if !d.HasChanges || !d.DeleteBeforeReplace || d.DetailedDiff["status"].Kind != p.UpdateReplace {
			t.Fatalf("diff after CREATE_FAILED = %+v; want delete-then-replace", d)
		}
	})
	t.Run("update_failed_returns_reason_and_the_next_update_resends", func(t *testing.T) {
		t.Parallel()
		e := newEnv(t)
		id, state := e.create(runtimeType, "r", runtimeInputs("agent_upd"))
		_ = e.fake.SetScript(fakeaws.KindRuntime, fakeaws.PhaseUpdate, fakeaws.Script{FailReason: "container exited 1"})
		inputs := runtimeInputs("agent_upd", func(m map[string]property.Value) { m["description"] = str("v2") })
		resp, err := e.srv.Update(p.UpdateRequest{ID: id, Urn: urn(runtimeType, "r"), State: state, Inputs: e.check(runtimeType, "r", state, inputs)})
		if err == nil || resp.PartialState == nil || !strings.Contains(strings.Join(resp.PartialState.Reasons, " "), "container exited 1") {
			t.Fatalf("Update = %+v, %v; want UPDATE_FAILED with the reason", resp, err)
		}
		if get(resp.Properties, "status") != "UPDATE_FAILED" {
			t.Fatalf("partial status %q; want UPDATE_FAILED", get(resp.Properties, "status"))
		}
		_ = e.fake.SetScript(fakeaws.KindRuntime, fakeaws.PhaseUpdate, fakeaws.Script{})
		before := e.fake.Count("UpdateAgentRuntime")
		after, err := e.update(runtimeType, "r", id, resp.Properties, inputs)
		if err != nil || get(after, "status") != "READY" || e.fake.Count("UpdateAgentRuntime") != before+1 {
			t.Fatalf("retry after UPDATE_FAILED: %v, status %q; want one more update and READY", err, get(after, "status"))
		}
	})
	t.Run("role_not_yet_assumable_is_retried", func(t *testing.T) {
		t.Parallel()
		e := newEnv(t)
		e.fake.Inject(fakeaws.RoleNotAssumable(3))
		_, state := e.create(runtimeType, "r", runtimeInputs("agent_role"))
		if get(state, "status") != "READY" || e.fake.Count("CreateAgentRuntime") != 4 {
			t.Fatalf("status %q after %d creates; want READY after 4", get(state, "status"), e.fake.Count("CreateAgentRuntime"))
		}
		if !strings.Contains(strings.Join(e.progressLog(), "\n"), "role not assumable yet") {
			t.Fatalf("no progress message about the role: %q", e.progressLog())
		}
	})
	t.Run("role_never_assumable_fails_after_two_minutes", func(t *testing.T) {
		t.Parallel()
		e := newEnv(t)
		e.fake.Inject(fakeaws.RoleNotAssumable(1000))
		start := e.clock.Now()
		_, err := e.srv.Create(p.CreateRequest{Urn: urn(runtimeType, "r"), Properties: e.check(runtimeType, "r", property.Map{}, runtimeInputs("agent_norole"))})
		waited := e.clock.Now().Sub(start)
		if err == nil || !strings.Contains(err.Error(), "Role validation failed") || waited < 2*time.Minute || waited > 2*time.Minute+5*time.Second {
			t.Fatalf("err %v after %s; want the role error after about 2 minutes", err, waited)
		}
		t.Logf("gave up after %s and %d CreateAgentRuntime calls", waited, e.fake.Count("CreateAgentRuntime"))
	})
	t.Run("custom_create_timeout_is_honoured_and_keeps_the_runtime", func(t *testing.T) {
		t.Parallel()
		e := newEnv(t)
		_ = e.fake.SetScript(fakeaws.KindRuntime, fakeaws.PhaseCreate, fakeaws.Script{After: time.Hour})
		start := e.clock.Now()
		resp, err := e.srv.Create(p.CreateRequest{Urn: urn(runtimeType, "r"), Timeout: 90,
			Properties: e.check(runtimeType, "r", property.Map{}, runtimeInputs("agent_slow"))})
		waited := e.clock.Now().Sub(start)
		if err == nil || resp.PartialState == nil || resp.ID == "" || get(resp.Properties, "status") != "CREATING" {
			t.Fatalf("Create = %+v, %v; want a timeout with partial state", resp, err)
		}
		if waited < 85*time.Second || waited > 95*time.Second {
			t.Fatalf("waited %s on the clock; want the 90 s custom timeout", waited)
		}
	})
	t.Run("timed_out_create_that_later_fails_is_marked_for_replacement", func(t *testing.T) {
		t.Parallel()
		e := newEnv(t)
		_ = e.fake.SetScript(fakeaws.KindRuntime, fakeaws.PhaseCreate, fakeaws.Script{After: time.Hour, FailReason: "no capacity"})
		inputs := runtimeInputs("agent_late_fail")
		resp, err := e.srv.Create(p.CreateRequest{Urn: urn(runtimeType, "r"), Timeout: 60,
			Properties: e.check(runtimeType, "r", property.Map{}, inputs)})
		if err == nil || get(resp.Properties, "status") != "CREATING" {
			t.Fatalf("Create = %v, %v; want a timeout while CREATING", resp.Properties, err)
		}
		e.clock.Advance(time.Hour)
		// The next up: no input change, but the engine retries the update of a resource
		// with initialization errors; it records CREATE_FAILED, which the diff then replaces.
		up, err := e.srv.Update(p.UpdateRequest{ID: resp.ID, Urn: urn(runtimeType, "r"), State: resp.Properties,
			Inputs: e.check(runtimeType, "r", resp.Properties, inputs)})
		if err == nil || get(up.Properties, "status") != "CREATE_FAILED" || len(e.fake.MutatingCalls()) != 1 {
			t.Fatalf("Update = %v, %v, mutating %+v", up.Properties, err, e.fake.MutatingCalls())
		}
		if d := e.diff(runtimeType, "r", resp.ID, up.Properties, inputs); !d.DeleteBeforeReplace {
			t.Fatalf("diff = %+v; want delete-then-replace", d)
		}
	})
	t.Run("default_create_timeout_is_30_minutes", func(t *testing.T) {
		t.Parallel()
		e := newEnv(t)
		_ = e.fake.SetScript(fakeaws.KindRuntime, fakeaws.PhaseCreate, fakeaws.Script{After: 2 * time.Hour})
		start := e.clock.Now()
		_, err := e.srv.Create(p.CreateRequest{Urn: urn(runtimeType, "r"), Properties: e.check(runtimeType, "r", property.Map{}, runtimeInputs("agent_slower"))})
		if waited := e.clock.Now().Sub(start); err == nil || waited != 30*time.Minute {
			t.Fatalf("err %v after %s; want a timeout after exactly 30m", err, waited)
		}
	})
	t.Run("default_delete_timeout_is_20_minutes", func(t *testing.T) {
		t.Parallel()
		e := newEnv(t)
		id, state := e.create(runtimeType, "r", runtimeInputs("agent_stuck"))
		_ = e.fake.SetScript(fakeaws.KindRuntime, fakeaws.PhaseDelete, fakeaws.Script{After: 2 * time.Hour})
		start := e.clock.Now()
		err := e.delete(runtimeType, "r", id, state)
		if waited := e.clock.Now().Sub(start); err == nil || waited != 20*time.Minute {
			t.Fatalf("err %v after %s; want a timeout after exactly 20m", err, waited)
		}
	})
	t.Run("progress_is_reported_while_waiting", func(t *testing.T) {
		t.Parallel()
		e := newEnv(t)
		_ = e.fake.SetScript(fakeaws.KindRuntime, fakeaws.PhaseCreate, fakeaws.Script{After: 40 * time.Second})
		e.create(runtimeType, "r", runtimeInputs("agent_progress"))
		log := strings.Join(e.progressLog(), "\n")
		if !strings.Contains(log, "waiting: CREATING, 37 s") {
			t.Fatalf("progress log lacks the elapsed CREATING message:\n%s", log)
		}
	})
}
