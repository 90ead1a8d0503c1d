// Package observability is the observability tier: the agents' log groups, the custom metric
// contract (metrics.go), a dashboard that reads exactly that contract and AgentCore's runtime
// metrics, alarms that notify an SNS topic, and X-Ray tracing with a bounded sampling rate.
package observability

import (
	"fmt"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/bidopsai/bidopsai-infra/internal/tier"
)

// TypeToken is the component's type; renaming it needs pulumi.Aliases.
const TypeToken = "bidopsai:observability:Monitoring"

// component is the value of the tier's cost-allocation tag.
const component = "observability"

// Monitoring is the observability tier. Other tiers use only its outputs.
type Monitoring struct {
	pulumi.ResourceState

	// AgentLogGroupNames are the agents' log groups, by agent id.
	AgentLogGroupNames pulumi.StringMapOutput `pulumi:"agentLogGroupNames"`
	// SystemLogGroupName is the stack-wide system log group.
	SystemLogGroupName pulumi.StringOutput `pulumi:"systemLogGroupName"`
	// LogGroupArns are the agents' log groups' ARNs in MonitoringArgs.Agents order, then the
	// system log group's, for IAM.
	LogGroupArns pulumi.StringArrayOutput `pulumi:"logGroupArns"`
	// RuntimeLogGroupNames are the AgentCore runtimes' own log groups, by agent.
	RuntimeLogGroupNames pulumi.StringMapOutput `pulumi:"runtimeLogGroupNames"`
	// DashboardName is the dashboard's fixed name, BidOpsAI-Agents-<stack>.
	DashboardName pulumi.StringOutput `pulumi:"dashboardName"`
	// DashboardURL opens the dashboard in the CloudWatch console.
	DashboardURL pulumi.StringOutput `pulumi:"dashboardURL"`
	// AlarmTopicArn is the alarm topic's ARN; "" when alarms are disabled.
	AlarmTopicArn pulumi.StringOutput `pulumi:"alarmTopicArn"`
	// AlarmCount is how many alarms were created (0 when alarms are disabled).
	AlarmCount int
}

// NewMonitoring creates the log groups, the dashboard and, when enabled, the alarms with their
// topic and the X-Ray group and sampling rule. Invalid args create nothing.
func NewMonitoring(ctx *pulumi.Context, name string, args *MonitoringArgs, opts ...pulumi.ResourceOption) (*Monitoring, error) {
	if err := args.Validate(name); err != nil {
		return nil, err
	}
	c := &Monitoring{}
	if err := ctx.RegisterComponentResource(TypeToken, name, c, opts...); err != nil {
		return nil, fmt.Errorf("observability %q: register component: %w", name, err)
	}
	b := &builder{ctx: ctx, parent: c, name: name, args: args, namespace: namespaceOf(args)}
	if err := b.build(c); err != nil {
		return nil, fmt.Errorf("observability %q: %w", name, err)
	}
	if err := tier.RegisterOutputs(ctx, c); err != nil {
		return nil, fmt.Errorf("observability %q: register outputs: %w", name, err)
	}
	return c, nil
}

// builder carries what every child needs.
type builder struct {
	ctx       *pulumi.Context
	parent    *Monitoring
	name      string
	args      *MonitoringArgs
	namespace string
}

// kmsKey is the stack key for the log groups and the alarm topic, or nil for AWS-owned encryption.
func (b *builder) kmsKey() pulumi.StringPtrInput {
	if b.args.KMSKeyArn == nil {
		return nil
	}
	return b.args.KMSKeyArn.ToStringOutput().ToStringPtrOutput()
}

// build creates the children in dependency order and fills in the component's outputs.
func (b *builder) build(c *Monitoring) error {
	groups, err := b.logGroups()
	if err != nil {
		return err
	}
	names, arns := pulumi.StringMap{}, pulumi.StringArray{}
	for id, g := range groups.agents {
		names[id] = g.Name
	}
	for _, g := range groups.inOrder(b.args.Agents) {
		arns = append(arns, g.Arn)
	}
	c.AgentLogGroupNames, c.SystemLogGroupName = names.ToStringMapOutput(), groups.system.Name
	c.LogGroupArns = arns.ToStringArrayOutput()
	runtimeLogs, err := b.runtimeLogGroups()
	if err != nil {
		return err
	}
	c.RuntimeLogGroupNames = runtimeLogs.ToStringMapOutput()

	c.AlarmTopicArn = pulumi.String("").ToStringOutput()
	if b.args.Alarms.Enabled {
		topic, count, err := b.alarms()
		if err != nil {
			return err
		}
		c.AlarmTopicArn, c.AlarmCount = topic, count
	}
	dash, err := b.dashboard(groups.inOrder(b.args.Agents))
	if err != nil {
		return err
	}
	c.DashboardName = dash.DashboardName
	c.DashboardURL = pulumi.Sprintf("https://%s.console.aws.amazon.com/cloudwatch/home?region=%s#dashboards:name=%s",
		b.args.Region, b.args.Region, dash.DashboardName)
	if b.args.Tracing.Enabled {
		if err := b.tracing(); err != nil {
			return err
		}
	}
	return nil
}

// namespaceOf is the custom metrics' namespace: the argument, or the contract's default.
func namespaceOf(a *MonitoringArgs) string {
	if a.MetricsNamespace != "" {
		return a.MetricsNamespace
	}
	return DefaultNamespace
}
