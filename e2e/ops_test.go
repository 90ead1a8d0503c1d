//go:build e2e

package e2e

import (
	"maps"
	"testing"
	"time"

	"github.com/pulumi/pulumi/sdk/v3/go/auto"
	"github.com/pulumi/pulumi/sdk/v3/go/auto/events"
	"github.com/pulumi/pulumi/sdk/v3/go/auto/optdestroy"
	"github.com/pulumi/pulumi/sdk/v3/go/auto/optpreview"
	"github.com/pulumi/pulumi/sdk/v3/go/auto/optrefresh"
	"github.com/pulumi/pulumi/sdk/v3/go/auto/optup"
	"github.com/pulumi/pulumi/sdk/v3/go/common/apitype"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
)

// result is what one engine operation left: its error, its change summary by operation
// ("same", "create", "update", ...) and its engine events.
type result struct {
	err     error
	changes map[string]int
	events  []events.EngineEvent
}

// changed is the change summary without the unchanged resources.
func (r result) changed() map[string]int {
	out := maps.Clone(r.changes)
	delete(out, string(apitype.OpSame))
	return out
}

// ops lists the steps the engine announced for the resource of type typ named name.
func (r result) ops(typ, name string) []apitype.OpType {
	var out []apitype.OpType
	for _, ev := range r.events {
		if pre := ev.ResourcePreEvent; pre != nil && pre.Metadata.Type == typ && resource.URN(pre.Metadata.URN).Name() == name {
			out = append(out, pre.Metadata.Op)
		}
	}
	return out
}

// eventLog drains an engine event channel; the SDK closes it when the operation ends.
type eventLog struct {
	ch   chan events.EngineEvent
	done chan struct{}
	evs  []events.EngineEvent
}

func newEventLog() *eventLog {
	l := &eventLog{ch: make(chan events.EngineEvent), done: make(chan struct{})}
	go func() {
		defer close(l.done)
		for ev := range l.ch {
			l.evs = append(l.evs, ev)
		}
	}()
	return l
}

// wait returns the events; the bound only matters if the SDK failed before tailing the log.
func (l *eventLog) wait() []events.EngineEvent {
	select {
	case <-l.done:
		return l.evs
	case <-time.After(30 * time.Second):
		return nil
	}
}

func summary(s auto.UpdateSummary) map[string]int {
	if s.ResourceChanges == nil {
		return map[string]int{}
	}
	return *s.ResourceChanges
}

func (e *env) up(t *testing.T) result {
	t.Helper()
	l := newEventLog()
	res, err := e.stack.Up(t.Context(), optup.EventStreams(l.ch), optup.ProgressStreams(e), optup.ErrorProgressStreams(e))
	return result{err: err, changes: summary(res.Summary), events: l.wait()}
}

func (e *env) preview(t *testing.T) result {
	t.Helper()
	l := newEventLog()
	res, err := e.stack.Preview(t.Context(), optpreview.EventStreams(l.ch), optpreview.ProgressStreams(e),
		optpreview.ErrorProgressStreams(e))
	changes := map[string]int{}
	for op, n := range res.ChangeSummary {
		changes[string(op)] = n
	}
	return result{err: err, changes: changes, events: l.wait()}
}

func (e *env) refresh(t *testing.T) result {
	t.Helper()
	l := newEventLog()
	res, err := e.stack.Refresh(t.Context(), optrefresh.EventStreams(l.ch), optrefresh.ProgressStreams(e),
		optrefresh.ErrorProgressStreams(e))
	return result{err: err, changes: summary(res.Summary), events: l.wait()}
}

func (e *env) destroy(t *testing.T) result {
	t.Helper()
	l := newEventLog()
	res, err := e.stack.Destroy(t.Context(), optdestroy.EventStreams(l.ch), optdestroy.ProgressStreams(e),
		optdestroy.ErrorProgressStreams(e))
	return result{err: err, changes: summary(res.Summary), events: l.wait()}
}

// mustSucceed fails the test when the operation failed.
func mustSucceed(t *testing.T, what string, r result) result {
	t.Helper()
	if r.err != nil {
		t.Fatalf("%s failed: %v", what, r.err)
	}
	return r
}

// setDigest points agent a's runtime at another image digest (stack config <key>Digest).
func (e *env) setDigest(t *testing.T, a agent, d string) {
	t.Helper()
	if err := e.stack.SetConfig(t.Context(), a.digestKey(), auto.ConfigValue{Value: d}); err != nil {
		t.Fatalf("setting %s: %v", a.digestKey(), err)
	}
}
