package observability

import (
	"fmt"
	"slices"
	"strings"
)

// DefaultNamespace is the CloudWatch namespace of the custom metric contract.
const DefaultNamespace = "BidOpsAI/Agents"

// Dimension keys of the custom metric contract.
const (
	DimAgent  = "Agent"
	DimStatus = "Status"
)

// SubAgents are the workflow's eight sub-agents. They emit under Agent=<sub-agent> but have no
// runtime of their own, so no agent may take one of their names.
var SubAgents = []string{"parser", "analysis", "knowledge", "content", "compliance", "qa", "comms", "submission"}

// AgentValues are the values of the Agent dimension: the given agents (one per runtime), then
// the sub-agents.
func AgentValues(agents []string) []string { return slices.Concat(agents, SubAgents) }

// WorkflowStatuses are the values of the Status dimension of WorkflowExecutions.
var WorkflowStatuses = []string{"Completed", "Failed"}

// DimensionValues lists, per dimension key, every value the given agents and the sub-agents may emit.
func DimensionValues(agents []string) map[string][]string {
	return map[string][]string{DimAgent: AgentValues(agents), DimStatus: WorkflowStatuses}
}

// agentPlaceholder stands for every agent id in the contract the README shows.
const agentPlaceholder = "<agent id>"

// Metric is one metric of the contract. Each entry of DimensionSets is one series family agents
// emit; the empty set is the all-agents aggregate, which alarms read because CloudWatch alarms
// cannot SEARCH and custom metrics are never summed across dimensions for you.
type Metric struct {
	// Name is the CloudWatch metric name.
	Name string
	// Unit is the CloudWatch unit agents must send (Count or Milliseconds).
	Unit string
	// Statistic is what the dashboard and alarms read (Sum for counts, Average for times).
	Statistic string
	// DimensionSets are the dimension key sets each datapoint is emitted with.
	DimensionSets [][]string
	// Description says when an agent emits the metric.
	Description string
}

// Units and statistics the contract uses.
const (
	UnitCount        = "Count"
	UnitMilliseconds = "Milliseconds"
	StatSum          = "Sum"
	StatAverage      = "Average"
)

// Metric names of the contract.
const (
	MetricTaskExecutions     = "TaskExecutions"
	MetricTaskDuration       = "TaskDuration"
	MetricTaskErrors         = "TaskErrors"
	MetricWorkflowExecutions = "WorkflowExecutions"
	MetricLLMInvocations     = "LLMInvocations"
	MetricLLMTokensInput     = "LLMTokensInput"  //nolint:gosec // G101: a metric name, not a credential
	MetricLLMTokensOutput    = "LLMTokensOutput" //nolint:gosec // G101: a metric name, not a credential
	MetricLLMLatency         = "LLMLatency"
)

// perAgent is emitted once with Agent=<agent> and once with no dimensions (the aggregate).
var perAgent = [][]string{{DimAgent}, {}}

// SeriesCount is how many custom metric series the contract makes the given agents and the
// sub-agents emit: per metric, the product of each dimension set's value counts (the empty set is
// one series). It is what the cost estimate prices.
func SeriesCount(agents []string) int {
	values, n := DimensionValues(agents), 0
	for _, m := range CustomMetrics {
		for _, set := range m.DimensionSets {
			series := 1
			for _, key := range set {
				series *= len(values[key])
			}
			n += series
		}
	}
	return n
}

// CustomMetrics is the contract agents emit to DefaultNamespace; the dashboard and alarms read
// only these series.
var CustomMetrics = []Metric{
	{MetricTaskExecutions, UnitCount, StatSum, perAgent, "1 per task an agent finishes, failed or not"},
	{MetricTaskDuration, UnitMilliseconds, StatAverage, perAgent, "wall time of one task"},
	{MetricTaskErrors, UnitCount, StatSum, perAgent, "1 per task that ends in an error"},
	{MetricWorkflowExecutions, UnitCount, StatSum, [][]string{{DimStatus}}, "1 per workflow run that ends"},
	{MetricLLMInvocations, UnitCount, StatSum, perAgent, "1 per model call"},
	{MetricLLMTokensInput, UnitCount, StatSum, perAgent, "input tokens of one model call"},
	{MetricLLMTokensOutput, UnitCount, StatSum, perAgent, "output tokens of one model call"},
	{MetricLLMLatency, UnitMilliseconds, StatAverage, perAgent, "time from request to last token of one model call"},
}

// LookupMetric returns the contract entry of a metric name.
func LookupMetric(name string) (Metric, bool) {
	i := slices.IndexFunc(CustomMetrics, func(m Metric) bool { return m.Name == name })
	if i < 0 {
		return Metric{}, false
	}
	return CustomMetrics[i], true
}

// ContractMarkdown renders the contract as the Markdown table the README shows agent authors,
// with a placeholder for the agents, which each stack configures.
func ContractMarkdown(namespace string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Namespace `%s`. Every row with two dimension sets is emitted twice per datapoint: "+
		"once with the dimension and once with none (the all-agents series alarms read). "+
		"`%s` is each agent's id (a key of `bidopsai:agents`), then come the workflow's sub-agents.\n\n",
		namespace, agentPlaceholder)
	values := DimensionValues([]string{agentPlaceholder})
	b.WriteString("| Metric | Unit | Statistic | Dimension sets | Dimension values | Emitted |\n")
	b.WriteString("|---|---|---|---|---|---|\n")
	for _, m := range CustomMetrics {
		var sets, cells []string
		for _, set := range m.DimensionSets {
			if len(set) == 0 {
				sets = append(sets, "(none)")
				continue
			}
			sets = append(sets, "`"+strings.Join(set, ", ")+"`")
			for _, k := range set {
				cells = append(cells, k+" = "+strings.Join(values[k], " \\| "))
			}
		}
		fmt.Fprintf(&b, "| `%s` | %s | %s | %s | %s | %s |\n", m.Name, m.Unit, m.Statistic,
			strings.Join(sets, " and "), strings.Join(cells, "; "), m.Description)
	}
	return b.String()
}
