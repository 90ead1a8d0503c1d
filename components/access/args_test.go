package access

import (
	"strings"
	"testing"

	"github.com/bidopsai/bidopsai-infra/internal/mock/mocktest"
)

func TestInvalidArgs(t *testing.T) {
	roles.Rejects(t, validArgs, []mocktest.BadInput[*AgentRolesArgs]{
		{Name: "rejects_slash_in_name", Component: "agents/roles", Field: "name"},
		{Name: "rejects_name_too_long_for_an_iam_role", Component: strings.Repeat("r", maxRoleName-len("-workflow")+1), Field: "AgentRolesArgs.Agents[0].ID"},
		{Name: "rejects_short_account_id", Mutate: func(a *AgentRolesArgs) { a.AccountID = "12345" }, Field: "AgentRolesArgs.AccountID"},
		{Name: "rejects_malformed_region", Mutate: func(a *AgentRolesArgs) { a.Region = "useast1" }, Field: "AgentRolesArgs.Region"},
		{Name: "rejects_no_agents", Mutate: func(a *AgentRolesArgs) { a.Agents = nil }, Field: "AgentRolesArgs.Agents"},
		{Name: "rejects_duplicate_agent_id", Mutate: func(a *AgentRolesArgs) { a.Agents[1].ID = "workflow" }, Field: "AgentRolesArgs.Agents[1].ID"},
		{Name: "rejects_camel_case_agent_id", Mutate: func(a *AgentRolesArgs) { a.Agents[1].ID = "aiAssistant" }, Field: "AgentRolesArgs.Agents[1].ID"},
		{Name: "rejects_unknown_access", Mutate: func(a *AgentRolesArgs) { a.Agents[0].Access = "admin" }, Field: "AgentRolesArgs.Agents[0].Access"},
		{Name: "rejects_missing_access", Mutate: func(a *AgentRolesArgs) { a.Agents[1].Access = "" }, Field: "AgentRolesArgs.Agents[1].Access"},
		{Name: "rejects_nil_repository", Mutate: func(a *AgentRolesArgs) { a.Agents[1].RepositoryArn = nil }, Field: "AgentRolesArgs.Agents[1].RepositoryArn"},
		{Name: "rejects_wildcard_log_group", Mutate: func(a *AgentRolesArgs) { a.Agents[0].LogGroup = "/bidopsai/*" }, Field: "AgentRolesArgs.Agents[0].LogGroup"},
		{Name: "rejects_missing_system_log_group", Mutate: func(a *AgentRolesArgs) { a.SystemLogGroup = "" }, Field: "AgentRolesArgs.SystemLogGroup"},
		{Name: "rejects_hyphen_in_runtime_name", Mutate: func(a *AgentRolesArgs) { a.Agents[0].RuntimeName = "bidopsai-prod" }, Field: "AgentRolesArgs.Agents[0].RuntimeName"},
		{Name: "rejects_missing_models", Mutate: func(a *AgentRolesArgs) { a.Models = nil }, Field: "AgentRolesArgs.Models"},
		{Name: "rejects_wildcard_model", Mutate: func(a *AgentRolesArgs) {
			a.Models = []Model{{FoundationModelID: "anthropic.*", Regions: []string{"us-east-1"}}}
		}, Field: "AgentRolesArgs.Models[0].FoundationModelID"},
		{Name: "rejects_wildcard_profile", Mutate: func(a *AgentRolesArgs) {
			a.Models = []Model{{ProfileID: "*", FoundationModelID: "anthropic.claude-sonnet-4-20250514-v1:0", Regions: []string{"us-east-1"}}}
		}, Field: "AgentRolesArgs.Models[0].ProfileID"},
		{Name: "rejects_model_without_regions", Mutate: func(a *AgentRolesArgs) {
			a.Models = []Model{{FoundationModelID: "amazon.titan-embed-text-v2:0"}}
		}, Field: "AgentRolesArgs.Models[0].Regions"},
		{Name: "rejects_wildcard_model_region", Mutate: func(a *AgentRolesArgs) {
			a.Models = []Model{{FoundationModelID: "amazon.titan-embed-text-v2:0", Regions: []string{"*"}}}
		}, Field: "AgentRolesArgs.Models[0].Regions[0]"},
		{Name: "rejects_empty_metrics_namespace", Mutate: func(a *AgentRolesArgs) { a.MetricsNamespace = "" }, Field: "AgentRolesArgs.MetricsNamespace"},
		{Name: "rejects_aws_metrics_namespace", Mutate: func(a *AgentRolesArgs) { a.MetricsNamespace = "AWS/Bedrock" }, Field: "AgentRolesArgs.MetricsNamespace"},
		{Name: "rejects_missing_parameter_path", Mutate: func(a *AgentRolesArgs) { a.ParameterPathArn = nil }, Field: "AgentRolesArgs.ParameterPathArn"},
		{Name: "rejects_missing_secret_arns", Mutate: func(a *AgentRolesArgs) { a.Agents[1].SecretArns = nil }, Field: "AgentRolesArgs.Agents[1].SecretArns"},
		{Name: "rejects_missing_documents_bucket", Mutate: func(a *AgentRolesArgs) { a.DocumentsBucketArn = nil }, Field: "AgentRolesArgs.DocumentsBucketArn"},
		{Name: "rejects_empty_database_user", Mutate: func(a *AgentRolesArgs) { a.Agents[0].DatabaseUser = "" }, Field: "AgentRolesArgs.Agents[0].DatabaseUser"},
		{Name: "rejects_wildcard_database_user", Mutate: func(a *AgentRolesArgs) { a.Agents[1].DatabaseUser = "*" }, Field: "AgentRolesArgs.Agents[1].DatabaseUser"},
		{Name: "rejects_read_only_agent_using_a_writers_user", Mutate: func(a *AgentRolesArgs) {
			a.Agents[1].DatabaseUser = a.Agents[0].DatabaseUser
		}, Field: "AgentRolesArgs.Agents[1].DatabaseUser"},
		{Name: "rejects_aws_prefixed_tag_key", Mutate: func(a *AgentRolesArgs) { a.Tags = map[string]string{"aws:x": "y"} }, Field: "AgentRolesArgs.Tags key"},
		{Name: "rejects_tag_value_over_256_characters", Mutate: func(a *AgentRolesArgs) {
			a.Tags = map[string]string{"note": strings.Repeat("x", 257)}
		}, Field: `AgentRolesArgs.Tags["note"]`},
	})
	t.Run("reports_every_bad_field_at_once", func(t *testing.T) {
		args := validArgs()
		args.AccountID, args.MetricsNamespace, args.Agents[0].RuntimeName = "", "", ""
		_, _, err := roles.Run(args)
		for _, f := range []string{"AccountID", "MetricsNamespace", "Agents[0].RuntimeName"} {
			if err == nil || !strings.Contains(err.Error(), f) {
				t.Errorf("error does not name %s: %v", f, err)
			}
		}
	})
}
