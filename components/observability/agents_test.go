package observability

import (
	"maps"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/bidopsai/bidopsai-infra/internal/mock"
	"github.com/bidopsai/bidopsai-infra/internal/mock/mocktest"
)

const (
	researcherArn  = "arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/bidopsai_dev_researcher-ghi789"
	researcherName = "bidopsai_dev_researcher"
)

// threeAgents is validArgs with a third agent, "researcher", and its runtime.
func threeAgents() *MonitoringArgs {
	a := validArgs()
	a.Agents = append(a.Agents, "researcher")
	a.Runtimes = append(a.Runtimes, Runtime{Agent: "researcher", Name: researcherName,
		ID: pulumi.String("bidopsai_dev_researcher-ghi789"), Arn: pulumi.String(researcherArn)})
	return a
}

func TestAgentsAreData(t *testing.T) {
	mon := monitoring.MustRun(t, threeAgents())
	t.Run("creates_one_log_group_per_agent_under_its_id", func(t *testing.T) {
		groups := mocktest.ByName(mon, tLogGroup)
		for _, id := range []string{"workflow", "ai-assistant", "researcher"} {
			g, ok := groups["observability-"+id+"-logs"]
			if !ok {
				t.Fatalf("no log group observability-%s-logs (logical names must stay <name>-<id>-logs)", id)
			}
			if got := inputs(g)["name"]; got != "/bidopsai/dev/agents/"+id {
				t.Errorf("%s log group named %v", id, got)
			}
		}
		if n := len(groups); n != 3+1+3 {
			t.Errorf("%d log groups, want 3 agents + system + 3 runtimes", n)
		}
	})
	t.Run("charts_the_third_agent_and_its_runtime", func(t *testing.T) {
		perAgent := map[string]bool{}
		runtimes := map[string]bool{}
		for _, p := range plottedSeries(t, mon) {
			if err := inContract(p, DefaultNamespace, threeAgents().Agents); err != "" {
				t.Errorf("%s/%s %v: %s", p.namespace, p.name, p.dims, err)
			}
			if p.dims[DimAgent] == "researcher" {
				perAgent[p.name] = true
			}
			if p.namespace == RuntimeNamespace {
				runtimes[p.dims[DimName]] = true
			}
		}
		for _, m := range []string{MetricTaskExecutions, MetricTaskDuration, MetricTaskErrors, MetricLLMInvocations} {
			if !perAgent[m] {
				t.Errorf("%s has no researcher line", m)
			}
		}
		if !runtimes[researcherName+"::DEFAULT"] {
			t.Errorf("no AgentCore row for the researcher runtime; rows %v", slices.Sorted(maps.Keys(runtimes)))
		}
		if n := len(widgets(t, mon)); n != 9+4*3 {
			t.Errorf("%d widgets, want 9 + 4 per runtime", n)
		}
		if q := logQueries(t, mon)[0]; !strings.Contains(q, "SOURCE '/bidopsai/dev/agents/researcher'") {
			t.Errorf("error query misses the researcher log group: %s", q)
		}
	})
	t.Run("alarms_on_the_third_runtime", func(t *testing.T) {
		alarms := mocktest.ByName(mon, tAlarm)
		for _, suffix := range []string{"-runtime-system-errors", "-runtime-throttles"} {
			a, ok := alarms["observability-researcher"+suffix]
			if !ok {
				t.Fatalf("no alarm observability-researcher%s among %v", suffix, slices.Sorted(maps.Keys(alarms)))
			}
			dims, _ := inputs(a)["dimensions"].(map[string]any)
			if dims[DimResource] != researcherArn || dims[DimName] != researcherName+"::DEFAULT" {
				t.Errorf("observability-researcher%s dimensions %v", suffix, dims)
			}
		}
		if n := len(alarms); n != 3+2*3 {
			t.Errorf("%d alarms, want 3 contract alarms + 2 per runtime", n)
		}
	})
	t.Run("traces_the_third_agent_service", func(t *testing.T) {
		want := `service("bidopsai-dev-workflow") OR service("bidopsai-dev-ai-assistant") OR service("bidopsai-dev-researcher")`
		if got := inputs(mocktest.Only(t, mon, tGroup))["filterExpression"]; got != want {
			t.Errorf("filter %v, want %s", got, want)
		}
	})
	t.Run("metric_dimension_values_are_the_agents_then_the_sub_agents", func(t *testing.T) {
		agents := threeAgents().Agents
		want := append([]string{"workflow", "ai-assistant", "researcher"}, SubAgents...)
		if got := DimensionValues(agents)[DimAgent]; !slices.Equal(got, want) {
			t.Errorf("Agent values %v, want %v", got, want)
		}
		// 7 metrics per agent value plus their aggregate, and WorkflowExecutions per status.
		if got, want := SeriesCount(agents), 7*(3+len(SubAgents)+1)+len(WorkflowStatuses); got != want {
			t.Errorf("SeriesCount = %d, want %d", got, want)
		}
	})
	t.Run("exports_every_agent_log_group_by_id_and_arns_in_agent_order", func(t *testing.T) {
		names, arns := agentOutputs(t, threeAgents())
		want := map[string]string{"workflow": "/bidopsai/dev/agents/workflow",
			"ai-assistant": "/bidopsai/dev/agents/ai-assistant", "researcher": "/bidopsai/dev/agents/researcher"}
		if !reflect.DeepEqual(names, want) {
			t.Errorf("AgentLogGroupNames %v, want %v", names, want)
		}
		var wantArns []string
		for _, n := range []string{want["workflow"], want["ai-assistant"], want["researcher"], "/bidopsai/dev/system"} {
			wantArns = append(wantArns, "arn:aws:logs:us-east-1:"+mock.Account+":log-group:"+n)
		}
		if !slices.Equal(arns, wantArns) {
			t.Errorf("LogGroupArns %v, want %v", arns, wantArns)
		}
	})
}

// agentOutputs builds the component and reads AgentLogGroupNames and LogGroupArns.
func agentOutputs(t *testing.T, args *MonitoringArgs) (map[string]string, []string) {
	t.Helper()
	_, got, err := monitoring.Outputs(args, func(c *Monitoring) map[string]pulumi.Output {
		return map[string]pulumi.Output{"names": c.AgentLogGroupNames, "arns": c.LogGroupArns}
	})
	if err != nil {
		t.Fatal(err)
	}
	names, _ := got["names"].(map[string]string)
	arns, _ := got["arns"].([]string)
	return names, arns
}
