package observability

import (
	"fmt"

	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/cloudwatch"
	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/sns"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/bidopsai/bidopsai-infra/internal/tier"
)

// Alarm settings every alarm shares: quiet agents are healthy, and each alarm fires on a value
// strictly above its threshold.
const (
	missingData = "notBreaching"
	greaterThan = "GreaterThanThreshold"
)

// alarmSpec is one alarm: what it reads and when it fires.
type alarmSpec struct {
	suffix      string
	namespace   string
	metric      string
	statistic   string
	dimensions  pulumi.StringMapInput
	threshold   float64
	description pulumi.StringInput
}

// alarms creates the topic, one email subscription per address and the alarms, and returns the
// topic ARN and the number of alarms.
func (b *builder) alarms() (pulumi.StringOutput, int, error) {
	// With no key the topic stays unencrypted: alias/aws/sns's policy cannot be edited to let
	// cloudwatch.amazonaws.com use it, so alarms could never publish (AWS re:Post
	// "cloudwatch-configure-alarm-sns").
	topic, err := sns.NewTopic(b.ctx, b.name+"-alarms", &sns.TopicArgs{
		KmsMasterKeyId: b.kmsKey(),
		Tags:           tier.TagsFor(component, b.args.Tags),
	}, pulumi.Parent(b.parent))
	if err != nil {
		return pulumi.StringOutput{}, 0, fmt.Errorf("alarm topic: %w", err)
	}
	for _, addr := range b.args.Alarms.Emails {
		_, err := sns.NewTopicSubscription(b.ctx, b.name+"-alarm-email-"+addr, &sns.TopicSubscriptionArgs{
			Topic:    topic.Arn,
			Protocol: pulumi.String("email"),
			Endpoint: pulumi.String(addr),
		}, pulumi.Parent(b.parent))
		if err != nil {
			return pulumi.StringOutput{}, 0, fmt.Errorf("email subscription %s: %w", addr, err)
		}
	}
	specs := append(b.contractAlarms(), b.runtimeAlarms()...)
	for _, s := range specs {
		if err := b.alarm(s, topic.Arn); err != nil {
			return pulumi.StringOutput{}, 0, err
		}
	}
	return topic.Arn, len(specs), nil
}

// contractAlarms read the all-agents (dimensionless) series of the contract.
func (b *builder) contractAlarms() []alarmSpec {
	a := b.args.Alarms
	window := fmt.Sprintf("in %d consecutive %d-second periods", a.EvaluationPeriods, a.PeriodSeconds)
	spec := func(suffix, metric string, threshold float64, what string) alarmSpec {
		m, _ := LookupMetric(metric)
		return alarmSpec{suffix: suffix, namespace: b.namespace, metric: metric, statistic: m.Statistic,
			threshold: threshold, description: pulumi.String(fmt.Sprintf("[bidopsai %s] %s %s. Dashboard %s.",
				b.args.Stack, what, window, DashboardName(b.args.Stack)))}
	}
	return []alarmSpec{
		spec("-high-error-rate", MetricTaskErrors, a.ErrorThreshold,
			fmt.Sprintf("More than %g agent task errors (TaskErrors sum, all agents)", a.ErrorThreshold)),
		spec("-long-task-duration", MetricTaskDuration, a.TaskDurationMs,
			fmt.Sprintf("Agent tasks took longer than %g ms on average (TaskDuration, all agents)", a.TaskDurationMs)),
		spec("-high-llm-latency", MetricLLMLatency, a.LLMLatencyMs,
			fmt.Sprintf("Model calls took longer than %g ms on average (LLMLatency, all agents)", a.LLMLatencyMs)),
	}
}

// runtimeAlarms fire on any AgentCore system error or throttle of each runtime's DEFAULT endpoint.
func (b *builder) runtimeAlarms() []alarmSpec {
	var out []alarmSpec
	for _, r := range b.args.Runtimes {
		dims := pulumi.StringMap{
			DimOperation: pulumi.String(RuntimeOperation),
			DimName:      pulumi.String(r.Name + "::" + RuntimeEndpoint),
			DimResource:  r.Arn,
		}
		for _, m := range []struct{ suffix, metric, what string }{
			{"-system-errors", RuntimeSystemErrors, "AgentCore returned server-side errors (5xx)"},
			{"-throttles", RuntimeThrottles, "AgentCore throttled invocations (429)"},
		} {
			out = append(out, alarmSpec{suffix: "-" + r.Agent + "-runtime" + m.suffix, namespace: RuntimeNamespace,
				metric: m.metric, statistic: RuntimeMetrics[m.metric], dimensions: dims,
				description: pulumi.Sprintf("[bidopsai %s] %s for runtime %s (%s) in %d consecutive %d-second periods.",
					b.args.Stack, m.what, r.Name, r.ID, b.args.Alarms.EvaluationPeriods, b.args.Alarms.PeriodSeconds)})
		}
	}
	return out
}

// alarm creates one alarm that notifies the topic when it fires and when it recovers.
func (b *builder) alarm(s alarmSpec, topic pulumi.StringOutput) error {
	a := b.args.Alarms
	_, err := cloudwatch.NewMetricAlarm(b.ctx, b.name+s.suffix, &cloudwatch.MetricAlarmArgs{
		AlarmDescription:   s.description,
		Namespace:          pulumi.String(s.namespace),
		MetricName:         pulumi.String(s.metric),
		Statistic:          pulumi.String(s.statistic),
		Dimensions:         s.dimensions,
		Period:             pulumi.Int(a.PeriodSeconds),
		EvaluationPeriods:  pulumi.Int(a.EvaluationPeriods),
		DatapointsToAlarm:  pulumi.Int(a.EvaluationPeriods),
		Threshold:          pulumi.Float64(s.threshold),
		ComparisonOperator: pulumi.String(greaterThan),
		TreatMissingData:   pulumi.String(missingData),
		ActionsEnabled:     pulumi.Bool(true),
		AlarmActions:       pulumi.Array{topic},
		OkActions:          pulumi.Array{topic},
		Tags:               tier.TagsFor(component, b.args.Tags),
	}, pulumi.Parent(b.parent))
	if err != nil {
		return fmt.Errorf("alarm %s: %w", b.name+s.suffix, err)
	}
	return nil
}
