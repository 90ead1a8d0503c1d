package access

import (
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

func TestInvalidArgs(t *testing.T) {
	cases := []struct {
		name   string
		roles  string // component name; "roles" unless set
		mutate func(*AgentRolesArgs)
		field  string // must appear in the error
	}{
		{"rejects_slash_in_name", "agents/roles", nil, "name"},
		{"rejects_name_too_long_for_an_iam_role", strings.Repeat("r", maxNameLength+1), nil, "name"},
		{"rejects_short_account_id", "", func(a *AgentRolesArgs) { a.AccountID = "12345" }, "AgentRolesArgs.AccountID"},
		{"rejects_malformed_region", "", func(a *AgentRolesArgs) { a.Region = "useast1" }, "AgentRolesArgs.Region"},
		{"rejects_uppercase_stack", "", func(a *AgentRolesArgs) { a.Stack = "Prod" }, "AgentRolesArgs.Stack"},
		{"rejects_missing_repositories", "", func(a *AgentRolesArgs) { a.RepositoryArns = nil }, "AgentRolesArgs.RepositoryArns"},
		{"rejects_nil_repository", "", func(a *AgentRolesArgs) { a.RepositoryArns[1] = nil }, "AgentRolesArgs.RepositoryArns[1]"},
		{"rejects_wildcard_repository", "", func(a *AgentRolesArgs) {
			a.RepositoryArns[0] = pulumi.String("arn:aws:ecr:us-east-1:" + acct + ":repository/*")
		}, "AgentRolesArgs.RepositoryArns[0]"},
		{"rejects_repository_of_another_account", "", func(a *AgentRolesArgs) {
			a.RepositoryArns[0] = pulumi.String("arn:aws:ecr:us-east-1:210987654321:repository/workflow")
		}, "AgentRolesArgs.RepositoryArns[0]"},
		{"rejects_missing_log_groups", "", func(a *AgentRolesArgs) { a.AgentLogGroups = nil }, "AgentRolesArgs.AgentLogGroups"},
		{"rejects_wildcard_log_group", "", func(a *AgentRolesArgs) { a.AgentLogGroups = []string{"/bidopsai/*"} }, "AgentRolesArgs.AgentLogGroups[0]"},
		{"rejects_duplicate_log_group", "", func(a *AgentRolesArgs) {
			a.AgentLogGroups = []string{"/bidopsai/prod/system", "/bidopsai/prod/system"}
		}, "AgentRolesArgs.AgentLogGroups[1]"},
		{"rejects_missing_runtime_names", "", func(a *AgentRolesArgs) { a.RuntimeNames = nil }, "AgentRolesArgs.RuntimeNames"},
		{"rejects_hyphen_in_runtime_name", "", func(a *AgentRolesArgs) { a.RuntimeNames = []string{"bidopsai-prod"} }, "AgentRolesArgs.RuntimeNames[0]"},
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
		{"rejects_parameter_path_of_another_environment", "", func(a *AgentRolesArgs) {
			a.ParameterPathArn = pulumi.String(strings.Replace(testParams, "/prod/", "/dev/", 1))
		}, "AgentRolesArgs.ParameterPathArn"},
		{"rejects_parameter_path_wider_than_the_agents", "", func(a *AgentRolesArgs) {
			a.ParameterPathArn = pulumi.String("arn:aws:ssm:us-east-1:" + acct + ":parameter/*")
		}, "AgentRolesArgs.ParameterPathArn"},
		{"rejects_missing_workflow_secret_arns", "", func(a *AgentRolesArgs) { a.WorkflowSecretArns = nil }, "AgentRolesArgs.WorkflowSecretArns"},
		{"rejects_missing_assistant_secret_arns", "", func(a *AgentRolesArgs) { a.AssistantSecretArns = nil }, "AgentRolesArgs.AssistantSecretArns"},
		{"rejects_wildcard_secret", "", func(a *AgentRolesArgs) {
			a.AssistantSecretArns = pulumi.StringArray{pulumi.String("arn:aws:secretsmanager:us-east-1:" + acct + ":secret:*")}
		}, "AgentRolesArgs.AssistantSecretArns[0]"},
		{"rejects_kms_alias_instead_of_key_arn", "", func(a *AgentRolesArgs) { a.KMSKeyArn = pulumi.String("alias/stack") }, "AgentRolesArgs.KMSKeyArn"},
		{"rejects_missing_documents_bucket", "", func(a *AgentRolesArgs) { a.DocumentsBucketArn = nil }, "AgentRolesArgs.DocumentsBucketArn"},
		{"rejects_object_pattern_as_bucket", "", func(a *AgentRolesArgs) { a.ArtifactsBucketArn = pulumi.String(artifactsBkt + "/*") }, "AgentRolesArgs.ArtifactsBucketArn"},
		{"rejects_wildcard_bucket", "", func(a *AgentRolesArgs) { a.ProcessedBucketArn = pulumi.String("arn:aws:s3:::*") }, "AgentRolesArgs.ProcessedBucketArn"},
		{"rejects_processed_equal_to_artifacts", "", func(a *AgentRolesArgs) { a.ProcessedBucketArn = pulumi.String(artifactsBkt) }, "AgentRolesArgs.ProcessedBucketArn"},
		{"rejects_data_automation_profile_as_project", "", func(a *AgentRolesArgs) {
			a.DataAutomationProjectArn = pulumi.String("arn:aws:bedrock:us-east-1:" + acct + ":data-automation-profile/us.data-automation-v1")
		}, "AgentRolesArgs.DataAutomationProjectArn"},
		{"rejects_empty_database_user", "", func(a *AgentRolesArgs) { a.DatabaseUsername = "" }, "AgentRolesArgs.DatabaseUsername"},
		{"rejects_wildcard_read_only_user", "", func(a *AgentRolesArgs) { a.DatabaseReadOnlyUsername = "*" }, "AgentRolesArgs.DatabaseReadOnlyUsername"},
		{"rejects_read_only_user_equal_to_agent_user", "", func(a *AgentRolesArgs) {
			a.DatabaseReadOnlyUsername = a.DatabaseUsername
		}, "AgentRolesArgs.DatabaseReadOnlyUsername"},
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
		args.AccountID, args.MetricsNamespace, args.RuntimeNames = "", "", nil
		_, err := run(t, args, "roles")
		for _, f := range []string{"AccountID", "MetricsNamespace", "RuntimeNames"} {
			if err == nil || !strings.Contains(err.Error(), f) {
				t.Errorf("error does not name %s: %v", f, err)
			}
		}
	})
}

