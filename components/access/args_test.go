package access

import (
	"strings"
	"testing"
)

func TestInvalidArgs(t *testing.T) {
	cases := []struct {
		name   string
		roles  string // component name; "roles" unless set
		mutate func(*AgentRolesArgs)
		field  string // must appear in the error
	}{
		{"rejects_slash_in_name", "agents/roles", nil, "name"},
		{"rejects_name_too_long_for_an_iam_role", strings.Repeat("r", maxRoleName-len("-workflow")+1), nil, "AgentRolesArgs.Agents[0].ID"},
		{"rejects_short_account_id", "", func(a *AgentRolesArgs) { a.AccountID = "12345" }, "AgentRolesArgs.AccountID"},
		{"rejects_malformed_region", "", func(a *AgentRolesArgs) { a.Region = "useast1" }, "AgentRolesArgs.Region"},
		{"rejects_uppercase_stack", "", func(a *AgentRolesArgs) { a.Stack = "Prod" }, "AgentRolesArgs.Stack"},
		{"rejects_no_agents", "", func(a *AgentRolesArgs) { a.Agents = nil }, "AgentRolesArgs.Agents"},
		{"rejects_duplicate_agent_id", "", func(a *AgentRolesArgs) { a.Agents[1].ID = "workflow" }, "AgentRolesArgs.Agents[1].ID"},
		{"rejects_camel_case_agent_id", "", func(a *AgentRolesArgs) { a.Agents[1].ID = "aiAssistant" }, "AgentRolesArgs.Agents[1].ID"},
		{"rejects_unknown_access", "", func(a *AgentRolesArgs) { a.Agents[0].Access = "admin" }, "AgentRolesArgs.Agents[0].Access"},
		{"rejects_missing_access", "", func(a *AgentRolesArgs) { a.Agents[1].Access = "" }, "AgentRolesArgs.Agents[1].Access"},
		{"rejects_nil_repository", "", func(a *AgentRolesArgs) { a.Agents[1].RepositoryArn = nil }, "AgentRolesArgs.Agents[1].RepositoryArn"},
		{"rejects_wildcard_log_group", "", func(a *AgentRolesArgs) { a.Agents[0].LogGroup = "/bidopsai/*" }, "AgentRolesArgs.Agents[0].LogGroup"},
		{"rejects_missing_system_log_group", "", func(a *AgentRolesArgs) { a.SystemLogGroup = "" }, "AgentRolesArgs.SystemLogGroup"},
		{"rejects_hyphen_in_runtime_name", "", func(a *AgentRolesArgs) { a.Agents[0].RuntimeName = "bidopsai-prod" }, "AgentRolesArgs.Agents[0].RuntimeName"},
		{"rejects_missing_models", "", func(a *AgentRolesArgs) { a.Models = nil }, "AgentRolesArgs.Models"},
		{"rejects_wildcard_model", "", func(a *AgentRolesArgs) {
			a.Models = []Model{{FoundationModelID: "anthropic.*", Regions: []string{"us-east-1"}}}
		}, "AgentRolesArgs.Models[0].FoundationModelID"},
		{"rejects_wildcard_profile", "", func(a *AgentRolesArgs) {
			a.Models = []Model{{ProfileID: "*", FoundationModelID: "anthropic.claude-sonnet-4-20250514-v1:0", Regions: []string{"us-east-1"}}}
		}, "AgentRolesArgs.Models[0].ProfileID"},
		{"rejects_model_without_regions", "", func(a *AgentRolesArgs) {
			a.Models = []Model{{FoundationModelID: "amazon.titan-embed-text-v2:0"}}
		}, "AgentRolesArgs.Models[0].Regions"},
		{"rejects_wildcard_model_region", "", func(a *AgentRolesArgs) {
			a.Models = []Model{{FoundationModelID: "amazon.titan-embed-text-v2:0", Regions: []string{"*"}}}
		}, "AgentRolesArgs.Models[0].Regions[0]"},
		{"rejects_empty_metrics_namespace", "", func(a *AgentRolesArgs) { a.MetricsNamespace = "" }, "AgentRolesArgs.MetricsNamespace"},
		{"rejects_aws_metrics_namespace", "", func(a *AgentRolesArgs) { a.MetricsNamespace = "AWS/Bedrock" }, "AgentRolesArgs.MetricsNamespace"},
		{"rejects_missing_parameter_path", "", func(a *AgentRolesArgs) { a.ParameterPathArn = nil }, "AgentRolesArgs.ParameterPathArn"},
		{"rejects_missing_secret_arns", "", func(a *AgentRolesArgs) { a.Agents[1].SecretArns = nil }, "AgentRolesArgs.Agents[1].SecretArns"},
		{"rejects_missing_documents_bucket", "", func(a *AgentRolesArgs) { a.DocumentsBucketArn = nil }, "AgentRolesArgs.DocumentsBucketArn"},
		{"rejects_empty_database_user", "", func(a *AgentRolesArgs) { a.Agents[0].DatabaseUser = "" }, "AgentRolesArgs.Agents[0].DatabaseUser"},
		{"rejects_wildcard_database_user", "", func(a *AgentRolesArgs) { a.Agents[1].DatabaseUser = "*" }, "AgentRolesArgs.Agents[1].DatabaseUser"},
		{"rejects_read_only_agent_using_a_writers_user", "", func(a *AgentRolesArgs) {
			a.Agents[1].DatabaseUser = a.Agents[0].DatabaseUser
		}, "AgentRolesArgs.Agents[1].DatabaseUser"},
		{"rejects_aws_prefixed_tag_key", "", func(a *AgentRolesArgs) { a.Tags = map[string]string{"aws:x": "y"} }, "AgentRolesArgs.Tags key"},
		{"rejects_tag_value_over_256_characters", "", func(a *AgentRolesArgs) {
			a.Tags = map[string]string{"note": strings.Repeat("x", 257)}
		}, `AgentRolesArgs.Tags["note"]`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			args := validArgs()
			if tc.mutate != nil {
				tc.mutate(args)
			}
			name := tc.roles
			if name == "" {
				name = "roles"
			}
			mon, err := run(t, args, name)
			if err == nil {
				t.Fatal("want an error, got none")
			}
			if !strings.Contains(err.Error(), "invalid "+tc.field+" = ") {
				t.Errorf("error does not name %s: %v", tc.field, err)
			}
			if n := len(mon.Resources()); n != 0 {
				t.Errorf("%d resources registered, want 0", n)
			}
		})
	}
	t.Run("rejects_nil_args", func(t *testing.T) {
		mon, err := run(t, nil, "roles")
		if err == nil || !strings.Contains(err.Error(), "args") {
			t.Fatalf("want an error naming args, got %v", err)
		}
		if n := len(mon.Resources()); n != 0 {
			t.Errorf("%d resources registered, want 0", n)
		}
	})
	t.Run("reports_every_bad_field_at_once", func(t *testing.T) {
		args := validArgs()
		args.AccountID, args.MetricsNamespace, args.Agents[0].RuntimeName = "", "", ""
		_, err := run(t, args, "roles")
		for _, f := range []string{"AccountID", "MetricsNamespace", "Agents[0].RuntimeName"} {
			if err == nil || !strings.Contains(err.Error(), f) {
				t.Errorf("error does not name %s: %v", f, err)
			}
		}
	})
}
