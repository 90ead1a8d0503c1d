package stack

import (
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/bidopsai/bidopsai-infra/components/observability"
	"github.com/bidopsai/bidopsai-infra/internal/config"
	"github.com/bidopsai/bidopsai-infra/internal/naming"
)

func (b *builder) buildObservability() error {
	c := b.cfg
	var runtimes []observability.Runtime
	for _, a := range b.agents() {
		rt := b.runtimes[a.name]
		name, err := naming.RuntimeName(c.Name, a.name)
		if err != nil {
			return err
		}
		runtimes = append(runtimes, observability.Runtime{Agent: a.name, Name: name, ID: rt.RuntimeID, Arn: rt.RuntimeArn})
	}
	m, err := observability.NewMonitoring(b.ctx, b.prefix, &observability.MonitoringArgs{
		Stack: c.Name, Region: c.Region, LogRetentionDays: c.LogRetentionDays,
		KMSKeyArn: b.keyArn(), MetricsNamespace: config.MetricsNamespace,
		Alarms: observability.AlarmSettings{
			Enabled: c.Alarms.Enabled, ErrorThreshold: c.Alarms.ErrorThreshold,
			TaskDurationMs: c.Alarms.TaskDurationMs, LLMLatencyMs: c.Alarms.LLMLatencyMs,
			PeriodSeconds: c.Alarms.PeriodSeconds, EvaluationPeriods: c.Alarms.EvaluationPeriods,
			Emails: c.Alarms.Emails,
		},
		Tracing:  observability.TracingSettings{Enabled: c.Tracing.Enabled, SamplingRate: c.Tracing.SamplingRate},
		Runtimes: runtimes,
		Protect:  c.Protect,
	})
	if err != nil {
		return err
	}
	b.monitor = m
	b.export(map[string]pulumi.Input{
		"workflowAgentLogGroupName":    m.WorkflowLogGroupName,
		"aiAssistantAgentLogGroupName": m.AssistantLogGroupName,
		"systemLogGroupName":           m.SystemLogGroupName,
		"dashboardName":                m.DashboardName,
		"dashboardUrl":                 m.DashboardURL,
		"alarmTopicArn":                m.AlarmTopicArn,
		"runtimeLogGroupNames":         m.RuntimeLogGroupNames,
	})
	return nil
}
