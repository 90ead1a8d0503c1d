package stack_test

import (
	"encoding/json"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/bidopsai/bidopsai-infra/internal/inventory"
)

const (
	tRole       = "aws:iam/role:Role"
	tPolicy     = "aws:iam/policy:Policy"
	tAttachment = "aws:iam/rolePolicyAttachment:RolePolicyAttachment"
	tRuntime    = "bidopsai:index:AgentRuntime"
)

// statement is the part of an IAM statement these tests read.
type statement struct {
	Effect   string
	Action   stringOrList
	Resource stringOrList
}

type stringOrList []string

func (l *stringOrList) UnmarshalJSON(b []byte) error {
	var one string
	if json.Unmarshal(b, &one) == nil {
		*l = []string{one}
		return nil
	}
	return json.Unmarshal(b, (*[]string)(l))
}

// rolePolicies returns the statements of every policy attached to the role whose logical name
// is role, read from the plan (attachment -> policy ARN -> policy document).
func rolePolicies(t *testing.T, inv *inventory.Inventory, role string) []statement {
	t.Helper()
	var out []statement
	for _, a := range byType(inv, tAttachment) {
		name, _ := a.Inputs["role"].(string)
		if !strings.HasPrefix(name, role+"-") || strings.Count(name[len(role)+1:], "-") != 0 {
			continue
		}
		arn, _ := a.Inputs["policyArn"].(string)
		physical := arn[strings.LastIndex(arn, "/")+1:]
		for _, p := range byType(inv, tPolicy) {
			if !strings.HasPrefix(physical, p.Name+"-") || strings.Count(physical[len(p.Name)+1:], "-") != 0 {
				continue
			}
			var doc struct{ Statement []statement }
			text, _ := p.Inputs["policy"].(string)
			if err := json.Unmarshal([]byte(text), &doc); err != nil {
				t.Fatalf("%s policy: %v", p.Name, err)
			}
			out = append(out, doc.Statement...)
		}
	}
	if len(out) == 0 {
		t.Fatalf("no policy attached to %s", role)
	}
	return out
}

// allowed returns the resources Allow statements grant an action on.
func allowed(sts []statement, action string) []string {
	var out []string
	for _, s := range sts {
		if s.Effect == "Allow" && slices.Contains(s.Action, action) {
			out = append(out, s.Resource...)
		}
	}
	return out
}

// secretNames maps secret ARNs to the names of the plan's secrets.
func secretNames(t *testing.T, inv *inventory.Inventory, arns []string) []string {
	t.Helper()
	var out []string
	for _, arn := range arns {
		_, rest, _ := strings.Cut(arn, ":secret:")
		found := ""
		for _, s := range byType(inv, "aws:secretsmanager/secret:Secret") {
			if n, _ := s.Inputs["name"].(string); strings.HasPrefix(rest, n+"-") && strings.Count(rest[len(n)+1:], "-") == 0 {
				found = n
			}
		}
		if found == "" {
			t.Errorf("%s is no secret of this stack", arn)
		}
		out = append(out, found)
	}
	slices.Sort(out)
	return out
}

// usedBeyondItsPolicies is true when a resource other than the role's policy attachments refers
// to the role's ARN (a runtime's roleArn, a flow log's iamRoleArn, ...).
func usedBeyondItsPolicies(inv *inventory.Inventory, role inventory.Resource) bool {
	for _, r := range inv.Resources {
		if r.Type == tAttachment || r.URN == role.URN {
			continue
		}
		b, _ := json.Marshal(r.Inputs)
		if strings.Contains(string(b), ":role/"+role.Name+"-") {
			return true
		}
	}
	return false
}

