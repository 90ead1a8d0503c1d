//go:build e2e

package e2e

import (
	"bytes"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/bidopsai/bidopsai-infra/internal/fakeaws"
	"github.com/bidopsai/bidopsai-infra/internal/provider"
)

// TestProviderKilledMidCreate: the provider process dies while it waits for its creates, so
// AWS holds runtimes and a project the state never heard of. The next up adopts them (their
// owner tag names this stack's resources) instead of failing on the names, and destroy then
// leaves nothing in the service or the state.
func TestProviderKilledMidCreate(t *testing.T) {
	t.Parallel()
	e := newEnv(t, "killed-mid-create")
	// Creates end 12 s after they start: the kill lands while the provider waits (it comes
	// within a second or two, with room for a loaded machine), and the next up waits the rest.
	slow := fakeaws.Script{After: 12 * time.Second}
	e.script(t, fakeaws.KindRuntime, fakeaws.PhaseCreate, slow)
	e.script(t, fakeaws.KindProject, fakeaws.PhaseCreate, slow)

	t.Run("the_killed_up_fails_and_leaves_the_resources_outside_the_state", func(t *testing.T) {
		done := make(chan result, 1)
		go func() { done <- e.up(t) }()
		e.waitFor(t, "every create to reach the fake", func() bool {
			return e.fake.Count("CreateAgentRuntime") >= len(agents) && e.fake.Count("CreateDataAutomationProject") >= 1
		})
		if n := e.killProvider(t); n == 0 {
			t.Fatal("found no provider process of this stack to kill")
		}
		if r := <-done; r.err == nil {
			t.Fatal("up succeeded although its provider was killed")
		}
		d := e.deployment(t)
		for _, a := range agents {
			e.onlyRuntime(t, a.runtime)
			if r := resourceNamed(d, runtimeType, a.name); r != nil {
				t.Errorf("runtime %s reached the state (%s); the scenario needs it orphaned", a.name, r.ID)
			}
		}
		e.onlyProject(t, parserProject)
	})
	if t.Failed() {
		return
	}
	t.Run("next_up_adopts_them_and_creates_no_duplicate", func(t *testing.T) {
		e.quickScripts(t)
		calls := e.mark()
		mustSucceed(t, "up after the kill", e.up(t))
		c, d := calls(), e.deployment(t)
		if n := countStatus(c, "CreateAgentRuntime", http.StatusConflict); n != len(agents) {
			t.Errorf("%d creates were refused as duplicates, want %d (one per orphan)", n, len(agents))
		}
		for _, a := range agents {
			rt := e.onlyRuntime(t, a.runtime)
			res := resourceNamed(d, runtimeType, a.name)
			if rt.Status != "READY" || res == nil || string(res.ID) != rt.ID || rt.Tags[provider.OwnerTagKey] == "" {
				t.Errorf("runtime %s = %s %s (owner %q), state %+v; want it READY, owned and recorded", a.runtime, rt.ID,
					rt.Status, rt.Tags[provider.OwnerTagKey], res)
			}
		}
		p := e.onlyProject(t, parserProject)
		if res := resourceNamed(d, projectType, "parser"); res == nil || string(res.ID) != p.ARN || p.Status != "COMPLETED" {
			t.Errorf("project %s is %s, state %+v; want it COMPLETED and recorded", p.ARN, p.Status, res)
		}
		if len(d.PendingOperations) != 0 {
			t.Errorf("state holds pending operations: %+v", d.PendingOperations)
		}
	})
	if t.Failed() {
		return
	}
	t.Run("destroy_leaves_nothing", func(t *testing.T) { destroyLeavesNothing(t, e) })
}

// TestUpdateConflictIsRiddenOut: another client's update lands just before the provider's,
// so AgentCore answers ConflictException; the provider waits for READY and sends it again.
func TestUpdateConflictIsRiddenOut(t *testing.T) {
	t.Parallel()
	e := newEnv(t, "update-conflict")
	mustSucceed(t, "up", e.up(t))
	id := e.outputs(t)[workflow.idKey()]
	e.fake.Inject(fakeaws.RacingUpdate("UpdateAgentRuntime", 1))
	e.setDigest(t, workflow, digest("2"))
	calls := e.mark()
	mustSucceed(t, "up during another client's update", e.up(t))
	c := calls()
	if countStatus(c, "UpdateAgentRuntime", http.StatusConflict) != 1 || countStatus(c, "UpdateAgentRuntime", http.StatusAccepted) != 1 {
		t.Errorf("update calls = %+v, want one conflict, then one accepted", mutating(c))
	}
	rt := e.onlyRuntime(t, workflow.runtime)
	if rt.ID != id || rt.Status != "READY" || rt.Spec.AgentRuntimeArtifact.ContainerConfiguration.ContainerURI != imageURI(workflow, digest("2")) {
		t.Errorf("runtime %s = %s %s %s, want %s READY with digest 2", workflow.runtime, rt.ID, rt.Status,
			rt.Spec.AgentRuntimeArtifact.ContainerConfiguration.ContainerURI, id)
	}
	if res := resourceNamed(e.deployment(t), runtimeType, workflow.name); res == nil || stateOutput(res, "status") != "READY" {
		t.Errorf("state of runtime %s = %+v, want READY", workflow.name, res)
	}
}

// waitFor polls cond every 20 ms for up to a minute.
func (e *env) waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(time.Minute); !cond(); time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s; calls %+v", what, e.fake.Calls())
		}
	}
}

// killProvider SIGKILLs the provider processes serving this stack: those whose environment
// points at this test's fake (parallel tests each have their own). It returns how many.
func (e *env) killProvider(t *testing.T) int {
	t.Helper()
	marker := []byte(provider.EndpointEnvAgentCore + "=" + e.fake.URL() + "\x00")
	procs, err := filepath.Glob("/proc/[0-9]*")
	if err != nil {
		t.Fatalf("listing processes: %v", err)
	}
	killed := 0
	for _, dir := range procs {
		cmdline, err := os.ReadFile(filepath.Join(dir, "cmdline"))
		if err != nil || filepath.Base(string(bytes.SplitN(cmdline, []byte{0}, 2)[0])) != providerBinary {
			continue // gone meanwhile, or another program
		}
		environ, err := os.ReadFile(filepath.Join(dir, "environ"))
		if err != nil || !bytes.Contains(environ, marker) {
			continue
		}
		pid, err := strconv.Atoi(filepath.Base(dir))
		if err != nil {
			continue
		}
		if err := syscall.Kill(pid, syscall.SIGKILL); err == nil {
			killed++
		}
	}
	return killed
}
