package access

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/bidopsai/bidopsai-infra/internal/mock/mocktest"
)

// unscopable are the only actions that may use Resource "*": AWS defines no resource type
// for them (Service Authorization Reference).
var unscopable = []string{
	"bedrock:RetrieveAndGenerate", "cloudwatch:PutMetricData", "ecr:GetAuthorizationToken",
	"xray:GetSamplingRules", "xray:GetSamplingTargets", "xray:PutTelemetryRecords", "xray:PutTraceSegments",
}

// telemetryWrites are the only writes the base (and so the assistant) role may make.
var telemetryWrites = []string{"cloudwatch:PutMetricData", "logs:CreateLogGroup", "logs:CreateLogStream",
	"logs:PutLogEvents", "xray:PutTelemetryRecords", "xray:PutTraceSegments"}

func TestNoWildcards(t *testing.T) {
	d := policiesOf(t, roles.MustRun(t, validArgs(), "roles"))
	for role, doc := range d.all() {
		t.Run(role+"_allows_no_wildcard_or_service_wide_action", func(t *testing.T) {
			for _, s := range doc.Statement {
				if s.Effect != "Allow" {
					t.Errorf("%s: unexpected %s statement", s.Sid, s.Effect)
				}
				for _, a := range s.Action {
					if strings.Contains(a, "*") || !strings.Contains(a, ":") {
						t.Errorf("%s: action %q", s.Sid, a)
					}
				}
			}
		})
		t.Run(role+"_uses_resource_star_only_for_unscopable_actions", func(t *testing.T) {
			for _, s := range doc.Statement {
				if len(s.Resource) == 0 {
					t.Errorf("%s: no resource", s.Sid)
				}
				if !slices.Contains(s.Resource, "*") {
					continue
				}
				if len(s.Resource) != 1 {
					t.Errorf("%s: * mixed with ARNs %v", s.Sid, s.Resource)
				}
				for _, a := range s.Action {
					if !slices.Contains(unscopable, a) {
						t.Errorf("%s: %s on * but AWS can scope it", s.Sid, a)
					}
				}
			}
		})
		t.Run(role+"_names_only_this_account_and_region", func(t *testing.T) {
			for _, s := range doc.Statement {
				for _, r := range s.Resource {
					parts := strings.SplitN(r, ":", 6)
					// Foundation models run where the profile routes them (checked in TestModelInvocation).
					if r == "*" || parts[2] == "s3" || (len(parts) == 6 && strings.HasPrefix(parts[5], "foundation-model/")) {
						continue
					}
					if len(parts) < 6 || (parts[4] != acct && parts[4] != "") ||
						(parts[3] != "us-east-1" && parts[3] != "*") {
						t.Errorf("%s: resource %s is outside account %s / us-east-1", s.Sid, r, acct)
					}
				}
			}
		})
	}
	t.Run("decrypt_is_never_on_resource_star", func(t *testing.T) {
		for role, doc := range d.all() {
			for _, r := range byAction(doc, "kms:Decrypt") {
				if r != testKey {
					t.Errorf("%s: kms:Decrypt on %s", role, r)
				}
			}
		}
	})
}

func TestTrustPolicy(t *testing.T) {
	mon := roles.MustRun(t, validArgs(), "roles")
	roles := mon.ByType(tRole)
	if len(roles) != 2 {
		t.Fatalf("want 2 roles, got %d", len(roles))
	}
	for _, r := range roles {
		t.Run(r.Name+"_trusts_only_agentcore_for_this_account_and_region", func(t *testing.T) {
			doc := parse(t, r, "assumeRolePolicy")
			if len(doc.Statement) != 1 {
				t.Fatalf("want one statement, got %d", len(doc.Statement))
			}
			s := doc.Statement[0]
			want := map[string]any{"Service": []any{"bedrock-agentcore.amazonaws.com"}}
			if s.Effect != "Allow" || !reflect.DeepEqual(s.Principal, want) ||
				!reflect.DeepEqual(s.Action, []string{"sts:AssumeRole"}) {
				t.Errorf("statement %+v", s)
			}
			cond := map[string]map[string]any{
				"StringEquals": {"aws:SourceAccount": acct},
				"ArnLike":      {"aws:SourceArn": "arn:aws:bedrock-agentcore:us-east-1:" + acct + ":*"},
			}
			if !reflect.DeepEqual(s.Condition, cond) {
				t.Errorf("condition %v, want %v", s.Condition, cond)
			}
		})
	}
}