// From the plan: which secrets each agent's role can read.
func TestEachRoleReadsOnlyItsAgentsSecrets(t *testing.T) {
	for _, env := range environments {
		t.Run(env, func(t *testing.T) {
			inv := planStack(t, env).Inventory
			p := "bidopsai/" + env + "/"
			want := map[string][]string{
				"workflow": {p + "aws/credentials", p + "database/credentials", p + "integrations/slack", p + "observability/langfuse"},
				// The read-only assistant: its own read-only user, never the read/write user or the AWS keys.
				"assistant": {p + "database/readonly-credentials", p + "observability/langfuse"},
			}
			for role, names := range want {
				sts := rolePolicies(t, inv, "bidopsai-"+env+"-"+role)
				for _, action := range []string{"secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"} {
					if got := secretNames(t, inv, allowed(sts, action)); !slices.Equal(got, names) {
						t.Errorf("%s %s on %v, want %v", role, action, got, names)
					}
				}
			}
		})
	}
}

func TestRolesAndRuntimes(t *testing.T) {
	for _, env := range environments {
		t.Run(env, func(t *testing.T) {
			res := planStack(t, env)
			inv := res.Inventory
			// roles are the runtimes' roles, by logical name (a runtime's roleArn ends in its role's
			// generated name, <logical name>-<suffix>).
			roles := map[string]bool{}
			for _, r := range byType(inv, tRole) {
				for _, rt := range byType(inv, tRuntime) {
					if arn, _ := rt.Inputs["roleArn"].(string); strings.Contains(arn, ":role/"+r.Name+"-") {
						roles[r.Name] = true
					}
				}
			}
			t.Run("has_no_unused_role", func(t *testing.T) {
				want := map[string]bool{"bidopsai-" + env + "-workflow": true, "bidopsai-" + env + "-assistant": true}
				if !maps.Equal(roles, want) {
					t.Errorf("runtime roles %v, want %v", roles, want)
				}
				for _, r := range byType(inv, tRole) {
					if !usedBeyondItsPolicies(inv, r) {
						t.Errorf("role %s is used by nothing", r.Name)
					}
				}
			})
			t.Run("each_runtime_waits_for_its_roles_policy_attachments", func(t *testing.T) {
				for agent, role := range map[string]string{"workflow": "workflow", "ai-assistant": "assistant"} {
					var rt *inventory.Resource
					for _, r := range byType(inv, tRuntime) {
						if r.Name == "bidopsai-"+env+"-"+agent {
							rt = &r
						}
					}
					if rt == nil {
						t.Fatalf("no runtime for %s", agent)
					}
					for _, suffix := range []string{"-base", "-own"} {
						att := "RolePolicyAttachment::bidopsai-" + env + "-" + role + suffix
						if !slices.ContainsFunc(rt.Dependencies, func(d string) bool { return strings.HasSuffix(d, att) }) {
							t.Errorf("runtime %s does not depend on %s: %v", rt.Name, att, rt.Dependencies)
						}
					}
				}
			})
			t.Run("no_role_creates_log_groups", func(t *testing.T) {
				for role := range roles {
					if got := allowed(rolePolicies(t, inv, role), "logs:CreateLogGroup"); len(got) > 0 {
						t.Errorf("%s may create log groups %v", role, got)
					}
				}
			})
			t.Run("behind_a_jwt_authorizer_the_user_id_token_is_denied", func(t *testing.T) {
				const userID = "bedrock-agentcore:GetWorkloadAccessTokenForUserId"
				for role := range roles {
					sts := rolePolicies(t, inv, role)
					denied := slices.ContainsFunc(sts, func(s statement) bool {
						return s.Effect == "Deny" && slices.Contains(s.Action, userID)
					})
					granted := len(allowed(sts, userID)) > 0
					if jwt := res.Config.Runtime.JWTAuthorizer; jwt && (granted || !denied) {
						t.Errorf("%s: %s granted=%v denied=%v with the JWT authorizer on", role, userID, granted, denied)
					}
					for _, a := range []string{"bedrock-agentcore:GetWorkloadAccessToken", "bedrock-agentcore:GetWorkloadAccessTokenForJWT"} {
						if len(allowed(sts, a)) == 0 {
							t.Errorf("%s lacks %s", role, a)
						}
					}
				}
			})
		})
	}
}
