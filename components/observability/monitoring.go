// Package observability is the observability tier: the agents' log groups, the custom metric
// contract (metrics.go), a dashboard that reads exactly that contract and AgentCore's runtime
// metrics, alarms that notify an SNS topic, and X-Ray tracing with a bounded sampling rate.
package observability

import (
	"fmt"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/bidopsai/bidopsai-infra/internal/outputs"
)

// TypeToken is the component's type; renaming it needs pulumi.Aliases.
const TypeToken = "bidopsai:observability:Monitoring"

// component is the value of the tier's cost-allocation tag.
const component = "observability"

// Monitoring is the observability tier. Other tiers use only its outputs.
type Monitoring struct {
	pulumi.ResourceState

	// WorkflowLogGroupName is the workflow agent's log group.
	WorkflowLogGroupName pulumi.StringOutput `pulumi:"workflowLogGroupName"`
	// AssistantLogGroupName is the AI assistant agent's log group.
	AssistantLogGroupName pulumi.StringOutput `pulumi:"assistantLogGroupName"`
	// SystemLogGroupName is the stack-wide system log group.
	SystemLogGroupName pulumi.StringOutput `pulumi:"systemLogGroupName"`
	// LogGroupArns are the three log groups' ARNs (workflow, assistant, system), for IAM.
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
	if err := validate(name, args); err != nil {
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
	if err := outputs.Register(ctx, c); err != nil {
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

// build creates the children in dependency order and fills in the component's outputs.
func (b *builder) build(c *Monitoring) error {
	groups, err := b.logGroups()
	if err != nil {
		return err
	}
	c.WorkflowLogGroupName, c.AssistantLogGroupName, c.SystemLogGroupName = groups[0].Name, groups[1].Name, groups[2].Name
	c.LogGroupArns = pulumi.StringArray{groups[0].Arn, groups[1].Arn, groups[2].Arn}.ToStringArrayOutput()
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
	dash, err := b.dashboard(groups)
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
