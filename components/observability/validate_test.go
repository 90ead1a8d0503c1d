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
	cases := []struct {
		name   string
		mutate func(*MonitoringArgs)
		field  string   // must appear in the error as "invalid MonitoringArgs.<field> = "
		allow  []string // the allowed values or range the error must state
	}{
		{"rejects_zero_evaluation_periods", func(a *MonitoringArgs) { a.Alarms.EvaluationPeriods = 0 },
			"Alarms.EvaluationPeriods", []string{">= 1"}},
		{"rejects_negative_error_threshold", func(a *MonitoringArgs) { a.Alarms.ErrorThreshold = -1 },
			"Alarms.ErrorThreshold", []string{">= 0"}},
		{"rejects_nan_error_threshold", func(a *MonitoringArgs) { a.Alarms.ErrorThreshold = math.NaN() },
			"Alarms.ErrorThreshold", []string{">= 0"}},
		{"rejects_zero_task_duration_threshold", func(a *MonitoringArgs) { a.Alarms.TaskDurationMs = 0 },
			"Alarms.TaskDurationMs", []string{"> 0"}},
		{"rejects_infinite_llm_latency_threshold", func(a *MonitoringArgs) { a.Alarms.LLMLatencyMs = math.Inf(1) },
			"Alarms.LLMLatencyMs", []string{"> 0"}},
		{"rejects_period_45", func(a *MonitoringArgs) { a.Alarms.PeriodSeconds = 45 },
			"Alarms.PeriodSeconds", []string{"10, 20, 30 or a multiple of 60"}},
		{"rejects_period_90", func(a *MonitoringArgs) { a.Alarms.PeriodSeconds = 90 },
			"Alarms.PeriodSeconds", []string{"10, 20, 30 or a multiple of 60"}},
		{"rejects_malformed_email", func(a *MonitoringArgs) { a.Alarms.Emails = []string{"ops@"} },
			"Alarms.Emails[0]", []string{"ops@example.com"}},
		{"rejects_email_without_a_dotted_domain", func(a *MonitoringArgs) { a.Alarms.Emails = []string{"ops@localhost"} },
			"Alarms.Emails[0]", []string{"ops@example.com"}},
		{"rejects_email_with_display_name", func(a *MonitoringArgs) { a.Alarms.Emails = []string{"Ops <ops@bidopsai.com>"} },
			"Alarms.Emails[0]", []string{"no display name"}},
		{"rejects_duplicate_email", func(a *MonitoringArgs) { a.Alarms.Emails = []string{"ops@bidopsai.com", "OPS@bidopsai.com"} },
			"Alarms.Emails[1]", []string{"distinct"}},
		{"rejects_enabled_alarms_without_emails", func(a *MonitoringArgs) { a.Alarms.Emails = nil },
			"Alarms.Emails", []string{"at least one"}},
		{"rejects_sampling_rate_0", func(a *MonitoringArgs) { a.Tracing.SamplingRate = 0 },
			"Tracing.SamplingRate", []string{"> 0 and <= 1"}},
		{"rejects_sampling_rate_1_5", func(a *MonitoringArgs) { a.Tracing.SamplingRate = 1.5 },
			"Tracing.SamplingRate", []string{"> 0 and <= 1"}},
		{"rejects_retention_45", func(a *MonitoringArgs) { a.LogRetentionDays = 45 },
			"LogRetentionDays", []string{"1, 3, 5, 7, 14, 30", "3653"}},
		{"rejects_retention_0_never_expire", func(a *MonitoringArgs) { a.LogRetentionDays = 0 },
			"LogRetentionDays", []string{"1, 3, 5", "never expire is refused"}},
		{"rejects_uppercase_stack", func(a *MonitoringArgs) { a.Stack = "Prod" },
			"Stack", []string{"a-z, 0-9 and '-'"}},
		{"rejects_stack_too_long_for_xray_names", func(a *MonitoringArgs) { a.Stack = strings.Repeat("e", 21) },
			"Stack", []string{"1-20 characters"}},
		{"rejects_malformed_region", func(a *MonitoringArgs) { a.Region = "us-east1" },
			"Region", []string{"us-east-1"}},
		{"rejects_kms_alias_instead_of_key_arn", func(a *MonitoringArgs) { a.KMSKeyArn = pulumi.String("alias/aws/sns") },
			"KMSKeyArn", []string{"arn:aws:kms:<region>:<account>:key/<id>"}},
		{"rejects_reserved_aws_namespace", func(a *MonitoringArgs) { a.MetricsNamespace = "AWS/Agents" },
			"MetricsNamespace", []string{"not start with AWS/"}},
		{"rejects_unknown_runtime_agent", func(a *MonitoringArgs) { a.Runtimes[0].Agent = "planner" },
			"Runtimes[0].Agent", []string{"workflow, ai-assistant"}},
		{"rejects_two_runtimes_for_one_agent", func(a *MonitoringArgs) { a.Runtimes[1].Agent = "workflow" },
			"Runtimes[1].Agent", []string{"one runtime per agent"}},
		{"rejects_hyphen_in_runtime_name", func(a *MonitoringArgs) { a.Runtimes[0].Name = "bidopsai-dev-workflow" },
			"Runtimes[0].Name", []string{"^[a-zA-Z][a-zA-Z0-9_]{0,47}$"}},
		{"rejects_runtime_without_arn", func(a *MonitoringArgs) { a.Runtimes[0].Arn = nil },
			"Runtimes[0].Arn", []string{"required"}},
		{"rejects_runtime_arn_of_another_service", func(a *MonitoringArgs) {
			a.Runtimes[0].Arn = pulumi.String("arn:aws:bedrock:us-east-1:123456789012:agent/x")
		}, "Runtimes[0].Arn", []string{"bedrock-agentcore"}},
		{"rejects_runtime_without_id", func(a *MonitoringArgs) { a.Runtimes[1].ID = nil },
			"Runtimes[1].ID", []string{"required"}},
		{"rejects_aws_prefixed_tag_key", func(a *MonitoringArgs) { a.Tags = map[string]string{"aws:x": "y"} },
			"Tags key", []string{"not start with aws:"}},
	}
	var rows []mocktest.BadInput[*MonitoringArgs]
	for _, tc := range cases {
		rows = append(rows, mocktest.BadInput[*MonitoringArgs]{Name: tc.name, Mutate: tc.mutate,
			Field: "MonitoringArgs." + tc.field, Want: tc.allow})
	}
	rows = append(rows, mocktest.BadInput[*MonitoringArgs]{Name: "reports_every_bad_field_at_once",
		Mutate: func(a *MonitoringArgs) { a.LogRetentionDays, a.Alarms.PeriodSeconds, a.Tracing.SamplingRate = 0, 45, 0 },
		Want:   []string{"LogRetentionDays", "Alarms.PeriodSeconds", "Tracing.SamplingRate"}})
	monitoring.Rejects(t, validArgs, rows)
}

func TestDisabledSettingsAreNotValidated(t *testing.T) {
	t.Run("accepts_zero_alarm_settings_when_alarms_are_off", func(t *testing.T) {
		args := validArgs()
		args.Alarms = AlarmSettings{Enabled: false, PeriodSeconds: 45}
		if _, _, err := monitoring.Run(args); err != nil {
			t.Fatalf("disabled alarms were validated: %v", err)
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
			if err := validate("x", args); err != nil {
				t.Errorf("retention %d: %v", d, err)
			}
		}
		for _, p := range []int{10, 20, 30, 60, 120, 3600} {
			args := validArgs()
			args.Alarms.PeriodSeconds = p
			if err := validate("x", args); err != nil {
				t.Errorf("period %d: %v", p, err)
			}
		}
	})
}