func TestAssistantIsReadOnly(t *testing.T) {
	d := policiesOf(t, roles.MustRun(t, validArgs(), "roles"))
	t.Run("every_action_of_its_own_policy_only_reads", func(t *testing.T) {
		for _, a := range d.assistant.Actions() {
			if !isRead(a) || a == "kms:Decrypt" {
				t.Errorf("assistant policy allows %s", a)
			}
		}
	})
	t.Run("the_base_policy_writes_only_telemetry", func(t *testing.T) {
		for _, a := range d.base.Actions() {
			if !isRead(a) && !slices.Contains(telemetryWrites, a) {
				t.Errorf("base policy allows the write %s", a)
			}
		}
	})
	t.Run("reads_only_the_documents_and_processed_buckets", func(t *testing.T) {
		if got, want := byAction(d.assistant, "s3:GetObject"), []string{docsBucket + "/*", processedBkt + "/*"}; !slices.Equal(got, sorted(want)) {
			t.Errorf("s3:GetObject on %v, want %v", got, want)
		}
		if got, want := byAction(d.assistant, "s3:ListBucket"), []string{docsBucket, processedBkt}; !slices.Equal(got, sorted(want)) {
			t.Errorf("s3:ListBucket on %v, want %v", got, want)
		}
	})
	t.Run("cannot_invoke_data_automation_write_memory_encrypt_pass_or_tag", func(t *testing.T) {
		for _, a := range d.assistant.Actions() {
			for _, bad := range []string{"Put", "Delete", "Create", "Update", "Tag", "Untag", "PassRole",
				"InvokeDataAutomation", "GenerateDataKey"} {
				if strings.Contains(a, ":"+bad) {
					t.Errorf("assistant policy allows %s", a)
				}
			}
		}
	})
	t.Run("connects_to_the_database_only_as_the_read_only_user", func(t *testing.T) {
		want := []string{"arn:aws:rds-db:us-east-1:" + acct + ":dbuser:*/bidopsai_readonly"}
		if got := byAction(d.assistant, "rds-db:connect"); !slices.Equal(got, want) {
			t.Errorf("rds-db:connect on %v, want %v", got, want)
		}
	})
}

func TestWorkflowBoundaries(t *testing.T) {
	d := policiesOf(t, roles.MustRun(t, validArgs(), "roles"))
	t.Run("writes_and_deletes_only_artifacts_and_processed_objects", func(t *testing.T) {
		want := sorted([]string{artifactsBkt + "/*", processedBkt + "/*"})
		for _, a := range []string{"s3:PutObject", "s3:DeleteObject"} {
			if got := byAction(d.workflow, a); !slices.Equal(got, want) {
				t.Errorf("%s on %v, want %v", a, got, want)
			}
		}
	})
	t.Run("reads_documents_artifacts_and_processed", func(t *testing.T) {
		want := sorted([]string{docsBucket + "/*", artifactsBkt + "/*", processedBkt + "/*"})
		if got := byAction(d.workflow, "s3:GetObject"); !slices.Equal(got, want) {
			t.Errorf("s3:GetObject on %v, want %v", got, want)
		}
	})
	t.Run("never_touches_the_access_log_bucket_or_any_other_bucket", func(t *testing.T) {
		known := []string{docsBucket, artifactsBkt, processedBkt}
		for role, doc := range d.all() {
			for _, s := range doc.Statement {
				for _, r := range s.Resource {
					if strings.HasPrefix(r, accessLogsBkt) {
						t.Errorf("%s %s: access-log bucket %s", role, s.Sid, r)
					}
					if strings.HasPrefix(r, "arn:aws:s3:::") && !slices.Contains(known, strings.TrimSuffix(r, "/*")) {
						t.Errorf("%s %s: unknown bucket %s", role, s.Sid, r)
					}
				}
			}
		}
	})
	t.Run("has_no_bucket_level_write", func(t *testing.T) {
		for role, doc := range d.all() {
			for _, a := range doc.Actions() {
				if strings.HasPrefix(a, "s3:") && !slices.Contains([]string{"s3:GetObject", "s3:GetObjectVersion",
					"s3:ListBucket", "s3:PutObject", "s3:DeleteObject"}, a) {
					t.Errorf("%s allows %s", role, a)
				}
			}
		}
	})
	t.Run("connects_to_the_database_as_the_agent_user", func(t *testing.T) {
		want := []string{"arn:aws:rds-db:us-east-1:" + acct + ":dbuser:*/bidopsai_agent"}
		if got := byAction(d.workflow, "rds-db:connect"); !slices.Equal(got, want) {
			t.Errorf("rds-db:connect on %v, want %v", got, want)
		}
	})
	t.Run("reads_and_writes_memory_events_of_this_accounts_memories", func(t *testing.T) {
		want := []string{"arn:aws:bedrock-agentcore:us-east-1:" + acct + ":memory/*"}
		for _, a := range append(slices.Clone(memoryReadActions), memoryWriteActions...) {
			if got := byAction(d.workflow, a); !slices.Equal(got, want) {
				t.Errorf("%s on %v, want %v", a, got, want)
			}
		}
		if got := byAction(d.assistant, "bedrock-agentcore:CreateEvent"); got != nil {
			t.Errorf("assistant may create memory events on %v", got)
		}
	})
}

