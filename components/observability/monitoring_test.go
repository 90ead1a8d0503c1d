package observability

import (
	"reflect"
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/bidopsai/bidopsai-infra/internal/mock"
	"github.com/bidopsai/bidopsai-infra/internal/mock/mocktest"
)

func TestInventory(t *testing.T) {
	for _, tc := range []struct {
		name   string
		mutate func(*MonitoringArgs)
		want   map[string]int
	}{
		{"registers_log_groups_and_dashboard_only_when_alarms_and_tracing_are_off", func(a *MonitoringArgs) {
			*a = *minimalArgs()
		}, map[string]int{TypeToken: 1, tLogGroup: 3, tDashboard: 1}},
		{"registers_topic_subscriptions_alarms_tracing_and_runtime_log_groups_with_two_runtimes", nil, map[string]int{
			TypeToken: 1, tLogGroup: 3 + 2, tDashboard: 1, tTopic: 1, tSubscription: 2, tAlarm: 3 + 2*2, tGroup: 1, tSampling: 1}},
		{"registers_only_contract_alarms_without_runtimes", func(a *MonitoringArgs) { a.Runtimes = nil }, map[string]int{
			TypeToken: 1, tLogGroup: 3, tDashboard: 1, tTopic: 1, tSubscription: 2, tAlarm: 3, tGroup: 1, tSampling: 1}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			args := validArgs()
			if tc.mutate != nil {
				tc.mutate(args)
			}
			got := map[string]int{}
			for _, r := range monitoring.MustRun(t, args).Resources() {
				got[r.Type]++
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Fatalf("resources per type %v, want %v", got, tc.want)
			}
		})
	}
}

func TestParentsAndNames(t *testing.T) {
	t.Run("every_child_is_parented_to_the_component_and_named_from_it", func(t *testing.T) {
		mon := monitoring.MustRun(t, validArgs())
		mocktest.Only(t, mon, TypeToken)
		mocktest.CheckChildren(t, mon, TypeToken)
	})
	t.Run("tags_every_taggable_child_with_the_tier", func(t *testing.T) {
		for _, r := range monitoring.MustRun(t, validArgs()).Resources() {
			if r.Type == TypeToken || r.Type == tDashboard || r.Type == tSubscription {
				continue
			}
			want := map[string]any{"component": "observability", "owner": "platform"}
			if got := inputs(r)["tags"]; !reflect.DeepEqual(got, want) {
				t.Errorf("%s %q: tags %v, want %v", r.Type, r.Name, got, want)
			}
		}
	})
}

// outputsOf builds the component and reads its outputs.
func outputsOf(t *testing.T, args *MonitoringArgs) (map[string]any, int) {
	t.Helper()
	count := -1
	_, got, err := monitoring.Outputs(args, func(c *Monitoring) map[string]pulumi.Output {
		count = c.AlarmCount
		return map[string]pulumi.Output{"agents": c.AgentLogGroupNames,
			"system": c.SystemLogGroupName, "arns": c.LogGroupArns, "dashboard": c.DashboardName,
			"url": c.DashboardURL, "topic": c.AlarmTopicArn}
	})
	if err != nil {
		t.Fatal(err)
	}
	return got, count
}

func TestOutputs(t *testing.T) {
	logARN := func(n string) string { return "arn:aws:logs:us-east-1:" + mock.Account + ":log-group:" + n }
	t.Run("exports_log_groups_dashboard_url_and_topic_when_alarms_are_on", func(t *testing.T) {
		got, count := outputsOf(t, validArgs())
		topic, _ := got["topic"].(string)
		want := map[string]any{
			"agents": map[string]string{"workflow": "/bidopsai/dev/agents/workflow",
				"ai-assistant": "/bidopsai/dev/agents/ai-assistant"},
			"system": "/bidopsai/dev/system",
			"arns": []string{logARN("/bidopsai/dev/agents/workflow"), logARN("/bidopsai/dev/agents/ai-assistant"),
				logARN("/bidopsai/dev/system")},
			"dashboard": "BidOpsAI-Agents-dev",
			"url":       "https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1#dashboards:name=BidOpsAI-Agents-dev",
			"topic":     topic,
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("outputs\n got %v\nwant %v", got, want)
		}
		if !strings.HasPrefix(topic, "arn:aws:sns:us-east-1:"+mock.Account+":") {
			t.Errorf("topic ARN %q", topic)
		}
		if count != 7 {
			t.Errorf("AlarmCount %d, want 7", count)
		}
	})
	t.Run("exports_an_empty_topic_and_zero_alarms_when_alarms_are_off", func(t *testing.T) {
		got, count := outputsOf(t, minimalArgs())
		if got["topic"] != "" || count != 0 {
			t.Errorf("topic %v, AlarmCount %d; want \"\" and 0", got["topic"], count)
		}
	})
}
