// Package access is the access tier: the AgentCore agents' IAM roles, one per agent. One
// customer-managed base policy (image pull, logs, traces, metrics, workload identity,
// configuration) is attached to every role; each role also has its own policy, read/write or
// read-only by the agent's access (models, buckets, its own secrets).
package access

import (
	"fmt"
	"maps"

	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/iam"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/bidopsai/bidopsai-infra/internal/policydoc"
	"github.com/bidopsai/bidopsai-infra/internal/tier"
)

// TypeToken is the component's type; renaming it needs pulumi.Aliases.
const TypeToken = "bidopsai:access:AgentRoles"

// component is the value of the tier's cost-allocation tag.
const component = "access"

// AccessTag is the tag on each role and own policy naming its access level (SR-IAM-8/9).
const AccessTag = tier.AccessTag

// legacy are the logical-name suffix and title of roles created before agents were data:
// keeping them means no replacement on the next up (IAM policy descriptions are immutable).
var legacy = map[string]struct{ suffix, title string }{"ai-assistant": {"-assistant", "AI assistant"}}

// roleSuffix is the logical-name suffix of an agent's role (and so of its generated name) and
// the agent's title in descriptions.
func roleSuffix(id string) (suffix, title string) {
	if old, ok := legacy[id]; ok {
		return old.suffix, old.title
	}
	return "-" + id, id
}

// accessText is how descriptions name an access level.
var accessText = map[Level]string{ReadWrite: "read/write", ReadOnly: "read-only"}

// Role is one agent's role.
type Role struct {
	Arn, Name pulumi.StringOutput
	// Ready are the role's policy attachments: a runtime depends on them (pulumi.DependsOn) so
	// it never starts with a role that cannot pull its image.
	Ready []pulumi.Resource
}

// AgentRoles are the agents' roles. Other tiers use only its outputs.
type AgentRoles struct {
	pulumi.ResourceState

	// RoleArns are the roles' ARNs by agent id.
	RoleArns pulumi.StringMapOutput `pulumi:"roleArns"`
	// RoleNames are the roles' generated names by agent id.
	RoleNames pulumi.StringMapOutput `pulumi:"roleNames"`
	// BasePolicyArn is the customer-managed base policy attached to every role.
	BasePolicyArn pulumi.StringOutput `pulumi:"basePolicyArn"`

	// Roles are the roles by agent id.
	Roles map[string]Role
}

// NewAgentRoles creates the base policy, a role per agent and their policies. Invalid args
// create nothing.
func NewAgentRoles(ctx *pulumi.Context, name string, args *AgentRolesArgs, opts ...pulumi.ResourceOption) (*AgentRoles, error) {
	if args == nil {
		return nil, tier.NilArgs(component, name)
	}
	a := *args
	if err := validate(name, &a); err != nil {
		return nil, err
	}
	trust, err := trustPolicy(newScope(&a)).JSON()
	if err != nil {
		return nil, fmt.Errorf("access %q: %w", name, err)
	}
	c := &AgentRoles{Roles: map[string]Role{}}
	if err := ctx.RegisterComponentResource(TypeToken, name, c, opts...); err != nil {
		return nil, fmt.Errorf("access %q: register component: %w", name, err)
	}
	b := &builder{ctx: ctx, parent: c, name: name, plan: newPlan(&a), all: collect(&a),
		trust: trust, tags: tier.TagsFor(component, a.Tags)}
	if err := b.build(c, a.Agents); err != nil {
		return nil, fmt.Errorf("access %q: %w", name, err)
	}
	arns, names := pulumi.StringMap{}, pulumi.StringMap{}
	for id, r := range c.Roles {
		arns[id], names[id] = r.Arn, r.Name
	}
	c.RoleArns, c.RoleNames = arns.ToStringMapOutput(), names.ToStringMapOutput()
	if err := tier.RegisterOutputs(ctx, c); err != nil {
		return nil, fmt.Errorf("access %q: register outputs: %w", name, err)
	}
	return c, nil
}

// builder holds what every child needs.
type builder struct {
	ctx    *pulumi.Context
	parent *AgentRoles
	name   string
	plan   plan
	all    pulumi.MapOutput
	trust  string
	tags   pulumi.StringMap
}

// build creates the base policy, then each agent's role with the base policy and its own policy.
func (b *builder) build(c *AgentRoles, agents []Agent) error {
	base, err := b.policy("-base", "Base permissions of every bidopsai agent runtime", nil, basePolicy)
	if err != nil {
		return err
	}
	c.BasePolicyArn = base.Arn
	for _, ag := range agents {
		suffix, title := roleSuffix(ag.ID)
		description := fmt.Sprintf("bidopsai %s agent (%s)", title, accessText[ag.Access])
		own := ownPolicy(ag)
		accessTags := pulumi.StringMap{AccessTag: pulumi.String(string(ag.Access))}
		role, err := iam.NewRole(b.ctx, b.name+suffix, &iam.RoleArgs{
			Description:      pulumi.String(description),
			AssumeRolePolicy: pulumi.String(b.trust),
			Tags:             merge(b.tags, accessTags),
		}, pulumi.Parent(b.parent))
		if err != nil {
			return fmt.Errorf("role %s: %w", b.name+suffix, err)
		}
		pol, err := b.policy(suffix, "Own permissions of the "+description, accessTags, own)
		if err != nil {
			return err
		}
		r := Role{Arn: role.Arn, Name: role.Name}
		for _, p := range []struct {
			suffix string
			policy *iam.Policy
		}{{"-base", base}, {"-own", pol}} {
			att, err := b.attach(suffix+p.suffix, role, p.policy)
			if err != nil {
				return err
			}
			r.Ready = append(r.Ready, att)
		}
		c.Roles[ag.ID] = r
	}
	return nil
}

// merge is the component tags plus extra ones.
func merge(base, extra pulumi.StringMap) pulumi.StringMap {
	out := maps.Clone(base)
	maps.Copy(out, extra)
	return out
}

// policy creates a customer-managed policy (SR-IAM-11) from a document over the resolved refs.
func (b *builder) policy(suffix, description string, extraTags pulumi.StringMap, doc func(plan, refs) policydoc.Document) (*iam.Policy, error) {
	p := b.plan
	text := b.all.ApplyT(func(vs map[string]any) (string, error) {
		r, err := decode(p, vs)
		if err != nil {
			return "", err
		}
		return doc(p, r).JSON()
	}).(pulumi.StringOutput)
	pol, err := iam.NewPolicy(b.ctx, b.name+suffix+"-policy", &iam.PolicyArgs{
		Description: pulumi.String(description),
		Policy:      text,
		Tags:        merge(b.tags, extraTags),
	}, pulumi.Parent(b.parent))
	if err != nil {
		return nil, fmt.Errorf("policy %s: %w", b.name+suffix, err)
	}
	return pol, nil
}

func (b *builder) attach(suffix string, role *iam.Role, pol *iam.Policy) (*iam.RolePolicyAttachment, error) {
	att, err := iam.NewRolePolicyAttachment(b.ctx, b.name+suffix, &iam.RolePolicyAttachmentArgs{
		Role:      role.Name,
		PolicyArn: pol.Arn,
	}, pulumi.Parent(b.parent))
	if err != nil {
		return nil, fmt.Errorf("attachment %s: %w", b.name+suffix, err)
	}
	return att, nil
}
