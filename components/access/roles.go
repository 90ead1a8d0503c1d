// Package access is the access tier: the AgentCore agents' IAM roles. One customer-managed base
// policy (image pull, logs, traces, metrics, workload identity, configuration) is attached to an
// execution role, the read/write workflow role and the read-only AI assistant role.
package access

import (
	"fmt"

	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/iam"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/bidopsai/bidopsai-infra/internal/policydoc"
	"github.com/bidopsai/bidopsai-infra/internal/tags"
)

// TypeToken is the component's type; renaming it needs pulumi.Aliases.
const TypeToken = "bidopsai:access:AgentRoles"

// component is the value of the tier's cost-allocation tag.
const component = "access"

// Suffixes of the children's logical names (and so of the generated role names).
const (
	suffixExecution = "-execution"
	suffixWorkflow  = "-workflow"
	suffixAssistant = "-assistant"
)

// AgentRoles are the agents' roles. Other tiers use only its outputs.
type AgentRoles struct {
	pulumi.ResourceState

	// ExecutionRoleArn is the base execution role (base policy only), for any agent runtime.
	ExecutionRoleArn pulumi.StringOutput `pulumi:"executionRoleArn"`
	// ExecutionRoleName is the base execution role's generated name.
	ExecutionRoleName pulumi.StringOutput `pulumi:"executionRoleName"`
	// WorkflowRoleArn is the workflow agent's role (read/write).
	WorkflowRoleArn pulumi.StringOutput `pulumi:"workflowRoleArn"`
	// WorkflowRoleName is the workflow agent role's generated name.
	WorkflowRoleName pulumi.StringOutput `pulumi:"workflowRoleName"`
	// AssistantRoleArn is the AI assistant's role (read-only).
	AssistantRoleArn pulumi.StringOutput `pulumi:"assistantRoleArn"`
	// AssistantRoleName is the AI assistant role's generated name.
	AssistantRoleName pulumi.StringOutput `pulumi:"assistantRoleName"`
	// BasePolicyArn is the customer-managed base policy attached to all three roles.
	BasePolicyArn pulumi.StringOutput `pulumi:"basePolicyArn"`
}

// NewAgentRoles creates the base policy, the three roles and their policies. Invalid args
// create nothing.
func NewAgentRoles(ctx *pulumi.Context, name string, args *AgentRolesArgs, opts ...pulumi.ResourceOption) (*AgentRoles, error) {
	if args == nil {
		return nil, fmt.Errorf("access %q: args: required, got nil", name)
	}
	a := withDefaults(*args)
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
	if err := ctx.RegisterResourceOutputs(c, pulumi.Map{
		"executionRoleArn":  c.ExecutionRoleArn,
		"executionRoleName": c.ExecutionRoleName,
		"workflowRoleArn":   c.WorkflowRoleArn,
		"workflowRoleName":  c.WorkflowRoleName,
		"assistantRoleArn":  c.AssistantRoleArn,
		"assistantRoleName": c.AssistantRoleName,
		"basePolicyArn":     c.BasePolicyArn,
	}); err != nil {
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
	}{
		{suffixExecution, "bidopsai AgentCore execution role (base permissions)", nil,
			&c.ExecutionRoleArn, &c.ExecutionRoleName},
		{suffixWorkflow, "bidopsai workflow agent (read/write)", workflowPolicy,
			&c.WorkflowRoleArn, &c.WorkflowRoleName},
		{suffixAssistant, "bidopsai AI assistant agent (read-only)", assistantPolicy,
			&c.AssistantRoleArn, &c.AssistantRoleName},
	}
	for _, r := range roles {
		role, err := b.role(r.suffix, r.description, base)
		if err != nil {
			return err
		}
		*r.arn, *r.roleName = role.Arn, role.Name
		if r.own == nil {
			continue
		}
		own, err := b.policy(r.suffix, "Own permissions of the "+r.description, r.own)
		if err != nil {
			return err
		}
		if err := b.attach(r.suffix+"-own", role, own); err != nil {
			return err
		}
	}
	return nil
}

// role creates a role trusting AgentCore and attaches the base policy to it.
func (b *builder) role(suffix, description string, base *iam.Policy) (*iam.Role, error) {
	role, err := iam.NewRole(b.ctx, b.name+suffix, &iam.RoleArgs{
		Description:      pulumi.String(description),
		AssumeRolePolicy: pulumi.String(b.trust),
		Tags:             b.tags,
	}, pulumi.Parent(b.parent))
	if err != nil {
		return nil, fmt.Errorf("role %s: %w", b.name+suffix, err)
	}
	return role, b.attach(suffix+"-base", role, base)
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

func (b *builder) attach(suffix string, role *iam.Role, pol *iam.Policy) error {
	_, err := iam.NewRolePolicyAttachment(b.ctx, b.name+suffix, &iam.RolePolicyAttachmentArgs{
		Role:      role.Name,
		PolicyArn: pol.Arn,
	}, pulumi.Parent(b.parent))
	if err != nil {
		return fmt.Errorf("attachment %s: %w", b.name+suffix, err)
	}
	return nil
}
