//go:build e2e

package e2e

import (
	"net/http"
	"strings"
	"testing"

	"github.com/bidopsai/bidopsai-infra/internal/fakeaws"
)

// createFailedReason is what the fake reports for the scripted CREATE_FAILED.
const createFailedReason = "image manifest is linux/amd64; AgentCore requires linux/arm64"

// TestCreateFailed: a runtime that ends CREATE_FAILED is recorded, not orphaned, and the next
// up replaces it once the service is healthy.
func TestCreateFailed(t *testing.T) {
	t.Parallel()
	e := newEnv(t, "create-failed")
	e.script(t, fakeaws.KindRuntime, fakeaws.PhaseCreate, fakeaws.Script{AfterGets: 1, FailReason: createFailedReason})

	var failed map[string]string // runtime name -> id of the runtime that failed to create
	t.Run("up_fails_with_the_reason_and_records_the_failed_runtimes", func(t *testing.T) {
		r := e.up(t)
		if r.err == nil || !strings.Contains(r.err.Error(), createFailedReason) {
			t.Fatalf("up error = %v, want one carrying the service's reason %q", r.err, createFailedReason)
		}
		d := e.deployment(t)
		failed = map[string]string{}
		for _, a := range agents {
			rt := e.onlyRuntime(t, a.runtime)
			res := resourceNamed(d, runtimeType, a.name)
			if rt.Status != "CREATE_FAILED" || res == nil || string(res.ID) != rt.ID || stateOutput(res, "status") != "CREATE_FAILED" {
				t.Errorf("runtime %s is %s; its state is %+v; want CREATE_FAILED recorded under id %s", a.runtime, rt.Status, res, rt.ID)
			}
			failed[a.runtime] = rt.ID
		}
	})
	if t.Failed() {
		return
	}
	t.Run("next_up_deletes_the_failed_runtimes_and_creates_new_ones", func(t *testing.T) {
		e.quickScripts(t)
		calls := e.mark()
		mustSucceed(t, "up after the service recovered", e.up(t))
		c, d := calls(), e.deployment(t)
		for _, a := range agents {
			if count(c, "DeleteAgentRuntime", failed[a.runtime]) != 1 || count(c, "CreateAgentRuntime", a.runtime) != 1 {
				t.Errorf("calls = %+v, want one delete of %s and one create of %s", mutating(c), failed[a.runtime], a.runtime)
			}
			rt := e.onlyRuntime(t, a.runtime)
			if rt.ID == failed[a.runtime] || rt.Status != "READY" {
				t.Errorf("runtime %s = %s %s, want a new READY runtime", a.runtime, rt.ID, rt.Status)
			}
			if res := resourceNamed(d, runtimeType, a.name); res == nil || string(res.ID) != rt.ID {
				t.Errorf("state of runtime %s = %+v, want id %s", a.name, res, rt.ID)
			}
		}
	})
}

// TestTransientFaults: throttled calls and a role IAM has not propagated yet are retried
// until up succeeds, every injected fault consumed.
func TestTransientFaults(t *testing.T) {
	t.Parallel()
	e := newEnv(t, "transient-faults")
	const throttled, roleRejected = 5, 3
	e.fake.Inject(fakeaws.Throttling("CreateAgentRuntime", 1))
	e.fake.Inject(fakeaws.RoleNotAssumable(roleRejected))
	e.fake.Inject(fakeaws.Throttling("GetAgentRuntime", 3))
	e.fake.Inject(fakeaws.Throttling("CreateDataAutomationProject", 1))

	t.Run("up_rides_out_throttling_and_a_role_iam_has_not_propagated", func(t *testing.T) {
		mustSucceed(t, "up", e.up(t))
		c, outs := e.fake.Calls(), e.outputs(t)
		if n := countStatus(c, "", http.StatusTooManyRequests); n != throttled {
			t.Errorf("%d calls were throttled, want all %d injected", n, throttled)
		}
		if n := countStatus(c, "CreateAgentRuntime", http.StatusBadRequest); n != roleRejected {
			t.Errorf("%d creates were refused for the role, want all %d injected", n, roleRejected)
		}
		for _, a := range agents {
			rt := e.onlyRuntime(t, a.runtime)
			if rt.Status != "READY" || outs[a.idKey()] != rt.ID {
				t.Errorf("runtime %s = %s %s (output %q), want READY and exported", a.runtime, rt.ID, rt.Status, outs[a.idKey()])
			}
		}
		if p := e.onlyProject(t, parserProject); p.Status != "COMPLETED" || outs[projectArnKey] != p.ARN {
			t.Errorf("project = %s (output %q), want COMPLETED and exported", p.Status, outs[projectArnKey])
		}
	})
}
