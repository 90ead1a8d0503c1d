package access

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

func TestBasePolicy(t *testing.T) {
	d := policiesOf(t, mustRun(t, validArgs(), "roles"))
	t.Run("pulls_only_from_the_given_repositories", func(t *testing.T) {
		for _, a := range ecrPullActions {
			if got := byAction(d.base, a); !slices.Equal(got, sorted(testRepos)) {
				t.Errorf("%s on %v", a, got)
			}
		}
	})
	t.Run("writes_logs_to_the_runtime_prefix_and_the_stacks_log_groups_only", func(t *testing.T) {
		lg := "arn:aws:logs:us-east-1:" + acct + ":log-group:"
		want := []string{lg + "/aws/bedrock-agentcore/runtimes/*"}
		for _, g := range validArgs().AgentLogGroups {
			want = append(want, lg+g, lg+g+":*")
		}
		if got := byAction(d.base, "logs:PutLogEvents"); !slices.Equal(got, sorted(want)) {
			t.Errorf("logs:PutLogEvents on %v, want %v", got, want)
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
	t.Run("gets_workload_tokens_only_for_its_runtimes", func(t *testing.T) {
		dir := "arn:aws:bedrock-agentcore:us-east-1:" + acct + ":workload-identity-directory/default"
		want := sorted([]string{dir, dir + "/workload-identity/bidopsai_prod_workflow-*",
			dir + "/workload-identity/bidopsai_prod_ai_assistant-*"})
		for _, a := range workloadTokenActions {
			if got := byAction(d.base, a); !slices.Equal(got, want) {
				t.Errorf("%s on %v, want %v", a, got, want)
			}
		}
	})
	t.Run("reads_parameters_under_the_agents_path_and_the_given_secrets", func(t *testing.T) {
		want := sorted([]string{testParams, strings.TrimSuffix(testParams, "/*")})
		if got := byAction(d.base, "ssm:GetParametersByPath"); !slices.Equal(got, want) {
			t.Errorf("ssm:GetParametersByPath on %v, want %v", got, want)
		}
		if got := byAction(d.base, "secretsmanager:GetSecretValue"); !slices.Equal(got, sorted(testSecrets)) {
			t.Errorf("secretsmanager:GetSecretValue on %v", got)
		}
	})
	t.Run("omits_the_secrets_statement_when_there_are_none", func(t *testing.T) {
		args := validArgs()
		args.SecretArns = pulumi.StringArray{}
		if hasSid(policiesOf(t, mustRun(t, args, "roles")).base, "ReadSecrets") {
			t.Error("ReadSecrets present without secrets")
		}
	})
}

func TestModelInvocation(t *testing.T) {
	d := policiesOf(t, mustRun(t, validArgs(), "roles"))
	t.Run("invokes_only_the_configured_families_and_their_inference_profiles", func(t *testing.T) {
		var want []string
		for _, f := range DefaultModelFamilies {
			want = append(want, "arn:aws:bedrock:*::foundation-model/"+f+"*",
				"arn:aws:bedrock:*:"+acct+":inference-profile/*"+f+"*")
		}
		for _, doc := range []struct {
			role string
			got  []string
		}{{"workflow", byAction(d.workflow, "bedrock:InvokeModel")}, {"assistant", byAction(d.assistant, "bedrock:InvokeModelWithResponseStream")}} {
			if !slices.Equal(doc.got, sorted(want)) {
				t.Errorf("%s invokes %v, want %v", doc.role, doc.got, want)
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
	t.Run("narrows_to_configured_families", func(t *testing.T) {
		args := validArgs()
		args.ModelFamilies = []string{"amazon.nova"}
		got := byAction(policiesOf(t, mustRun(t, args, "roles")).workflow, "bedrock:InvokeModel")
		want := []string{"arn:aws:bedrock:*:" + acct + ":inference-profile/*amazon.nova*", "arn:aws:bedrock:*::foundation-model/amazon.nova*"}
		if !slices.Equal(got, want) {
			t.Errorf("InvokeModel on %v, want %v", got, want)
		}
	})
}

func sorted(in []string) []string {
	out := slices.Clone(in)
	slices.Sort(out)
	return out
}
