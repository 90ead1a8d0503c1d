package observability

import (
	"encoding/json"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/bidopsai/bidopsai-infra/internal/mock"
	"github.com/bidopsai/bidopsai-infra/internal/mock/mocktest"
)

// Type tokens of the children, as the aws provider registers them.
const (
	tLogGroup     = "aws:cloudwatch/logGroup:LogGroup"
	tDashboard    = "aws:cloudwatch/dashboard:Dashboard"
	tAlarm        = "aws:cloudwatch/metricAlarm:MetricAlarm"
	tTopic        = "aws:sns/topic:Topic"
	tSubscription = "aws:sns/topicSubscription:TopicSubscription"
	tGroup        = "aws:xray/group:Group"
	tSampling     = "aws:xray/samplingRule:SamplingRule"
)

const (
	testKey        = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
	workflowArn    = "arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/bidopsai_dev_workflow-abc123"
	assistantArn   = "arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/bidopsai_dev_ai_assistant-def456"
	workflowName   = "bidopsai_dev_workflow"
	assistantName  = "bidopsai_dev_ai_assistant"
	testRegion     = "us-east-1"
	testEnv        = "dev"
	testComponents = "observability"
)

// testRuntimes are the two runtimes the runtime tier creates.
func testRuntimes() []Runtime {
	return []Runtime{
		{Agent: "workflow", Name: workflowName, ID: pulumi.String("bidopsai_dev_workflow-abc123"), Arn: pulumi.String(workflowArn)},
		{Agent: "ai-assistant", Name: assistantName, ID: pulumi.String("bidopsai_dev_ai_assistant-def456"), Arn: pulumi.String(assistantArn)},
	}
}

// validArgs is a compliant baseline with everything on; tests change one thing at a time.
func validArgs() *MonitoringArgs {
	return &MonitoringArgs{
		Stack:            testEnv,
		Region:           testRegion,
		Agents:           []string{"workflow", "ai-assistant"},
		LogRetentionDays: 30,
		MetricsNamespace: DefaultNamespace,
		Alarms: AlarmSettings{Enabled: true, ErrorThreshold: 5, TaskDurationMs: 300000, LLMLatencyMs: 30000,
			PeriodSeconds: 300, EvaluationPeriods: 2, Emails: []string{"ops@bidopsai.com", "oncall@bidopsai.com"}},
		Tracing:  TracingSettings{Enabled: true, SamplingRate: 0.05},
		Runtimes: testRuntimes(),
		Tags:     map[string]string{"owner": "platform"},
	}
}

// minimalArgs is the dev shape: alarms and tracing off, no runtimes yet.
func minimalArgs() *MonitoringArgs {
	a := validArgs()
	a.Alarms, a.Tracing, a.Runtimes = AlarmSettings{}, TracingSettings{}, nil
	return a
}

// monitoring runs the component under the mock; assertions happen after it returns.
var monitoring = mocktest.Tier[*MonitoringArgs, *Monitoring]{Stack: testEnv, Region: testRegion, Name: testComponents,
	New: NewMonitoring}

func inputs(r mock.Resource) map[string]any { return r.Inputs.Mappable() }

// dashboardJSON decodes the dashboard body generically, independent of our types.
func dashboardJSON(t *testing.T, mon *mock.Monitor) map[string]any {
	t.Helper()
	text, ok := inputs(mocktest.Only(t, mon, tDashboard))["dashboardBody"].(string)
	if !ok {
		t.Fatal("dashboard body is not a string")
	}
	var doc map[string]any
	if err := json.Unmarshal([]byte(text), &doc); err != nil {
		t.Fatalf("dashboard body is not valid JSON: %v\n%s", err, text)
	}
	return doc
}

// widgets returns the decoded widgets of the dashboard.
func widgets(t *testing.T, mon *mock.Monitor) []map[string]any {
	t.Helper()
	raw, ok := dashboardJSON(t, mon)["widgets"].([]any)
	if !ok {
		t.Fatal("dashboard has no widgets array")
	}
	out := make([]map[string]any, len(raw))
	for i, w := range raw {
		m, ok := w.(map[string]any)
		if !ok {
			t.Fatalf("widget %d is not an object", i)
		}
		out[i] = m
	}
	return out
}

// plotted is one metric line of a dashboard widget, decoded from CloudWatch's array form.
type plotted struct {
	namespace, name, stat string
	dims                  map[string]string
}

// plottedSeries decodes every metric line of every metric widget.
func plottedSeries(t *testing.T, mon *mock.Monitor) []plotted {
	t.Helper()
	var out []plotted
	for _, w := range widgets(t, mon) {
		if w["type"] != "metric" {
			continue
		}
		props, _ := w["properties"].(map[string]any)
		rows, _ := props["metrics"].([]any)
		for _, r := range rows {
			out = append(out, decodeRow(t, r))
		}
	}
	return out
}

func decodeRow(t *testing.T, r any) plotted {
	t.Helper()
	row, ok := r.([]any)
	if !ok || len(row) < 3 {
		t.Fatalf("metric row %v is not [namespace, name, ..., options]", r)
	}
	opts, ok := row[len(row)-1].(map[string]any)
	if !ok {
		t.Fatalf("metric row %v does not end with an options object", row)
	}
	p := plotted{dims: map[string]string{}}
	p.namespace, _ = row[0].(string)
	p.name, _ = row[1].(string)
	p.stat, _ = opts["stat"].(string)
	pairs := row[2 : len(row)-1]
	if len(pairs)%2 != 0 {
		t.Fatalf("metric row %v has an odd number of dimension entries", row)
	}
	for i := 0; i < len(pairs); i += 2 {
		k, _ := pairs[i].(string)
		v, _ := pairs[i+1].(string)
		p.dims[k] = v
	}
	return p
}
