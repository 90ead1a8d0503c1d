package observability

import (
	"maps"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/bidopsai/bidopsai-infra/internal/mock/mocktest"
)

func TestAlarms(t *testing.T) {
	mon := monitoring.MustRun(t, validArgs())
	alarms := mocktest.ByName(mon, tAlarm)
	topic := mocktest.Only(t, mon, tTopic).Outputs["arn"].StringValue()
	t.Run("creates_three_contract_alarms_and_two_per_runtime", func(t *testing.T) {
		want := []string{"observability-ai-assistant-runtime-system-errors", "observability-ai-assistant-runtime-throttles",
			"observability-high-error-rate", "observability-high-llm-latency", "observability-long-task-duration",
			"observability-workflow-runtime-system-errors", "observability-workflow-runtime-throttles"}
		if got := slices.Sorted(maps.Keys(alarms)); !slices.Equal(got, want) {
			t.Fatalf("alarms %v, want %v", got, want)
		}
	})
	t.Run("contract_alarms_read_the_all_agents_series_above_the_configured_thresholds", func(t *testing.T) {
		for name, want := range map[string][3]any{
			"observability-high-error-rate":    {MetricTaskErrors, "Sum", 5.0},
			"observability-long-task-duration": {MetricTaskDuration, "Average", 300000.0},
			"observability-high-llm-latency":   {MetricLLMLatency, "Average", 30000.0},
		} {
			in := inputs(alarms[name])
			got := [3]any{in["metricName"], in["statistic"], in["threshold"]}
			if got != want || in["namespace"] != DefaultNamespace || in["dimensions"] != nil {
				t.Errorf("%s reads %v in %v with dims %v, want %v in %s with none", name, got, in["namespace"], in["dimensions"], want, DefaultNamespace)
			}
		}
	})
	t.Run("runtime_alarms_read_agentcore_series_of_their_runtime_above_zero", func(t *testing.T) {
		for name, want := range map[string][2]string{
			"observability-workflow-runtime-system-errors":     {RuntimeSystemErrors, workflowArn},
			"observability-workflow-runtime-throttles":         {RuntimeThrottles, workflowArn},
			"observability-ai-assistant-runtime-system-errors": {RuntimeSystemErrors, assistantArn},
			"observability-ai-assistant-runtime-throttles":     {RuntimeThrottles, assistantArn},
		} {
			in := inputs(alarms[name])
			runtimeName := map[string]string{workflowArn: workflowName, assistantArn: assistantName}[want[1]]
			dims := map[string]any{DimOperation: RuntimeOperation, DimName: runtimeName + "::DEFAULT", DimResource: want[1]}
			if in["namespace"] != RuntimeNamespace || in["metricName"] != want[0] || in["statistic"] != "Sum" ||
				in["threshold"] != 0.0 || !reflect.DeepEqual(in["dimensions"], dims) {
				t.Errorf("%s: %v", name, in)
			}
		}
	})
	t.Run("every_alarm_uses_the_period_evaluation_periods_and_missing_data_setting", func(t *testing.T) {
		args := validArgs()
		args.Alarms.PeriodSeconds, args.Alarms.EvaluationPeriods = 60, 3
		for name, r := range mocktest.ByName(monitoring.MustRun(t, args), tAlarm) {
			in := inputs(r)
			if in["period"] != 60.0 || in["evaluationPeriods"] != 3.0 || in["datapointsToAlarm"] != 3.0 ||
				in["treatMissingData"] != "notBreaching" || in["comparisonOperator"] != "GreaterThanThreshold" {
				t.Errorf("%s: period %v, evaluationPeriods %v, datapointsToAlarm %v, treatMissingData %v, comparison %v",
					name, in["period"], in["evaluationPeriods"], in["datapointsToAlarm"], in["treatMissingData"], in["comparisonOperator"])
			}
		}
	})
	t.Run("every_alarm_notifies_the_topic_on_alarm_and_on_ok_with_actions_enabled", func(t *testing.T) {
		for name, r := range alarms {
			in := inputs(r)
			want := []any{topic}
			if !reflect.DeepEqual(in["alarmActions"], want) || !reflect.DeepEqual(in["okActions"], want) || in["actionsEnabled"] != true {
				t.Errorf("%s: alarmActions %v okActions %v actionsEnabled %v, want %v", name, in["alarmActions"], in["okActions"], in["actionsEnabled"], topic)
			}
			if d, _ := in["alarmDescription"].(string); !strings.HasPrefix(d, "[bidopsai dev] ") {
				t.Errorf("%s: description %q does not name the environment", name, d)
			}
		}
	})
	t.Run("every_alarm_series_is_on_the_dashboard_with_the_same_statistic", func(t *testing.T) {
		lines := plottedSeries(t, mon)
		for name, r := range alarms {
			in := inputs(r)
			dims := map[string]string{}
			if d, ok := in["dimensions"].(map[string]any); ok {
				for k, v := range d {
					dims[k], _ = v.(string)
				}
			}
			if !slices.ContainsFunc(lines, func(p plotted) bool {
				return p.namespace == in["namespace"] && p.name == in["metricName"] && p.stat == in["statistic"] && maps.Equal(p.dims, dims)
			}) {
				t.Errorf("%s reads %v/%v %v (%v), which no dashboard line shows", name, in["namespace"], in["metricName"], dims, in["statistic"])
			}
		}
	})
	t.Run("subscribes_each_email_to_the_topic", func(t *testing.T) {
		var got []string
		for _, r := range mon.ByType(tSubscription) {
			in := inputs(r)
			if in["protocol"] != "email" || in["topic"] != topic {
				t.Errorf("%s: protocol %v topic %v", r.Name, in["protocol"], in["topic"])
			}
			got = append(got, in["endpoint"].(string))
		}
		if !sameSet(got, []string{"ops@bidopsai.com", "oncall@bidopsai.com"}) {
			t.Errorf("subscriptions %v", got)
		}
	})
	t.Run("encrypts_the_topic_with_the_given_key_and_never_with_the_aws_managed_sns_key", func(t *testing.T) {
		if _, ok := inputs(mocktest.Only(t, mon, tTopic))["kmsMasterKeyId"]; ok {
			t.Error("topic has a key although none was given (alias/aws/sns would block alarm delivery)")
		}
		args := validArgs()
		args.KMSKeyArn = pulumi.String(testKey)
		if got := inputs(mocktest.Only(t, monitoring.MustRun(t, args), tTopic))["kmsMasterKeyId"]; got != testKey {
			t.Errorf("kmsMasterKeyId %v, want %s", got, testKey)
		}
	})
	t.Run("creates_no_topic_subscription_or_alarm_when_disabled", func(t *testing.T) {
		args := validArgs()
		args.Alarms.Enabled = false
		off := monitoring.MustRun(t, args)
		for _, typ := range []string{tTopic, tSubscription, tAlarm} {
			if n := len(off.ByType(typ)); n != 0 {
				t.Errorf("%d %s with alarms disabled", n, typ)
			}
		}
	})
}
