package observability

import (
	"fmt"

	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/cloudwatch"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/bidopsai/bidopsai-infra/internal/naming"
	"github.com/bidopsai/bidopsai-infra/internal/tags"
	"github.com/bidopsai/bidopsai-infra/internal/tier"
)

// logGroup is one log group this tier owns: its logical suffix and its fixed name.
type logGroup struct {
	suffix, name string
}

// LogGroupNames are the three log groups' fixed names, in output order: workflow, ai-assistant,
// system. Agents and the IAM tier address them by these names.
func LogGroupNames(stack string) ([]string, error) {
	specs, err := logGroupSpecs(stack)
	if err != nil {
		return nil, err
	}
	out := make([]string, len(specs))
	for i, s := range specs {
		out[i] = s.name
	}
	return out, nil
}

func logGroupSpecs(stack string) ([]logGroup, error) {
	workflow, err := naming.AgentLogGroup(stack, "workflow")
	if err != nil {
		return nil, err
	}
	assistant, err := naming.AgentLogGroup(stack, "ai-assistant")
	if err != nil {
		return nil, err
	}
	system, err := naming.SystemLogGroup(stack)
	if err != nil {
		return nil, err
	}
	return []logGroup{{"-workflow-logs", workflow}, {"-ai-assistant-logs", assistant}, {"-system-logs", system}}, nil
}

// logGroups creates the three log groups with retention, the optional key and protection.
func (b *builder) logGroups() ([]*cloudwatch.LogGroup, error) {
	specs, err := logGroupSpecs(b.args.Stack)
	if err != nil {
		return nil, err
	}
	var key pulumi.StringPtrInput
	if b.args.KMSKeyArn != nil {
		key = b.args.KMSKeyArn.ToStringOutput().ToStringPtrOutput()
	}
	out := make([]*cloudwatch.LogGroup, 0, len(specs))
	for _, s := range specs {
		g, err := cloudwatch.NewLogGroup(b.ctx, b.name+s.suffix, &cloudwatch.LogGroupArgs{
			Name:            pulumi.String(s.name),
			RetentionInDays: pulumi.Int(b.args.LogRetentionDays),
			KmsKeyId:        key,
			Tags:            tags.For(component, b.args.Tags),
		}, pulumi.Parent(b.parent), tier.Stateful(b.args.Protect))
		if err != nil {
			return nil, fmt.Errorf("log group %s: %w", s.name, err)
		}
		out = append(out, g)
	}
	return out, nil
}

// runtimeLogGroups own the log group AgentCore writes each runtime's DEFAULT endpoint to, so it
// gets the stack's retention and key instead of never expiring. Its name follows the runtime
// id, so it is retained on delete but never protected (a protected group would block replacing
// the runtime). A group AgentCore created first is adopted with `pulumi import` (README).
func (b *builder) runtimeLogGroups() (pulumi.StringMap, error) {
	out := pulumi.StringMap{}
	var key pulumi.StringPtrInput
	if b.args.KMSKeyArn != nil {
		key = b.args.KMSKeyArn.ToStringOutput().ToStringPtrOutput()
	}
	for _, rt := range b.args.Runtimes {
		name := rt.ID.ToStringOutput().ApplyT(func(id string) string {
			return naming.RuntimeLogGroupPrefix + id + "-DEFAULT"
		}).(pulumi.StringOutput)
		g, err := cloudwatch.NewLogGroup(b.ctx, b.name+"-"+rt.Agent+"-runtime-logs", &cloudwatch.LogGroupArgs{
			Name:            name,
			RetentionInDays: pulumi.Int(b.args.LogRetentionDays),
			KmsKeyId:        key,
			Tags:            tags.For(component, b.args.Tags),
		}, pulumi.Parent(b.parent), pulumi.RetainOnDelete(b.args.Protect))
		if err != nil {
			return nil, fmt.Errorf("runtime log group of %s: %w", rt.Agent, err)
		}
		out[rt.Agent] = g.Name
	}
	return out, nil
}
