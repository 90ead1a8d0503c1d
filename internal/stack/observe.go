package stack

import (
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/bidopsai/bidopsai-infra/components/observability"
	"github.com/bidopsai/bidopsai-infra/internal/config"
)

func (b *builder) buildObservability() error {
	c := b.cfg
	var runtimes []observability.Runtime
	var agents []string
	for _, a := range b.agents {
		agents = append(agents, a.ID)
		rt := b.runtimes[a.ID]
		runtimes = append(runtimes, observability.Runtime{Agent: a.ID, Name: a.Runtime, ID: rt.RuntimeID, Arn: rt.RuntimeArn})
	}
	m, err := observability.NewMonitoring(b.ctx, b.prefix, &observability.MonitoringArgs{
		Stack: c.Name, Region: c.Region, Agents: agents, LogRetentionDays: c.LogRetentionDays,
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
	outputs := map[string]pulumi.Input{
		"systemLogGroupName":   m.SystemLogGroupName,
		"dashboardName":        m.DashboardName,
		"dashboardUrl":         m.DashboardURL,
		"alarmTopicArn":        m.AlarmTopicArn,
		"runtimeLogGroupNames": m.RuntimeLogGroupNames,
	}
	for _, a := range b.agents {
		outputs[a.Output+"LogGroupName"] = m.AgentLogGroupNames.MapIndex(pulumi.String(a.ID))
	}
	b.export(outputs)
	return nil
}
