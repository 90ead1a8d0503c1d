// Package access is the access tier: the AgentCore agents' IAM roles. One customer-managed base
// policy (image pull, logs, traces, metrics, workload identity, configuration) is attached to the
// read/write workflow role and the read-only AI assistant role; each also has its own policy
// (models, buckets, its own secrets).
package access

import (
	"fmt"

	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/iam"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/bidopsai/bidopsai-infra/internal/outputs"
	"github.com/bidopsai/bidopsai-infra/internal/policydoc"
	"github.com/bidopsai/bidopsai-infra/internal/tags"
)

// TypeToken is the component's type; renaming it needs pulumi.Aliases.
const TypeToken = "bidopsai:access:AgentRoles"

// component is the value of the tier's cost-allocation tag.
const component = "access"

// Suffixes of the children's logical names (and so of the generated role names).
const (
	suffixWorkflow  = "-workflow"
	suffixAssistant = "-assistant"
)

// AgentRoles are the agents' roles. Other tiers use only its outputs.
type AgentRoles struct {
	pulumi.ResourceState

	// WorkflowRoleArn is the workflow agent's role (read/write).
	WorkflowRoleArn pulumi.StringOutput `pulumi:"workflowRoleArn"`
	// WorkflowRoleName is the workflow agent role's generated name.
	WorkflowRoleName pulumi.StringOutput `pulumi:"workflowRoleName"`
	// AssistantRoleArn is the AI assistant's role (read-only).
	AssistantRoleArn pulumi.StringOutput `pulumi:"assistantRoleArn"`
	// AssistantRoleName is the AI assistant role's generated name.
	AssistantRoleName pulumi.StringOutput `pulumi:"assistantRoleName"`
	// BasePolicyArn is the customer-managed base policy attached to both roles.
	BasePolicyArn pulumi.StringOutput `pulumi:"basePolicyArn"`

	// WorkflowRoleReady and AssistantRoleReady are each role's policy attachments: a runtime
	// depends on them (pulumi.DependsOn) so it never starts with a role that cannot pull its image.
	WorkflowRoleReady, AssistantRoleReady []pulumi.Resource
}

// NewAgentRoles creates the base policy, the two roles and their policies. Invalid args
// create nothing.
func NewAgentRoles(ctx *pulumi.Context, name string, args *AgentRolesArgs, opts ...pulumi.ResourceOption) (*AgentRoles, error) {
	if args == nil {
		return nil, fmt.Errorf("access %q: args: required, got nil", name)
	}
	a := *args
	if err := validate(name, &a); err != nil {
		return nil, err
	}
	trust, err := trustPolicy(newScope(&a)).JSON()
	if err != nil {
		return nil, fmt.Errorf("access %q: %w", name, err)
	}
	c := &AgentRoles{}
	if err := ctx.RegisterComponentResource(TypeToken, name, c, opts...); err != nil {
		return nil, fmt.Errorf("access %q: register component: %w", name, err)
	}
	b := &builder{ctx: ctx, parent: c, name: name, plan: newPlan(&a), all: collect(&a),
		trust: trust, tags: tags.For(component, a.Tags)}
	if err := b.build(c); err != nil {
		return nil, fmt.Errorf("access %q: %w", name, err)
	}
	if err := outputs.Register(ctx, c); err != nil {
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
	all    pulumi.ArrayOutput
	trust  string
	tags   pulumi.StringMap
}

// build creates the base policy, then each role with the base policy and its own policy.
func (b *builder) build(c *AgentRoles) error {
	base, err := b.policy("-base", "Base permissions of every bidopsai agent runtime", basePolicy)
	if err != nil {
		return err
	}
	c.BasePolicyArn = base.Arn
	roles := []struct {
		suffix, description string
		own                 func(plan, refs) policydoc.Document
		arn, roleName       *pulumi.StringOutput
		ready               *[]pulumi.Resource
	}{
		{suffixWorkflow, "bidopsai workflow agent (read/write)", workflowPolicy,
			&c.WorkflowRoleArn, &c.WorkflowRoleName, &c.WorkflowRoleReady},
		{suffixAssistant, "bidopsai AI assistant agent (read-only)", assistantPolicy,
			&c.AssistantRoleArn, &c.AssistantRoleName, &c.AssistantRoleReady},
	}
	for _, r := range roles {
		role, err := iam.NewRole(b.ctx, b.name+r.suffix, &iam.RoleArgs{
			Description:      pulumi.String(r.description),
			AssumeRolePolicy: pulumi.String(b.trust),
			Tags:             b.tags,
		}, pulumi.Parent(b.parent))
		if err != nil {
			return fmt.Errorf("role %s: %w", b.name+r.suffix, err)
		}
		*r.arn, *r.roleName = role.Arn, role.Name
		own, err := b.policy(r.suffix, "Own permissions of the "+r.description, r.own)
		if err != nil {
			return err
		}
		for _, a := range []struct {
			suffix string
			policy *iam.Policy
		}{{"-base", base}, {"-own", own}} {
			att, err := b.attach(r.suffix+a.suffix, role, a.policy)
			if err != nil {
				return err
			}
			*r.ready = append(*r.ready, att)
		}
	}
	return nil
}

// policy creates a customer-managed policy (SR-IAM-11) from a document over the resolved refs.
func (b *builder) policy(suffix, description string, doc func(plan, refs) policydoc.Document) (*iam.Policy, error) {
	name, p := b.name, b.plan
	text := b.all.ApplyT(func(vs []any) (string, error) {
		r, err := decode(name, p.scope, vs)
		if err != nil {
			return "", err
		}
		return doc(p, r).JSON()
	}).(pulumi.StringOutput)
	pol, err := iam.NewPolicy(b.ctx, b.name+suffix+"-policy", &iam.PolicyArgs{
		Description: pulumi.String(description),
		Policy:      text,
		Tags:        b.tags,
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
