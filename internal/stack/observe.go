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
	args := c.Monitoring
	args.Stack, args.Agents, args.Runtimes = c.Name, agents, runtimes
	args.KMSKeyArn, args.MetricsNamespace, args.Protect = b.keyArn(), config.MetricsNamespace, c.Protect
	m, err := observability.NewMonitoring(b.ctx, b.prefix, &args)
	if err != nil {
		return err
	}
	b.monitor = m
	b.exportFrom("observability", m, "")
	for _, a := range b.agents {
		b.export(map[string]pulumi.Input{a.Output + "LogGroupName": m.AgentLogGroupNames.MapIndex(pulumi.String(a.ID))})
	}
	return nil
}
