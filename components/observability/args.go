package observability

import "github.com/pulumi/pulumi/sdk/v3/go/pulumi"

// MonitoringArgs configures the observability tier. Every field is a plain value except
// KMSKeyArn and the runtimes' ID and Arn; all are validated before anything is registered.
type MonitoringArgs struct {
	// Stack is the stack's name (dev, prod, dev-alice); it names the log groups, dashboard and
	// tracing group, so stacks side by side in one account never share one. No default; 1-20 characters
	// of a-z, 0-9 and '-', starting with a letter.
	Stack string
	// Region is the AWS region of the dashboard widgets and console URL. No default; like us-east-1.
	Region string `config:"aws:region"`
	// Agents are the stack's agent ids, lowercase kebab-case (workflow, ai-assistant): each gets a
	// log group, traced services and its own lines on the dashboard; a runtime's agent is one of
	// them. No default; at least one, distinct, none a sub-agent's name (SubAgents).
	Agents []string
	// LogRetentionDays is how long the log groups keep events. No default; one of CloudWatch
	// Logs' values (1, 3, 5, 7, 14, 30, ... 3653); 0 (never expire) is refused.
	LogRetentionDays int `config:"logRetentionDays" default:"30"`
	// KMSKeyArn, when set, encrypts the log groups and the alarm topic; its policy must admit
	// logs.<region>.amazonaws.com and cloudwatch.amazonaws.com. Default nil: CloudWatch Logs' own
	// encryption and an unencrypted topic (not alias/aws/sns, see alarms.go). Plain values: a key ARN.
	KMSKeyArn pulumi.StringInput
	// MetricsNamespace is where agents emit the custom metrics. Default "" means DefaultNamespace;
	// otherwise 1-255 characters of letters, digits and . - _ / # :, not starting with "AWS/".
	MetricsNamespace string
	// Alarms configures the alarms and their notification topic.
	Alarms AlarmSettings
	// Tracing configures the X-Ray group and sampling rule.
	Tracing TracingSettings
	// Runtimes are the AgentCore runtimes to chart and alarm on. Default none (the runtime tier may
	// not exist yet): their widgets and alarms are skipped.
	Runtimes []Runtime
	// Protect sets protect + retain-on-delete on the agents' and system log groups. Default false.
	Protect bool
	// Tags are extra tags for every taggable child; the tier's component tag always wins. Default
	// none; keys 1-128 characters, not starting with "aws:"; values up to 256 characters.
	Tags map[string]string
}

// AlarmSettings configures the alarms. When Enabled is false and every field is zero, nothing
// here is read or validated.
type AlarmSettings struct {
	// Enabled creates the topic, its subscriptions and the alarms. Default false.
	Enabled bool `config:"alarms.enabled"`
	// ErrorThreshold alarms when the all-agents TaskErrors sum in one period exceeds it. >= 0.
	ErrorThreshold float64 `config:"alarms.errorThreshold" default:"10"`
	// TaskDurationMs alarms when the all-agents average TaskDuration exceeds it. > 0.
	TaskDurationMs float64 `config:"alarms.taskDurationMs" default:"300000"`
	// LLMLatencyMs alarms when the all-agents average LLMLatency exceeds it. > 0.
	LLMLatencyMs float64 `config:"alarms.llmLatencyMs" default:"30000"`
	// PeriodSeconds is every alarm's period: 10, 20, 30 or a multiple of 60 up to 86400.
	PeriodSeconds int `config:"alarms.periodSeconds" default:"300"`
	// EvaluationPeriods is how many breaching periods in a row raise an alarm: 1-100.
	EvaluationPeriods int `config:"alarms.evaluationPeriods" default:"2"`
	// Emails each get an email subscription to the alarm topic. At least one when Enabled;
	// distinct addresses.
	Emails []string `config:"alarms.emails"`
}

// TracingSettings configures X-Ray. When Enabled is false and the rate is zero, nothing here is
// validated.
type TracingSettings struct {
	// Enabled creates the X-Ray group and sampling rule. Default false.
	Enabled bool `config:"tracing.enabled"`
	// SamplingRate is the fixed fraction of requests traced after the 1/s reservoir. 0 < rate <= 1.
	SamplingRate float64 `config:"tracing.samplingRate" default:"0.05"`
}

// Runtime is one AgentCore runtime, as the runtime tier outputs it.
type Runtime struct {
	// Agent is the agent the runtime hosts; one of MonitoringArgs.Agents, distinct across runtimes.
	Agent string
	// Name is the runtime's name (the Name dimension is Name::DEFAULT); ^[a-zA-Z][a-zA-Z0-9_]{0,47}$.
	Name string
	// ID is the runtime's id (agentRuntimeId). Required.
	ID pulumi.StringInput
	// Arn is the runtime's ARN (the Resource dimension). Required; a plain pulumi.String must be
	// arn:aws:bedrock-agentcore:<region>:<account>:runtime/<id>.
	Arn pulumi.StringInput
}
