//go:build e2e

package e2e

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/bidopsai/bidopsai-infra/internal/fakeaws"
	"github.com/bidopsai/bidopsai-infra/internal/inventory"
	"github.com/bidopsai/bidopsai-infra/internal/plan"
)

// Latencies of the critical-path measurement: an AWS resource, an image build, a runtime create.
const (
	awsLatency     = 1 * time.Second
	imageLatency   = 10 * time.Second
	runtimeLatency = 30 * time.Second
)

// latencyOf is what one resource of typ costs in the measurement (components and providers: 0).
func latencyOf(typ string) time.Duration {
	switch {
	case typ == "docker:index/image:Image":
		return imageLatency
	case typ == runtimeType:
		return runtimeLatency
	case typ == "random:index/randomPassword:RandomPassword":
		return 0
	case strings.HasPrefix(typ, "aws:") || typ == projectType:
		return awsLatency
	}
	return 0
}

// criticalPath is the longest chain of latencies through the plan's dependencies, and the chain.
func criticalPath(rs []inventory.Resource) (time.Duration, []string) {
	byURN := map[string]inventory.Resource{}
	for _, r := range rs {
		byURN[r.URN] = r
	}
	type best struct {
		d     time.Duration
		chain []string
	}
	memo := map[string]best{}
	var walk func(urn string) best
	walk = func(urn string) best {
		if b, ok := memo[urn]; ok {
			return b
		}
		r := byURN[urn]
		var longest best
		for _, dep := range r.Dependencies {
			if b := walk(dep); b.d > longest.d {
				longest = b
			}
		}
		b := best{d: longest.d + latencyOf(r.Type), chain: append(append([]string{}, longest.chain...), r.Name)}
		memo[urn] = b
		return b
	}
	var top best
	for _, r := range rs {
		if b := walk(r.URN); b.d > top.d {
			top = b
		}
	}
	return top.d, top.chain
}

// TestDevUpCriticalPath measures a dev `up` with stand-in latencies against the plan's longest
// dependency chain. It takes a few minutes, so it runs only with E2E_CRITICAL_PATH=1
// (make e2e-critical-path); it reports and does not judge (timings are the machine's).
func TestDevUpCriticalPath(t *testing.T) {
	if os.Getenv("E2E_CRITICAL_PATH") == "" {
		t.Skip("set E2E_CRITICAL_PATH=1 (make e2e-critical-path) to measure the deploy's critical path")
	}
	p := newProjectEnv(t, "dev", projectOptions{latency: strings.Join([]string{
		"*=" + awsLatency.String(), "docker:index/image:Image=" + imageLatency.String(),
		"random:index/randomPassword:RandomPassword=0s",
	}, ",")})
	p.script(t, fakeaws.KindRuntime, fakeaws.PhaseCreate, fakeaws.Script{After: runtimeLatency})
	p.script(t, fakeaws.KindProject, fakeaws.PhaseCreate, fakeaws.Script{After: awsLatency})
	res, err := plan.Stack(p.repo, "dev", true)
	if err != nil {
		t.Fatal(err)
	}
	chain, names := criticalPath(res.Inventory.Resources)
	start := time.Now()
	mustSucceed(t, "up", p.up(t))
	wall := time.Since(start)
	t.Logf("dev up: %.1fs wall; longest dependency chain %.1fs (%s); ratio %.2f",
		wall.Seconds(), chain.Seconds(), strings.Join(names, " -> "), wall.Seconds()/chain.Seconds())
	// Where the time went: each stand-in create against the up's start, for spotting waits that
	// no data dependency explains.
	calls, _ := p.calls(t)
	for _, c := range calls {
		onPath := c.Type == "docker:index/image:Image" || strings.HasPrefix(c.Type, "aws:ecr/") ||
			strings.Contains(c.Token, "ecr")
		if onPath {
			_, name, _ := strings.Cut(c.URN, "::"+"bidopsai::")
			t.Logf("  %-7s %-45s %-40s at %5.1fs", c.Method, c.Type+c.Token, name[strings.LastIndex(name, ":")+1:],
				c.At.Sub(start).Seconds())
		}
	}
	for _, c := range p.fake.Calls() {
		if c.Op == "CreateAgentRuntime" || c.Op == "CreateDataAutomationProject" {
			t.Logf("  %s %s at %.1fs", c.Op, c.Resource, c.At.Sub(start).Seconds())
		}
	}
}
