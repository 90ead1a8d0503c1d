package observability

import (
	"math"
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/bidopsai/bidopsai-infra/internal/awsvalues"
	"github.com/bidopsai/bidopsai-infra/internal/mock/mocktest"
)

func TestInvalidArgs(t *testing.T) {
	monitoring.Rejects(t, validArgs, []mocktest.BadInput[*MonitoringArgs]{
		{Name: "rejects_zero_evaluation_periods", Mutate: func(a *MonitoringArgs) { a.Alarms.EvaluationPeriods = 0 },
			Field: "MonitoringArgs.Alarms.EvaluationPeriods", Want: []string{"between 1 and 100"}},
		{Name: "rejects_negative_error_threshold", Mutate: func(a *MonitoringArgs) { a.Alarms.ErrorThreshold = -1 },
			Field: "MonitoringArgs.Alarms.ErrorThreshold", Want: []string{"zero or more"}},
		{Name: "rejects_nan_error_threshold", Mutate: func(a *MonitoringArgs) { a.Alarms.ErrorThreshold = math.NaN() },
			Field: "MonitoringArgs.Alarms.ErrorThreshold", Want: []string{"zero or more"}},
		{Name: "rejects_zero_task_duration_threshold", Mutate: func(a *MonitoringArgs) { a.Alarms.TaskDurationMs = 0 },
			Field: "MonitoringArgs.Alarms.TaskDurationMs", Want: []string{"more than zero"}},
		{Name: "rejects_infinite_llm_latency_threshold", Mutate: func(a *MonitoringArgs) { a.Alarms.LLMLatencyMs = math.Inf(1) },
			Field: "MonitoringArgs.Alarms.LLMLatencyMs", Want: []string{"more than zero"}},
		{Name: "rejects_period_45", Mutate: func(a *MonitoringArgs) { a.Alarms.PeriodSeconds = 45 },
			Field: "MonitoringArgs.Alarms.PeriodSeconds", Want: []string{"10, 20, 30 or a multiple of 60"}},
		{Name: "rejects_period_90", Mutate: func(a *MonitoringArgs) { a.Alarms.PeriodSeconds = 90 },
			Field: "MonitoringArgs.Alarms.PeriodSeconds", Want: []string{"10, 20, 30 or a multiple of 60"}},
		{Name: "rejects_malformed_email", Mutate: func(a *MonitoringArgs) { a.Alarms.Emails = []string{"ops@"} },
			Field: "MonitoringArgs.Alarms.Emails[0]", Want: []string{"ops@example.com"}},
		{Name: "rejects_email_without_a_dotted_domain", Mutate: func(a *MonitoringArgs) { a.Alarms.Emails = []string{"ops@localhost"} },
			Field: "MonitoringArgs.Alarms.Emails[0]", Want: []string{"ops@example.com"}},
		{Name: "rejects_email_with_display_name", Mutate: func(a *MonitoringArgs) { a.Alarms.Emails = []string{"Ops <ops@bidopsai.com>"} },
			Field: "MonitoringArgs.Alarms.Emails[0]", Want: []string{"no display name"}},
		{Name: "rejects_duplicate_email", Mutate: func(a *MonitoringArgs) { a.Alarms.Emails = []string{"ops@bidopsai.com", "OPS@bidopsai.com"} },
			Field: "MonitoringArgs.Alarms.Emails[1]", Want: []string{"distinct"}},
		{Name: "rejects_enabled_alarms_without_emails", Mutate: func(a *MonitoringArgs) { a.Alarms.Emails = nil },
			Field: "MonitoringArgs.Alarms.Emails", Want: []string{"at least one"}},
		{Name: "rejects_sampling_rate_0", Mutate: func(a *MonitoringArgs) { a.Tracing.SamplingRate = 0 },
			Field: "MonitoringArgs.Tracing.SamplingRate", Want: []string{"above 0 and at most 1"}},
		{Name: "rejects_sampling_rate_1_5", Mutate: func(a *MonitoringArgs) { a.Tracing.SamplingRate = 1.5 },
			Field: "MonitoringArgs.Tracing.SamplingRate", Want: []string{"above 0 and at most 1"}},
		{Name: "rejects_retention_45", Mutate: func(a *MonitoringArgs) { a.LogRetentionDays = 45 },
			Field: "MonitoringArgs.LogRetentionDays", Want: []string{"1, 3, 5, 7, 14, 30", "3653"}},
		{Name: "rejects_retention_0_never_expire", Mutate: func(a *MonitoringArgs) { a.LogRetentionDays = 0 },
			Field: "MonitoringArgs.LogRetentionDays", Want: []string{"1, 3, 5", "never expire is refused"}},
		{Name: "rejects_uppercase_stack", Mutate: func(a *MonitoringArgs) { a.Stack = "Prod" },
			Field: "MonitoringArgs.Stack", Want: []string{"a-z, 0-9 and '-'"}},
		{Name: "rejects_stack_too_long_for_xray_names", Mutate: func(a *MonitoringArgs) { a.Stack = strings.Repeat("e", 21) },
			Field: "MonitoringArgs.Stack", Want: []string{"1-20 characters"}},
		{Name: "rejects_malformed_region", Mutate: func(a *MonitoringArgs) { a.Region = "us-east1" },
			Field: "MonitoringArgs.Region", Want: []string{"us-east-1"}},
		{Name: "rejects_kms_alias_instead_of_key_arn", Mutate: func(a *MonitoringArgs) { a.KMSKeyArn = pulumi.String("alias/aws/sns") },
			Field: "MonitoringArgs.KMSKeyArn", Want: []string{"arn:aws:kms:<region>:<account>:key/<id>"}},
		{Name: "rejects_reserved_aws_namespace", Mutate: func(a *MonitoringArgs) { a.MetricsNamespace = "AWS/Agents" },
			Field: "MonitoringArgs.MetricsNamespace", Want: []string{"not start with AWS/"}},
		{Name: "rejects_no_agents", Mutate: func(a *MonitoringArgs) { a.Agents, a.Runtimes = nil, nil },
			Field: "MonitoringArgs.Agents", Want: []string{"at least one"}},
		{Name: "rejects_camel_case_agent_id", Mutate: func(a *MonitoringArgs) { a.Agents[1] = "aiAssistant" },
			Field: "MonitoringArgs.Agents[1]", Want: []string{"lowercase kebab-case"}},
		{Name: "rejects_duplicate_agent_id", Mutate: func(a *MonitoringArgs) { a.Agents = append(a.Agents, "workflow") },
			Field: "MonitoringArgs.Agents[2]", Want: []string{"distinct"}},
		{Name: "rejects_agent_named_like_a_sub_agent", Mutate: func(a *MonitoringArgs) { a.Agents = append(a.Agents, "parser") },
			Field: "MonitoringArgs.Agents[2]", Want: []string{"parser, analysis"}},
		{Name: "rejects_unknown_runtime_agent", Mutate: func(a *MonitoringArgs) { a.Runtimes[0].Agent = "planner" },
			Field: "MonitoringArgs.Runtimes[0].Agent", Want: []string{"workflow, ai-assistant"}},
		{Name: "rejects_two_runtimes_for_one_agent", Mutate: func(a *MonitoringArgs) { a.Runtimes[1].Agent = "workflow" },
			Field: "MonitoringArgs.Runtimes[1].Agent", Want: []string{"one runtime per agent"}},
		{Name: "rejects_hyphen_in_runtime_name", Mutate: func(a *MonitoringArgs) { a.Runtimes[0].Name = "bidopsai-dev-workflow" },
			Field: "MonitoringArgs.Runtimes[0].Name", Want: []string{"^[a-zA-Z][a-zA-Z0-9_]{0,47}$"}},
		{Name: "rejects_runtime_without_arn", Mutate: func(a *MonitoringArgs) { a.Runtimes[0].Arn = nil },
			Field: "MonitoringArgs.Runtimes[0].Arn", Want: []string{"required"}},
		{Name: "rejects_runtime_arn_of_another_service", Mutate: func(a *MonitoringArgs) {
			a.Runtimes[0].Arn = pulumi.String("arn:aws:bedrock:us-east-1:123456789012:agent/x")
		},
			Field: "MonitoringArgs.Runtimes[0].Arn", Want: []string{"bedrock-agentcore"}},
		{Name: "rejects_runtime_without_id", Mutate: func(a *MonitoringArgs) { a.Runtimes[1].ID = nil },
			Field: "MonitoringArgs.Runtimes[1].ID", Want: []string{"required"}},
		{Name: "rejects_aws_prefixed_tag_key", Mutate: func(a *MonitoringArgs) { a.Tags = map[string]string{"aws:x": "y"} },
			Field: "MonitoringArgs.Tags key", Want: []string{"not start with aws:"}},
		{Name: "reports_every_bad_field_at_once", Mutate: func(a *MonitoringArgs) { a.LogRetentionDays, a.Alarms.PeriodSeconds, a.Tracing.SamplingRate = 0, 45, 0 },
			Want: []string{"LogRetentionDays", "Alarms.PeriodSeconds", "Tracing.SamplingRate"}},
	})
}

