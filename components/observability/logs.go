package observability

import (
	"fmt"

	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/cloudwatch"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/bidopsai/bidopsai-infra/internal/naming"
	"github.com/bidopsai/bidopsai-infra/internal/tier"
)

// logGroups are the log groups this tier names: one per agent, and the stack's system group.
type logGroups struct {
	agents map[string]*cloudwatch.LogGroup // by agent id
	system *cloudwatch.LogGroup
}

// inOrder lists the groups as LogGroupArns does: the agents in MonitoringArgs.Agents order,
// then the system group.
func (g logGroups) inOrder(agents []string) []*cloudwatch.LogGroup {
	out := make([]*cloudwatch.LogGroup, 0, len(agents)+1)
	for _, a := range agents {
		out = append(out, g.agents[a])
	}
	return append(out, g.system)
}

// logGroups creates each agent's log group and the system log group, with retention, the
// optional key and protection. Logical names are <name>-<agent>-logs and <name>-system-logs.
func (b *builder) logGroups() (logGroups, error) {
	out := logGroups{agents: map[string]*cloudwatch.LogGroup{}}
	for _, a := range b.args.Agents {
		name, err := naming.AgentLogGroup(b.args.Stack, a)
		if err != nil {
			return logGroups{}, err
		}
		if out.agents[a], err = b.logGroup("-"+a+"-logs", name); err != nil {
			return logGroups{}, err
		}
	}
	name, err := naming.SystemLogGroup(b.args.Stack)
	if err != nil {
		return logGroups{}, err
	}
	out.system, err = b.logGroup("-system-logs", name)
	return out, err
}

func (b *builder) logGroup(suffix, name string) (*cloudwatch.LogGroup, error) {
	g, err := cloudwatch.NewLogGroup(b.ctx, b.name+suffix, &cloudwatch.LogGroupArgs{
		Name:            pulumi.String(name),
		RetentionInDays: pulumi.Int(b.args.LogRetentionDays),
		KmsKeyId:        b.kmsKey(),
		Tags:            tier.TagsFor(component, b.args.Tags),
	}, pulumi.Parent(b.parent), tier.Stateful(b.args.Protect))
	if err != nil {
		return nil, fmt.Errorf("log group %s: %w", name, err)
	}
	return g, nil
}

// runtimeLogGroups own the log group AgentCore writes each runtime's DEFAULT endpoint to, so it
// gets the stack's retention and key instead of never expiring. Its name follows the runtime
// id, so it is retained on delete but never protected (a protected group would block replacing
// the runtime). A group AgentCore created first is adopted with `pulumi import` (README).
func (b *builder) runtimeLogGroups() (pulumi.StringMap, error) {
	out := pulumi.StringMap{}
	for _, rt := range b.args.Runtimes {
		name := rt.ID.ToStringOutput().ApplyT(func(id string) string {
			return naming.RuntimeLogGroupPrefix + id + "-DEFAULT"
		}).(pulumi.StringOutput)
		g, err := cloudwatch.NewLogGroup(b.ctx, b.name+"-"+rt.Agent+"-runtime-logs", &cloudwatch.LogGroupArgs{
			Name:            name,
			RetentionInDays: pulumi.Int(b.args.LogRetentionDays),
			KmsKeyId:        b.kmsKey(),
			Tags:            tier.TagsFor(component, b.args.Tags),
		}, pulumi.Parent(b.parent), pulumi.RetainOnDelete(b.args.Protect))
		if err != nil {
			return nil, fmt.Errorf("runtime log group of %s: %w", rt.Agent, err)
		}
		out[rt.Agent] = g.Name
	}
	return out, nil
}
