package access

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/internals"

	"github.com/bidopsai/bidopsai-infra/internal/mock"

	"github.com/bidopsai/bidopsai-infra/internal/mock/mocktest"
)

func TestInventory(t *testing.T) {
	mon := roles.MustRun(t, validArgs(), "roles")
	t.Run("registers_two_roles_three_policies_and_four_attachments", func(t *testing.T) {
		got := map[string]int{}
		for _, r := range mon.Resources() {
			got[r.Type]++
		}
		want := map[string]int{TypeToken: 1, tRole: 2, tPolicy: 3, tAttachment: 4}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("resources per type %v, want %v", got, want)
		}
	})
	t.Run("attaches_the_base_policy_to_every_role_and_each_own_policy_to_its_role_only", func(t *testing.T) {
		roleOf, policyOf := outputNames(mon, tRole, "name"), outputNames(mon, tPolicy, "arn")
		got := map[string][]string{}
		for _, r := range mon.ByType(tAttachment) {
			in := inputs(r)
			role, _ := in["role"].(string)
			arn, _ := in["policyArn"].(string)
			got[roleOf[role]] = append(got[roleOf[role]], policyOf[arn])
		}
		for _, v := range got {
			slices.Sort(v)
		}
		want := map[string][]string{
			"roles-workflow":  {"roles-base-policy", "roles-workflow-policy"},
			"roles-assistant": {"roles-assistant-policy", "roles-base-policy"},
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("attachments %v, want %v", got, want)
		}
	})
	t.Run("uses_managed_policies_only_no_inline_or_aws_managed", func(t *testing.T) {
		for _, r := range mon.ByType(tRole) {
			in := inputs(r)
			if in["inlinePolicies"] != nil || in["managedPolicyArns"] != nil {
				t.Errorf("%s: inline %v managed %v", r.Name, in["inlinePolicies"], in["managedPolicyArns"])
			}
		}
		for _, r := range mon.ByType(tAttachment) {
			if arn, _ := inputs(r)["policyArn"].(string); strings.Contains(arn, ":aws:policy/") {
				t.Errorf("%s attaches the AWS-managed %s", r.Name, arn)
			}
		}
	})
	t.Run("protects_nothing_iam_is_recreatable", func(t *testing.T) {
		for _, r := range mon.Resources() {
			if r.Protect || r.RetainOnDelete {
				t.Errorf("%s %s is protected", r.Type, r.Name)
			}
		}
	})
	t.Run("tags_roles_and_policies_with_the_component_and_each_roles_access", func(t *testing.T) {
		access := map[string]string{"roles-workflow": "read-write", "roles-workflow-policy": "read-write",
			"roles-assistant": "read-only", "roles-assistant-policy": "read-only"}
		for _, typ := range []string{tRole, tPolicy} {
			for _, r := range mon.ByType(typ) {
				want := map[string]any{"component": "access", "owner": "platform"}
				if level := access[r.Name]; level != "" {
					want[AccessTag] = level
				}
				if got := inputs(r)["tags"]; !reflect.DeepEqual(got, want) {
					t.Errorf("%s tags %v, want %v", r.Name, got, want)
				}
			}
		}
	})
}

func TestParentsAndNames(t *testing.T) {
	t.Run("two_components_do_not_collide_and_every_child_is_parented_to_its_component", func(t *testing.T) {
		mon := roles.MustRun(t, validArgs(), "roles", "other")
		owners := map[string]string{}
		for _, r := range mon.ByType(TypeToken) {
			owners[r.Name] = r.URN
		}
		for _, r := range mon.Resources() {
			if r.Type == TypeToken {
				continue
			}
			owner, _, _ := strings.Cut(r.Name, "-")
			if owners[owner] == "" || r.Parent != owners[owner] {
				t.Errorf("%s %q: parent %q, want the %q component", r.Type, r.Name, r.Parent, owner)
			}
		}
		if n := len(mon.Resources()); n != 20 {
			t.Errorf("want 20 resources, got %d", n)
		}
	})
	t.Run("auto_names_roles_from_the_component_name", func(t *testing.T) {
		for _, r := range roles.MustRun(t, validArgs(), "roles").ByType(tRole) {
			if n := r.Outputs["name"].StringValue(); !strings.HasPrefix(n, r.Name+"-") || len(n) > 64 {
				t.Errorf("role %s named %q", r.Name, n)
			}
		}
	})
}