// Outputs cannot be checked before registration; a bad value fails the policy when it resolves.
func TestInvalidResolvedOutputs(t *testing.T) {
	out := func(s string) pulumi.StringOutput { return pulumi.String(s).ToStringOutput() }
	cases := []struct {
		name   string
		mutate func(*AgentRolesArgs)
		field  string
	}{
		{"rejects_resolved_wildcard_repository", func(a *AgentRolesArgs) {
			a.RepositoryArns[0] = out("*")
		}, "AgentRolesArgs.RepositoryArns[0]"},
		{"rejects_resolved_wildcard_secret", func(a *AgentRolesArgs) {
			a.WorkflowSecretArns = pulumi.StringArray{out("*")}.ToStringArrayOutput()
		}, "AgentRolesArgs.WorkflowSecretArns[0]"},
		{"rejects_resolved_parameter_path_of_another_account", func(a *AgentRolesArgs) {
			a.ParameterPathArn = out(strings.Replace(testParams, acct, "210987654321", 1))
		}, "AgentRolesArgs.ParameterPathArn"},
		{"rejects_resolved_empty_bucket", func(a *AgentRolesArgs) {
			a.DocumentsBucketArn = out("")
		}, "AgentRolesArgs.DocumentsBucketArn"},
		{"rejects_resolved_access_log_bucket_reused_as_processed", func(a *AgentRolesArgs) {
			a.ProcessedBucketArn, a.ArtifactsBucketArn = out(accessLogsBkt), out(accessLogsBkt)
		}, "AgentRolesArgs bucket ARNs"},
		{"rejects_resolved_key_of_another_region", func(a *AgentRolesArgs) {
			a.KMSKeyArn = out(strings.Replace(testKey, "us-east-1", "eu-west-1", 1))
		}, "AgentRolesArgs.KMSKeyArn"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			args := validArgs()
			tc.mutate(args)
			_, err := run(t, args, "roles")
			if err == nil || !strings.Contains(err.Error(), "resolved "+tc.field+" = ") {
				t.Fatalf("want an error naming %s, got %v", tc.field, err)
			}
		})
	}
}
