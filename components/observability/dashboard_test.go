package observability

import (
	"maps"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/bidopsai/bidopsai-infra/internal/mock"
	"github.com/bidopsai/bidopsai-infra/internal/mock/mocktest"
)

func TestDashboard(t *testing.T) {
	full := monitoring.MustRun(t, validArgs())
	t.Run("has_the_fixed_name_of_the_environment", func(t *testing.T) {
		if got := inputs(mocktest.Only(t, full, tDashboard))["dashboardName"]; got != "BidOpsAI-Agents-dev" {
			t.Errorf("dashboardName %v", got)
		}
	})
	t.Run("body_parses_as_json_with_widgets_inside_the_24_column_grid", func(t *testing.T) {
		for i, w := range widgets(t, full) {
			x, _ := w["x"].(float64)
			width, _ := w["width"].(float64)
			if width < 1 || x+width > 24 {
				t.Errorf("widget %d at x=%v width=%v leaves the grid", i, x, width)
			}
		}
	})
	t.Run("has_nine_summary_widgets_and_four_per_runtime", func(t *testing.T) {
		if n := len(widgets(t, full)); n != 9+4*2 {
			t.Errorf("%d widgets with two runtimes, want 17", n)
		}
		if n := len(widgets(t, monitoring.MustRun(t, minimalArgs()))); n != 9 {
			t.Errorf("%d widgets without runtimes, want 9", n)
		}
	})
	t.Run("references_only_contract_metrics_with_contract_dimensions", func(t *testing.T) {
		for _, p := range plottedSeries(t, full) {
			if err := inContract(p, DefaultNamespace, validArgs().Agents); err != "" {
				t.Errorf("%s/%s %v: %s", p.namespace, p.name, p.dims, err)
			}
		}
	})
	t.Run("charts_every_contract_metric", func(t *testing.T) {
		seen := map[string]bool{}
		for _, p := range plottedSeries(t, full) {
			seen[p.name] = true
		}
		for _, m := range CustomMetrics {
			if !seen[m.Name] {
				t.Errorf("contract metric %s is not on the dashboard", m.Name)
			}
		}
	})
	t.Run("charts_agentcore_metrics_of_exactly_the_given_runtimes", func(t *testing.T) {
		got := map[string]bool{}
		for _, p := range plottedSeries(t, full) {
			if p.namespace == RuntimeNamespace {
				got[p.dims[DimResource]+" "+p.dims[DimName]] = true
			}
		}
		want := map[string]bool{workflowArn + " " + workflowName + "::DEFAULT": true,
			assistantArn + " " + assistantName + "::DEFAULT": true}
		if !maps.Equal(got, want) {
			t.Errorf("runtime series %v, want %v", got, want)
		}
		for _, p := range plottedSeries(t, monitoring.MustRun(t, minimalArgs())) {
			if p.namespace == RuntimeNamespace {
				t.Errorf("runtime metric %s charted without runtimes", p.name)
			}
		}
	})
	t.Run("uses_the_configured_namespace", func(t *testing.T) {
		args := validArgs()
		args.MetricsNamespace = "BidOpsAI/Test"
		for _, p := range plottedSeries(t, monitoring.MustRun(t, args)) {
			if p.namespace != "BidOpsAI/Test" && p.namespace != RuntimeNamespace {
				t.Errorf("series in namespace %s", p.namespace)
			}
		}
	})
	t.Run("queries_only_the_log_groups_this_component_creates", func(t *testing.T) {
		created := map[string]bool{}
		for _, r := range full.ByType(tLogGroup) {
			created[inputs(r)["name"].(string)] = true
		}
		queried := map[string]bool{}
		for _, q := range logQueries(t, full) {
			for _, m := range regexp.MustCompile(`SOURCE '([^']+)'`).FindAllStringSubmatch(q, -1) {
				queried[m[1]] = true
			}
		}
		want := 0
		for name := range created {
			if strings.HasPrefix(name, "/bidopsai/") {
				want++
			}
		}
		for name := range queried {
			if !created[name] {
				t.Errorf("the dashboard queries %s, which this component does not create", name)
			}
		}
		if len(queried) != want {
			t.Errorf("queried log groups %v, want the %d application log groups", slices.Sorted(maps.Keys(queried)), want)
		}
	})
	t.Run("draws_alarm_thresholds_at_the_alarm_period_only_when_alarms_are_on", func(t *testing.T) {
		got := thresholds(t, full)
		want := map[string]float64{"Task duration (ms)": 300000, "Task errors": 5, "LLM latency (ms)": 30000}
		if !maps.Equal(got, want) {
			t.Errorf("threshold lines %v, want %v", got, want)
		}
		if got := thresholds(t, monitoring.MustRun(t, minimalArgs())); len(got) != 0 {
			t.Errorf("threshold lines without alarms: %v", got)
		}
		args := validArgs()
		args.Alarms.PeriodSeconds = 60
		for _, w := range widgets(t, monitoring.MustRun(t, args)) {
			if props, _ := w["properties"].(map[string]any); w["type"] == "metric" && props["period"] != float64(60) {
				t.Errorf("widget %v has period %v, want the alarm period 60", props["title"], props["period"])
			}
		}
	})
}

// inContract explains why a plotted series is not one the contract or AgentCore publishes, or "".
func inContract(p plotted, namespace string, agents []string) string {
	keys := slices.Sorted(maps.Keys(p.dims))
	switch p.namespace {
	case namespace:
		m, ok := LookupMetric(p.name)
		if !ok {
			return "metric not in the contract"
		}
		if !slices.ContainsFunc(m.DimensionSets, func(set []string) bool { return slices.Equal(slices.Sorted(slices.Values(set)), keys) }) {
			return "dimension keys are not one of the contract's sets"
		}
		for k, v := range p.dims {
			if !slices.Contains(DimensionValues(agents)[k], v) {
				return "dimension value " + v + " is never emitted"
			}
		}
	case RuntimeNamespace:
		if _, ok := RuntimeMetrics[p.name]; !ok {
			return "not an AgentCore runtime metric"
		}
		if !slices.Equal(keys, slices.Sorted(slices.Values(RuntimeDimensionKeys))) || p.dims[DimOperation] != RuntimeOperation ||
			!strings.HasSuffix(p.dims[DimName], "::"+RuntimeEndpoint) {
			return "not AgentCore's per-runtime dimension set"
		}
	default:
		return "namespace not emitted to"
	}
	return ""
}

func logQueries(t *testing.T, mon *mock.Monitor) []string {
	t.Helper()
	var out []string
	for _, w := range widgets(t, mon) {
		if w["type"] == "log" {
			props, _ := w["properties"].(map[string]any)
			q, _ := props["query"].(string)
			out = append(out, q)
		}
	}
	if len(out) != 1 {
		t.Fatalf("want one Logs Insights widget, found %d", len(out))
	}
	return out
}

// thresholds maps widget titles to the values of their horizontal annotations.
func thresholds(t *testing.T, mon *mock.Monitor) map[string]float64 {
	t.Helper()
	out := map[string]float64{}
	for _, w := range widgets(t, mon) {
		props, _ := w["properties"].(map[string]any)
		ann, _ := props["annotations"].(map[string]any)
		lines, _ := ann["horizontal"].([]any)
		for _, l := range lines {
			line, _ := l.(map[string]any)
			v, _ := line["value"].(float64)
			title, _ := props["title"].(string)
			out[title] = v
		}
	}
	return out
}