func TestOutputs(t *testing.T) {
	t.Run("exports_each_role_arn_and_name_and_the_base_policy_arn", func(t *testing.T) {
		mon, got, err := roles.Outputs(validArgs(), func(c *AgentRoles) map[string]pulumi.Output {
			outs := map[string]pulumi.Output{"basePolicyArn": c.BasePolicyArn, "arns": c.RoleArns, "names": c.RoleNames}
			for id, r := range c.Roles {
				outs[id+"Arn"], outs[id+"Name"] = r.Arn, r.Name
			}
			return outs
		})
		if err != nil {
			t.Fatal(err)
		}
		want := map[string]any{"basePolicyArn": mocktest.Named(t, mon, tPolicy, "roles-base-policy").Outputs["arn"].StringValue()}
		arns, names := map[string]string{}, map[string]string{}
		for id, logical := range map[string]string{"workflow": "roles-workflow", "ai-assistant": "roles-assistant"} {
			r := mocktest.Named(t, mon, tRole, logical)
			want[id+"Arn"], want[id+"Name"] = r.Outputs["arn"].StringValue(), r.Outputs["name"].StringValue()
			arns[id], names[id] = r.Outputs["arn"].StringValue(), r.Outputs["name"].StringValue()
		}
		want["arns"], want["names"] = arns, names
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("outputs\n got %v\nwant %v", got, want)
		}
	})
	t.Run("accepts_other_tiers_outputs_as_inputs", func(t *testing.T) {
		args := validArgs()
		args.DocumentsBucketArn = pulumi.String(docsBucket).ToStringOutput()
		args.Agents[0].SecretArns = pulumi.ToStringArray(testSecrets).ToStringArrayOutput()
		args.KMSKeyArn = pulumi.String(testKey).ToStringOutput()
		d := policiesOf(t, roles.MustRun(t, args, "roles"))
		if got := byAction(d.assistant, "s3:ListBucket"); !slices.Contains(got, docsBucket) {
			t.Errorf("s3:ListBucket on %v", got)
		}
	})
}

func TestRuntimeReadiness(t *testing.T) {
	t.Run("lists_each_roles_own_attachments_for_runtimes_to_wait_on", func(t *testing.T) {
		var wf, as []string
		mon := mock.New("bidopsai", "prod", "us-east-1")
		err := pulumi.RunErr(func(ctx *pulumi.Context) error {
			c, err := NewAgentRoles(ctx, "roles", validArgs())
			if err != nil {
				return err
			}
			wf, as = urnNames(ctx, c.Roles["workflow"].Ready), urnNames(ctx, c.Roles["ai-assistant"].Ready)
			return nil
		}, pulumi.WithMocks("bidopsai", "prod", mon))
		if err != nil {
			t.Fatal(err)
		}
		if want := []string{"roles-workflow-base", "roles-workflow-own"}; !slices.Equal(wf, want) {
			t.Errorf("workflow readiness %v, want %v", wf, want)
		}
		if want := []string{"roles-assistant-base", "roles-assistant-own"}; !slices.Equal(as, want) {
			t.Errorf("assistant readiness %v, want %v", as, want)
		}
	})
}

// urnNames are the logical names of resources (the last URN segment).
func urnNames(ctx *pulumi.Context, rs []pulumi.Resource) []string {
	var out []string
	for _, r := range rs {
		res, err := internals.UnsafeAwaitOutput(ctx.Context(), r.URN())
		if err != nil {
			continue
		}
		urn, _ := res.Value.(pulumi.URN)
		out = append(out, string(urn)[strings.LastIndex(string(urn), "::")+2:])
	}
	slices.Sort(out)
	return out
}

// outputNames maps an output value (a role's name, a policy's ARN) to the logical name.
func outputNames(mon *mock.Monitor, typ, key string) map[string]string {
	out := map[string]string{}
	for _, r := range mon.ByType(typ) {
		out[r.Outputs[resource.PropertyKey(key)].StringValue()] = r.Name
	}
	return out
}
