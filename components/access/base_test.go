package access

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

func TestBasePolicy(t *testing.T) {
	d := policiesOf(t, roles.MustRun(t, validArgs(), "roles"))
	t.Run("pulls_only_from_the_given_repositories", func(t *testing.T) {
		for _, a := range ecrPullActions {
			if got := byAction(d.base, a); !slices.Equal(got, sorted(testRepos)) {
				t.Errorf("%s on %v", a, got)
			}
		}
	})
	t.Run("writes_logs_to_its_runtimes_groups_and_the_stacks_log_groups_only", func(t *testing.T) {
		lg := "arn:aws:logs:us-east-1:" + acct + ":log-group:"
		var want []string
		for _, rt := range validArgs().runtimeNames() {
			want = append(want, lg+"/aws/bedrock-agentcore/runtimes/"+rt+"-*")
		}
		for _, g := range validArgs().logGroups() {
			want = append(want, lg+g, lg+g+":*")
		}
		if got := byAction(d.base, "logs:PutLogEvents"); !slices.Equal(got, sorted(want)) {
			t.Errorf("logs:PutLogEvents on %v, want %v", got, want)
		}
	})
	t.Run("never_creates_log_groups_the_stack_owns_them", func(t *testing.T) {
		for role, doc := range d.all() {
			if slices.Contains(doc.Actions(), "logs:CreateLogGroup") {
				t.Errorf("%s allows logs:CreateLogGroup", role)
			}
		}
	})
	t.Run("puts_metrics_only_in_the_agent_and_agentcore_namespaces", func(t *testing.T) {
		for _, s := range d.base.Statement {
			if !slices.Contains(s.Action, "cloudwatch:PutMetricData") {
				continue
			}
			want := map[string]map[string]any{"StringEquals": {"cloudwatch:namespace": []any{"BidOpsAI/Agents", "bedrock-agentcore"}}}
			if !reflect.DeepEqual(s.Condition, want) {
				t.Errorf("condition %v, want %v", s.Condition, want)
			}
		}
	})
	dir := "arn:aws:bedrock-agentcore:us-east-1:" + acct + ":workload-identity-directory/default"
	identities := sorted([]string{dir, dir + "/workload-identity/bidopsai_prod_workflow-*",
		dir + "/workload-identity/bidopsai_prod_ai_assistant-*"})
	t.Run("gets_workload_tokens_only_for_its_runtimes", func(t *testing.T) {
		for _, a := range workloadTokenActions {
			if got := byAction(d.base, a); !slices.Equal(got, identities) {
				t.Errorf("%s on %v, want %v", a, got, identities)
			}
		}
	})
	t.Run("behind_a_jwt_authorizer_gets_jwt_tokens_only_and_denies_the_user_id_form", func(t *testing.T) {
		args := validArgs()
		args.JWTAuthorizer = true
		base := policiesOf(t, roles.MustRun(t, args, "roles")).base
		for _, a := range []string{"bedrock-agentcore:GetWorkloadAccessToken", "bedrock-agentcore:GetWorkloadAccessTokenForJWT"} {
			if got := byAction(base, a); !slices.Equal(got, identities) {
				t.Errorf("%s on %v, want %v", a, got, identities)
			}
		}
		const userID = "bedrock-agentcore:GetWorkloadAccessTokenForUserId"
		if got := byAction(base, userID); len(got) != 0 {
			t.Errorf("%s allowed on %v", userID, got)
		}
		denied := false
		for _, s := range base.Statement {
			denied = denied || (s.Effect == "Deny" && slices.Contains(s.Action, userID) && slices.Equal(s.Resource, []string{"*"}))
		}
		if !denied {
			t.Errorf("no explicit Deny of %s on *", userID)
		}
	})
	t.Run("reads_parameters_under_the_agents_path_and_no_secret", func(t *testing.T) {
		want := sorted([]string{testParams, strings.TrimSuffix(testParams, "/*")})
		if got := byAction(d.base, "ssm:GetParametersByPath"); !slices.Equal(got, want) {
			t.Errorf("ssm:GetParametersByPath on %v, want %v", got, want)
		}
		if got := byAction(d.base, "secretsmanager:GetSecretValue"); len(got) != 0 {
			t.Errorf("the shared base policy reads secrets %v", got)
		}
	})
}

