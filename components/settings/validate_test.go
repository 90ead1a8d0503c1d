package settings

import (
	"strings"
	"testing"

	"github.com/bidopsai/bidopsai-infra/internal/mock/mocktest"
)

func TestRejectsInvalidArgs(t *testing.T) {
	cases := []struct {
		name   string
		mutate func(a *AgentSettingsArgs)
		want   []string // the field (invalid AgentSettingsArgs.<field> = ), then what the error says is allowed
	}{
		{"rejects_missing_stack", func(a *AgentSettingsArgs) { a.Stack = "" },
			[]string{"Stack", "^[a-z][a-z0-9-]{0,31}$"}},
		{"rejects_uppercase_stack", func(a *AgentSettingsArgs) { a.Stack = "Prod" },
			[]string{"Stack", `"Prod"`}},
		{"rejects_path_separator_in_stack", func(a *AgentSettingsArgs) { a.Stack = "dev/x" },
			[]string{"Stack"}},
		{"rejects_malformed_region", func(a *AgentSettingsArgs) { a.Region = "useast1" },
			[]string{"Region", "us-east-1"}},
		{"rejects_short_account_id", func(a *AgentSettingsArgs) { a.AccountID = "12345" },
			[]string{"AccountID", "12 digits"}},
		{"rejects_missing_supervisor_model", func(a *AgentSettingsArgs) { a.SupervisorModelID = "" },
			[]string{"SupervisorModelID", "Bedrock model id"}},
		{"rejects_whitespace_in_sub_agent_model", func(a *AgentSettingsArgs) { a.SubAgentModelID = "claude v2" },
			[]string{"SubAgentModelID", "Bedrock model id"}},
		{"rejects_unknown_log_level", func(a *AgentSettingsArgs) { a.LogLevel = "TRACE" },
			[]string{"LogLevel", `"TRACE"`, "DEBUG, INFO, WARN, ERROR"}},
		{"rejects_lowercase_log_level", func(a *AgentSettingsArgs) { a.LogLevel = "info" },
			[]string{"LogLevel", "DEBUG, INFO, WARN, ERROR"}},
		{"rejects_aws_reserved_metrics_namespace", func(a *AgentSettingsArgs) { a.MetricsNamespace = "AWS/Agents" },
			[]string{"MetricsNamespace", `"AWS/"`}},
		{"rejects_bad_feature_flag_key", func(a *AgentSettingsArgs) { a.FeatureFlags = map[string]bool{"9lives": true} },
			[]string{"FeatureFlags", "9lives", "^[A-Za-z][A-Za-z0-9_]{0,63}$"}},
		{"rejects_feature_flags_over_the_standard_tier_limit", func(a *AgentSettingsArgs) {
			a.FeatureFlags = map[string]bool{}
			for i := range 200 {
				a.FeatureFlags["FLAG_"+strings.Repeat("X", 20)+string(rune('A'+i%26))+strings.Repeat("Y", i/26)] = true
			}
		}, []string{"FeatureFlags", "feature-flags", "4096"}},
		{"rejects_host_with_scheme", func(a *AgentSettingsArgs) { a.Database.Host = "postgres://db" },
			[]string{"Database.Host"}},
		{"rejects_port_out_of_range", func(a *AgentSettingsArgs) { a.Database.Port = 70000 },
			[]string{"Database.Port", "1-65535"}},
		{"rejects_hyphen_in_database_name", func(a *AgentSettingsArgs) { a.Database.Name = "bid-ops" },
			[]string{"Database.Name", "^[A-Za-z_]"}},
		{"rejects_database_username_starting_with_digit", func(a *AgentSettingsArgs) { a.Database.Username = "1agent" },
			[]string{"Database.Username"}},
		{"rejects_recovery_window_between_1_and_6", func(a *AgentSettingsArgs) { a.RecoveryWindowDays = 3 },
			[]string{"RecoveryWindowDays", "0 or 7-30"}},
		{"rejects_recovery_window_over_30", func(a *AgentSettingsArgs) { a.RecoveryWindowDays = 31 },
			[]string{"RecoveryWindowDays", "0 or 7-30"}},
		{"rejects_negative_recovery_window", func(a *AgentSettingsArgs) { a.RecoveryWindowDays = -1 },
			[]string{"RecoveryWindowDays", "0 or 7-30"}},
	}
	var rows []mocktest.BadInput[*AgentSettingsArgs]
	for _, tc := range cases {
		rows = append(rows, mocktest.BadInput[*AgentSettingsArgs]{Name: tc.name, Mutate: tc.mutate,
			Field: "AgentSettingsArgs." + tc.want[0], Want: tc.want[1:]})
	}
	rows = append(rows, mocktest.BadInput[*AgentSettingsArgs]{Name: "reports_every_problem_at_once",
		Mutate: func(a *AgentSettingsArgs) { a.LogLevel, a.RecoveryWindowDays = "LOUD", 5 },
		Want:   []string{"LogLevel", "RecoveryWindowDays"}})
	agentSettings.Rejects(t, baseArgs, rows)
}
