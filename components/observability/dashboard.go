package observability

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/cloudwatch"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// DashboardName is the dashboard's fixed name; runbooks and the console URL rely on it.
func DashboardName(stack string) string { return "BidOpsAI-Agents-" + stack }

// defaultPeriod is the widgets' period when alarms are off (with alarms on, the alarms' period,
// so a threshold line is comparable with the plotted points).
const defaultPeriod = 300

// Colours of the series the alarms read and of failures.
const (
	red   = "#d62728"
	green = "#2ca02c"
)

// dashboardInput is everything the body depends on, resolved to plain values.
type dashboardInput struct {
	stack, region, namespace string
	agents                   []string // the Agent dimension's values, per-agent lines in this order
	period                   int
	logGroups                []string
	runtimes                 []runtimeRef
	alarms                   *AlarmSettings // nil: no threshold lines
}

// runtimeRef is a runtime with its ARN resolved.
type runtimeRef struct {
	agent, name, arn string
}

// dashboard creates the dashboard once the runtimes' ARNs are known.
func (b *builder) dashboard(groups []*cloudwatch.LogGroup) (*cloudwatch.Dashboard, error) {
	in := dashboardInput{stack: b.args.Stack, region: b.args.Region, namespace: b.namespace,
		agents: AgentValues(b.args.Agents), period: defaultPeriod}
	if b.args.Alarms.Enabled {
		in.alarms, in.period = &b.args.Alarms, b.args.Alarms.PeriodSeconds
	}
	var deps []any
	for _, g := range groups {
		deps = append(deps, g.Name)
	}
	for _, r := range b.args.Runtimes {
		deps = append(deps, r.Arn)
	}
	runtimes := b.args.Runtimes
	body := pulumi.All(deps...).ApplyT(func(v []any) (string, error) {
		resolved := in
		names, err := asStrings(v[:len(groups)], "log group name")
		if err != nil {
			return "", err
		}
		arns, err := asStrings(v[len(groups):], "runtime ARN")
		if err != nil {
			return "", err
		}
		resolved.logGroups = names
		for i, r := range runtimes {
			resolved.runtimes = append(resolved.runtimes, runtimeRef{agent: r.Agent, name: r.Name, arn: arns[i]})
		}
		return dashboardBody(resolved)
	}).(pulumi.StringOutput)
	d, err := cloudwatch.NewDashboard(b.ctx, b.name+"-dashboard", &cloudwatch.DashboardArgs{
		DashboardName: pulumi.String(DashboardName(b.args.Stack)),
		DashboardBody: body,
	}, pulumi.Parent(b.parent))
	if err != nil {
		return nil, fmt.Errorf("dashboard: %w", err)
	}
	return d, nil
}

// asStrings checks that resolved outputs are strings.
func asStrings(v []any, what string) ([]string, error) {
	out := make([]string, len(v))
	for i, x := range v {
		s, ok := x.(string)
		if !ok {
			return nil, fmt.Errorf("%s %d: expected a string, got %T", what, i, x)
		}
		out[i] = s
	}
	return out, nil
}

// dashboardBody renders the dashboard JSON: the header, the eight contract widgets, then one
// row of AgentCore metrics per runtime.
func dashboardBody(in dashboardInput) (string, error) {
	g := &grid{}
	g.add(24, 2, "text", textProps{Markdown: fmt.Sprintf("# BidOps AI agents (%s)\nCustom metrics: `%s` "+
		"(contract in components/observability/README.md). Lines labelled *all agents* are the series "+
		"the alarms read. AgentCore runtime metrics: `%s`.", in.stack, in.namespace, RuntimeNamespace)})
	in.contractWidgets(g)
	g.add(24, 6, "log", logProps{Title: "Recent errors (agent and system logs)", Region: in.region,
		View: "table", Query: errorQuery(in.logGroups)})
	for _, r := range in.runtimes {
		in.runtimeRow(g, r)
	}
	out, err := json.Marshal(dashboardDoc{Start: "-PT3H", PeriodOverride: "inherit", Widgets: g.widgets})
	if err != nil {
		return "", fmt.Errorf("dashboard body: %w", err)
	}
	return string(out), nil
}