func TestSecretsPerRole(t *testing.T) {
	d := policiesOf(t, roles.MustRun(t, validArgs(), "roles"))
	t.Run("each_role_reads_only_its_own_agents_secrets", func(t *testing.T) {
		if got := byAction(d.workflow, "secretsmanager:GetSecretValue"); !slices.Equal(got, sorted(testSecrets)) {
			t.Errorf("workflow reads %v, want %v", got, testSecrets)
		}
		if got := byAction(d.assistant, "secretsmanager:GetSecretValue"); !slices.Equal(got, sorted(testReadOnlySecrets)) {
			t.Errorf("assistant reads %v, want %v", got, testReadOnlySecrets)
		}
	})
	t.Run("omits_the_secrets_statement_when_there_are_none", func(t *testing.T) {
		args := validArgs()
		args.Agents[1].SecretArns = pulumi.StringArray{}
		if hasSid(policiesOf(t, roles.MustRun(t, args, "roles")).assistant, "ReadSecrets") {
			t.Error("ReadSecrets present without secrets")
		}
	})
	t.Run("connects_to_the_database_as_its_own_user_only_with_iam_auth", func(t *testing.T) {
		user := func(u string) []string { return []string{"arn:aws:rds-db:us-east-1:" + acct + ":dbuser:*/" + u} }
		if got := byAction(d.workflow, "rds-db:connect"); !slices.Equal(got, user("bidopsai_agent")) {
			t.Errorf("workflow connects as %v", got)
		}
		if got := byAction(d.assistant, "rds-db:connect"); !slices.Equal(got, user("bidopsai_readonly")) {
			t.Errorf("assistant connects as %v", got)
		}
		args := validArgs()
		args.DatabaseIAMAuth = false
		for role, doc := range policiesOf(t, roles.MustRun(t, args, "roles")).all() {
			if got := byAction(doc, "rds-db:connect"); len(got) != 0 {
				t.Errorf("%s connects with IAM auth off: %v", role, got)
			}
		}
	})
}

func TestModelInvocation(t *testing.T) {
	d := policiesOf(t, roles.MustRun(t, validArgs(), "roles"))
	profile := "arn:aws:bedrock:us-east-1:" + acct + ":inference-profile/us.anthropic.claude-sonnet-4-20250514-v1:0"
	t.Run("invokes_the_profile_and_its_model_in_each_destination_region_only", func(t *testing.T) {
		want := sorted([]string{profile,
			"arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-sonnet-4-20250514-v1:0",
			"arn:aws:bedrock:us-east-2::foundation-model/anthropic.claude-sonnet-4-20250514-v1:0",
			"arn:aws:bedrock:us-west-2::foundation-model/anthropic.claude-sonnet-4-20250514-v1:0",
			"arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-embed-text-v2:0"})
		for _, doc := range []struct {
			role string
			got  []string
		}{{"workflow", byAction(d.workflow, "bedrock:InvokeModel")}, {"assistant", byAction(d.assistant, "bedrock:InvokeModelWithResponseStream")}} {
			if !slices.Equal(doc.got, want) {
				t.Errorf("%s invokes %v, want %v", doc.role, doc.got, want)
			}
		}
		if got := byAction(d.workflow, "bedrock:GetInferenceProfile"); !slices.Equal(got, []string{profile}) {
			t.Errorf("GetInferenceProfile on %v", got)
		}
	})
	t.Run("uses_no_wildcard_model_or_profile", func(t *testing.T) {
		for _, r := range byAction(d.workflow, "bedrock:InvokeModel") {
			if strings.Contains(r, "*") {
				t.Errorf("wildcard model grant %s", r)
			}
		}
	})
	t.Run("uses_no_invented_converse_action", func(t *testing.T) {
		for role, doc := range d.all() {
			for _, a := range doc.Actions() {
				if strings.HasPrefix(a, "bedrock:Converse") {
					t.Errorf("%s allows %s (Converse is authorized as InvokeModel)", role, a)
				}
			}
		}
	})
	t.Run("retrieves_only_from_this_accounts_knowledge_bases", func(t *testing.T) {
		want := []string{"arn:aws:bedrock:us-east-1:" + acct + ":knowledge-base/*"}
		if got := byAction(d.assistant, "bedrock:Retrieve"); !slices.Equal(got, want) {
			t.Errorf("bedrock:Retrieve on %v", got)
		}
	})
	t.Run("reads_no_profile_for_on_demand_models_only", func(t *testing.T) {
		args := validArgs()
		args.Models = testModels[1:]
		if hasSid(policiesOf(t, roles.MustRun(t, args, "roles")).workflow, "ReadInferenceProfiles") {
			t.Error("ReadInferenceProfiles without a profile")
		}
	})
}

func sorted(in []string) []string {
	out := slices.Clone(in)
	slices.Sort(out)
	return out
}
