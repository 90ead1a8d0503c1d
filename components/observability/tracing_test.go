package observability

import (
	"testing"

	"github.com/bidopsai/bidopsai-infra/internal/mock/mocktest"
)

func TestTracing(t *testing.T) {
	t.Run("creates_a_group_filtering_on_the_agents_services", func(t *testing.T) {
		in := inputs(mocktest.Only(t, monitoring.MustRun(t, validArgs()), tGroup))
		want := `service("bidopsai-dev-workflow") OR service("bidopsai-dev-ai-assistant")`
		if in["groupName"] != "bidopsai-dev" || in["filterExpression"] != want {
			t.Errorf("group %v filter %v, want bidopsai-dev and %s", in["groupName"], in["filterExpression"], want)
		}
	})
	for _, rate := range []float64{0.05, 1} {
		t.Run("samples_at_the_configured_fixed_rate_"+map[float64]string{0.05: "5_percent", 1: "100_percent"}[rate], func(t *testing.T) {
			args := validArgs()
			args.Tracing.SamplingRate = rate
			in := inputs(mocktest.Only(t, monitoring.MustRun(t, args), tSampling))
			if in["fixedRate"] != rate || in["reservoirSize"] != 1.0 || in["priority"] != 1000.0 {
				t.Errorf("fixedRate %v reservoir %v priority %v", in["fixedRate"], in["reservoirSize"], in["priority"])
			}
			if in["serviceName"] != "bidopsai-dev-*" || in["ruleName"] != "bidopsai-dev" || in["version"] != 1.0 {
				t.Errorf("serviceName %v ruleName %v version %v", in["serviceName"], in["ruleName"], in["version"])
			}
		})
	}
	t.Run("creates_neither_group_nor_rule_when_disabled", func(t *testing.T) {
		args := validArgs()
		args.Tracing.Enabled = false
		mon := monitoring.MustRun(t, args)
		if n := len(mon.ByType(tGroup)) + len(mon.ByType(tSampling)); n != 0 {
			t.Errorf("%d X-Ray resources with tracing disabled", n)
		}
	})
}