// contractWidgets charts the seven custom-metric widgets, with alarm thresholds where alarms read.
func (in dashboardInput) contractWidgets(g *grid) {
	c := contractSeries{namespace: in.namespace, agents: in.agents}
	var th AlarmSettings
	if in.alarms != nil {
		th = *in.alarms
	}
	g.add(12, 6, "metric", in.graph("Task executions", nil, c.allAndPerAgent(MetricTaskExecutions, "")))
	g.add(12, 6, "metric", in.graph("Task duration (ms)", in.threshold("task duration", th.TaskDurationMs),
		c.allAndPerAgent(MetricTaskDuration, "")))
	g.add(12, 6, "metric", in.graph("Task errors", in.threshold("error", th.ErrorThreshold),
		c.allAndPerAgent(MetricTaskErrors, red)))
	g.add(12, 6, "metric", in.graph("Workflow executions", nil, []series{
		c.with(MetricWorkflowExecutions, map[string]string{DimStatus: "Completed"}, "Completed", green),
		c.with(MetricWorkflowExecutions, map[string]string{DimStatus: "Failed"}, "Failed", red),
	}))
	g.add(8, 6, "metric", in.graph("LLM invocations", nil, c.allAndPerAgent(MetricLLMInvocations, "")))
	g.add(8, 6, "metric", in.graph("LLM token usage", nil, []series{
		c.with(MetricLLMTokensInput, nil, "input tokens (all agents)", ""),
		c.with(MetricLLMTokensOutput, nil, "output tokens (all agents)", ""),
	}))
	maxLatency := c.all(MetricLLMLatency, red)
	maxLatency.stat, maxLatency.label = "Maximum", "maximum (all agents)"
	g.add(8, 6, "metric", in.graph("LLM latency (ms)", in.threshold("LLM latency", th.LLMLatencyMs),
		[]series{c.all(MetricLLMLatency, ""), maxLatency}))
}

// runtimeRow charts one runtime's AgentCore metrics: invocations, errors, throttles, latency.
func (in dashboardInput) runtimeRow(g *grid, r runtimeRef) {
	s := func(metric, label, color string) series {
		return series{namespace: RuntimeNamespace, name: metric, dims: runtimeDimensions(r.name, r.arn),
			stat: RuntimeMetrics[metric], label: label, color: color}
	}
	title := "AgentCore " + r.agent + " runtime: "
	g.add(6, 6, "metric", in.graph(title+"invocations", nil, []series{s(RuntimeInvocations, "invocations", "")}))
	g.add(6, 6, "metric", in.graph(title+"errors", nil, []series{
		s(RuntimeSystemErrors, "system errors", red), s(RuntimeUserErrors, "user errors", "")}))
	g.add(6, 6, "metric", in.graph(title+"throttles", nil, []series{s(RuntimeThrottles, "throttles", red)}))
	g.add(6, 6, "metric", in.graph(title+"latency (ms)", nil, []series{s(RuntimeLatency, "average latency", "")}))
}

func (in dashboardInput) graph(title string, ann *annotations, ss []series) metricProps {
	rows := make([][]any, len(ss))
	for i, s := range ss {
		rows[i] = s.row()
	}
	return metricProps{Title: title, Region: in.region, View: "timeSeries", Period: in.period,
		Stat: ss[0].stat, Metrics: rows, Annotations: ann}
}

// threshold draws an alarm's threshold when alarms are on.
func (in dashboardInput) threshold(what string, value float64) *annotations {
	if in.alarms == nil {
		return nil
	}
	return &annotations{Horizontal: []hLine{{Label: what + " alarm", Value: value, Color: red}}}
}

// errorQuery is the Logs Insights query over exactly the given log groups.
func errorQuery(groups []string) string {
	var b strings.Builder
	for _, g := range groups {
		fmt.Fprintf(&b, "SOURCE '%s' | ", g)
	}
	b.WriteString("fields @timestamp, @log, @logStream, @message | filter @message like /(?i)error/ | " +
		"sort @timestamp desc | limit 50")
	return b.String()
}

// contractSeries builds lines for contract metrics, with the contract's statistic.
type contractSeries struct {
	namespace string
	agents    []string
}

func (c contractSeries) with(metric string, dims map[string]string, label, color string) series {
	m, _ := LookupMetric(metric)
	return series{namespace: c.namespace, name: metric, dims: dims, stat: m.Statistic, label: label, color: color}
}

// all is the aggregate (no dimensions) series the alarms read.
func (c contractSeries) all(metric, color string) series {
	return c.with(metric, nil, "all agents", color)
}

// allAndPerAgent is the aggregate line followed by one line per agent.
func (c contractSeries) allAndPerAgent(metric, color string) []series {
	out := []series{c.all(metric, color)}
	for _, a := range c.agents {
		out = append(out, c.with(metric, map[string]string{DimAgent: a}, a, ""))
	}
	return out
}