func TestDisabledSettingsAreNotValidated(t *testing.T) {
	t.Run("accepts_zero_alarm_settings_when_alarms_are_off", func(t *testing.T) {
		args := validArgs()
		args.Alarms = AlarmSettings{}
		if _, _, err := monitoring.Run(args); err != nil {
			t.Fatalf("unset alarms were validated: %v", err)
		}
	})
	t.Run("refuses_a_bad_value_set_while_alarms_are_off", func(t *testing.T) {
		// The value would wait, unnoticed, for the day alarms are turned on.
		args := validArgs()
		args.Alarms.Enabled, args.Alarms.PeriodSeconds, args.Alarms.Emails = false, 45, nil
		if _, _, err := monitoring.Run(args); err == nil || !strings.Contains(err.Error(), "Alarms.PeriodSeconds") ||
			strings.Contains(err.Error(), "Alarms.Emails") {
			t.Fatalf("want only the period refused, got %v", err)
		}
	})
	t.Run("accepts_zero_sampling_rate_when_tracing_is_off", func(t *testing.T) {
		args := validArgs()
		args.Tracing = TracingSettings{Enabled: false}
		if _, _, err := monitoring.Run(args); err != nil {
			t.Fatalf("disabled tracing was validated: %v", err)
		}
	})
	t.Run("accepts_every_cloudwatch_retention_value_and_allowed_period", func(t *testing.T) {
		for _, d := range awsvalues.LogRetentionDays {
			args := validArgs()
			args.LogRetentionDays = d
			if err := args.Validate("x"); err != nil {
				t.Errorf("retention %d: %v", d, err)
			}
		}
		for _, p := range []int{10, 20, 30, 60, 120, 3600} {
			args := validArgs()
			args.Alarms.PeriodSeconds = p
			if err := args.Validate("x"); err != nil {
				t.Errorf("period %d: %v", p, err)
			}
		}
	})
}
