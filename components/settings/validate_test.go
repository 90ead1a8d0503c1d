package settings

import (
	"strings"
	"testing"

	"github.com/bidopsai/bidopsai-infra/internal/mock/mocktest"
)

func TestRejectsInvalidArgs(t *testing.T) {
	agentSettings.Rejects(t, baseArgs, []mocktest.BadInput[*AgentSettingsArgs]{
		{Name: "rejects_missing_stack", Mutate: func(a *AgentSettingsArgs) { a.Stack = "" },
			Field: "AgentSettingsArgs.Stack", Want: []string{"^[a-z][a-z0-9-]{0,31}$"}},
		{Name: "rejects_uppercase_stack", Mutate: func(a *AgentSettingsArgs) { a.Stack = "Prod" },
			Field: "AgentSettingsArgs.Stack", Want: []string{`"Prod"`}},
		{Name: "rejects_path_separator_in_stack", Mutate: func(a *AgentSettingsArgs) { a.Stack = "dev/x" },
			Field: "AgentSettingsArgs.Stack"},
		{Name: "rejects_malformed_region", Mutate: func(a *AgentSettingsArgs) { a.Region = "useast1" },
			Field: "AgentSettingsArgs.Region", Want: []string{"us-east-1"}},
		{Name: "rejects_short_account_id", Mutate: func(a *AgentSettingsArgs) { a.AccountID = "12345" },
			Field: "AgentSettingsArgs.AccountID", Want: []string{"12 digits"}},
		{Name: "rejects_no_supervisors", Mutate: func(a *AgentSettingsArgs) { a.Supervisors = nil },
			Field: "AgentSettingsArgs.Supervisors", Want: []string{"at least one"}},
		{Name: "rejects_duplicate_supervisor_agent", Mutate: func(a *AgentSettingsArgs) {
			a.Supervisors = []Supervisor{{Agent: "workflow", TimeoutSeconds: 1}, {Agent: "workflow", TimeoutSeconds: 1}}
		}, Field: "AgentSettingsArgs.Supervisors[1].Agent", Want: []string{"distinct"}},
		{Name: "rejects_non_kebab_supervisor_agent", Mutate: func(a *AgentSettingsArgs) { a.Supervisors[0].Agent = "Bad_Id" },
			Field: "AgentSettingsArgs.Supervisors[0].Agent", Want: []string{"kebab-case"}},
		{Name: "rejects_zero_supervisor_timeout", Mutate: func(a *AgentSettingsArgs) { a.Supervisors[1].TimeoutSeconds = 0 },
			Field: "AgentSettingsArgs.Supervisors[1].TimeoutSeconds", Want: []string{"1-3600"}},
		{Name: "rejects_missing_supervisor_model", Mutate: func(a *AgentSettingsArgs) { a.SupervisorModelID = "" },
			Field: "AgentSettingsArgs.SupervisorModelID", Want: []string{"Bedrock model id"}},
		{Name: "rejects_whitespace_in_sub_agent_model", Mutate: func(a *AgentSettingsArgs) { a.SubAgentModelID = "claude v2" },
			Field: "AgentSettingsArgs.SubAgentModelID", Want: []string{"Bedrock model id"}},
		{Name: "rejects_unknown_log_level", Mutate: func(a *AgentSettingsArgs) { a.LogLevel = "TRACE" },
			Field: "AgentSettingsArgs.LogLevel", Want: []string{`"TRACE"`, "DEBUG, INFO, WARN, ERROR"}},
		{Name: "rejects_lowercase_log_level", Mutate: func(a *AgentSettingsArgs) { a.LogLevel = "info" },
			Field: "AgentSettingsArgs.LogLevel", Want: []string{"DEBUG, INFO, WARN, ERROR"}},
		{Name: "rejects_aws_reserved_metrics_namespace", Mutate: func(a *AgentSettingsArgs) { a.MetricsNamespace = "AWS/Agents" },
			Field: "AgentSettingsArgs.MetricsNamespace", Want: []string{"not start with AWS/"}},
		{Name: "rejects_bad_feature_flag_key", Mutate: func(a *AgentSettingsArgs) { a.FeatureFlags = map[string]bool{"9lives": true} },
			Field: "AgentSettingsArgs.FeatureFlags", Want: []string{"9lives", "^[A-Za-z][A-Za-z0-9_]{0,63}$"}},
		{Name: "rejects_feature_flags_over_the_standard_tier_limit", Mutate: func(a *AgentSettingsArgs) {
			a.FeatureFlags = map[string]bool{}
			for i := range 200 {
				a.FeatureFlags["FLAG_"+strings.Repeat("X", 20)+string(rune('A'+i%26))+strings.Repeat("Y", i/26)] = true
			}
		},
			Field: "AgentSettingsArgs.FeatureFlags", Want: []string{"feature-flags", "4096"}},
		{Name: "rejects_host_with_scheme", Mutate: func(a *AgentSettingsArgs) { a.Database.Host = "postgres://db" },
			Field: "AgentSettingsArgs.Database.Host"},
		{Name: "rejects_port_out_of_range", Mutate: func(a *AgentSettingsArgs) { a.Database.Port = 70000 },
			Field: "AgentSettingsArgs.Database.Port", Want: []string{"between 1 and 65535"}},
		{Name: "rejects_hyphen_in_database_name", Mutate: func(a *AgentSettingsArgs) { a.Database.Name = "bid-ops" },
			Field: "AgentSettingsArgs.Database.Name", Want: []string{"PostgreSQL identifier"}},
		{Name: "rejects_database_username_starting_with_digit", Mutate: func(a *AgentSettingsArgs) { a.Database.Username = "1agent" },
			Field: "AgentSettingsArgs.Database.Username"},
		{Name: "rejects_recovery_window_between_1_and_6", Mutate: func(a *AgentSettingsArgs) { a.RecoveryWindowDays = 3 },
			Field: "AgentSettingsArgs.RecoveryWindowDays", Want: []string{"between 7 and 30"}},
		{Name: "rejects_recovery_window_over_30", Mutate: func(a *AgentSettingsArgs) { a.RecoveryWindowDays = 31 },
			Field: "AgentSettingsArgs.RecoveryWindowDays", Want: []string{"between 7 and 30"}},
		{Name: "rejects_negative_recovery_window", Mutate: func(a *AgentSettingsArgs) { a.RecoveryWindowDays = -1 },
			Field: "AgentSettingsArgs.RecoveryWindowDays", Want: []string{"between 7 and 30"}},
		{Name: "reports_every_problem_at_once", Mutate: func(a *AgentSettingsArgs) { a.LogLevel, a.RecoveryWindowDays = "LOUD", 5 },
			Want: []string{"LogLevel", "RecoveryWindowDays"}},
	})
}