func TestOptionalGrants(t *testing.T) {
	for _, withKey := range []bool{true, false} {
		name := map[bool]string{true: "grants_kms_on_the_stack_key_only_when_given",
			false: "has_no_kms_statement_without_a_key"}[withKey]
		t.Run(name, func(t *testing.T) {
			args := validArgs()
			if !withKey {
				args.KMSKeyArn = nil
			}
			d := policiesOf(t, roles.MustRun(t, args, "roles"))
			for role, doc := range d.all() {
				has := slices.ContainsFunc(doc.Actions(), func(a string) bool { return strings.HasPrefix(a, "kms:") })
				if want := withKey && role != "assistant"; has != want {
					t.Errorf("%s: kms statements present=%v, want %v", role, has, want)
				}
			}
			if !withKey {
				return
			}
			if got := byAction(d.base, "kms:Decrypt"); !slices.Equal(got, []string{testKey}) {
				t.Errorf("base kms:Decrypt on %v", got)
			}
			if got := byAction(d.workflow, "kms:GenerateDataKey"); !slices.Equal(got, []string{testKey}) {
				t.Errorf("workflow kms:GenerateDataKey on %v", got)
			}
		})
	}
	for _, withProject := range []bool{true, false} {
		name := map[bool]string{true: "grants_data_automation_on_the_project_only_when_given",
			false: "has_no_data_automation_statement_without_a_project"}[withProject]
		t.Run(name, func(t *testing.T) {
			args := validArgs()
			if !withProject {
				args.DataAutomationProjectArn = nil
			}
			d := policiesOf(t, roles.MustRun(t, args, "roles"))
			for role, doc := range d.all() {
				has := slices.ContainsFunc(doc.Actions(), func(a string) bool { return strings.Contains(a, "DataAutomation") })
				if want := withProject && role == "workflow"; has != want {
					t.Errorf("%s: Data Automation statements present=%v, want %v", role, has, want)
				}
			}
			if !withProject {
				return
			}
			invoke := byAction(d.workflow, "bedrock:InvokeDataAutomationAsync")
			jobs := "arn:aws:bedrock:us-east-1:" + acct + ":data-automation-invocation/*"
			if !slices.Contains(invoke, testProject) ||
				!slices.Contains(invoke, "arn:aws:bedrock:*:"+acct+":data-automation-profile/*") {
				t.Errorf("InvokeDataAutomationAsync on %v", invoke)
			}
			if got := byAction(d.workflow, "bedrock:GetDataAutomationStatus"); !slices.Equal(got, []string{jobs}) {
				t.Errorf("GetDataAutomationStatus on %v", got)
			}
		})
	}
}

func TestAThirdAgentIsData(t *testing.T) {
	args := validArgs()
	args.Agents = append(args.Agents, Agent{ID: "researcher", Access: ReadOnly,
		RepositoryArn: pulumi.String("arn:aws:ecr:us-east-1:" + acct + ":repository/researcher-0a1b2c3"),
		RuntimeName:   "bidopsai_prod_researcher", LogGroup: "/bidopsai/prod/agents/researcher",
		SecretArns: pulumi.ToStringArray(testReadOnlySecrets), DatabaseUser: "bidopsai_readonly"})
	mon := roles.MustRun(t, args, "roles")
	own := parse(t, mocktest.Named(t, mon, tPolicy, "roles-researcher-policy"), "policy")
	t.Run("a_read_only_entry_gets_a_role_whose_own_policy_writes_nothing", func(t *testing.T) {
		for _, a := range own.Actions() {
			if !isRead(a) || a == "kms:Decrypt" {
				t.Errorf("researcher policy allows %s", a)
			}
		}
		if got := inputs(mocktest.Named(t, mon, tRole, "roles-researcher"))["tags"].(map[string]any)[AccessTag]; got != "read-only" {
			t.Errorf("researcher role %s tag = %v, want read-only", AccessTag, got)
		}
	})
	t.Run("the_base_policy_covers_its_image_runtime_and_logs", func(t *testing.T) {
		base := parse(t, mocktest.Named(t, mon, tPolicy, "roles-base-policy"), "policy")
		pull := byAction(base, "ecr:BatchGetImage")
		if !slices.Contains(pull, "arn:aws:ecr:us-east-1:"+acct+":repository/researcher-0a1b2c3") || len(pull) != 3 {
			t.Errorf("ecr:BatchGetImage on %v", pull)
		}
		logs := byAction(base, "logs:PutLogEvents")
		if !slices.Contains(logs, "arn:aws:logs:us-east-1:"+acct+":log-group:/bidopsai/prod/agents/researcher:*") {
			t.Errorf("logs:PutLogEvents on %v", logs)
		}
	})
	t.Run("its_policy_equals_the_assistants_apart_from_the_agent", func(t *testing.T) {
		assistant := parse(t, mocktest.Named(t, mon, tPolicy, "roles-assistant-policy"), "policy")
		if !reflect.DeepEqual(own, assistant) {
			t.Errorf("researcher policy differs from the other read-only agent's:\n%v\n%v", own, assistant)
		}
	})
}
