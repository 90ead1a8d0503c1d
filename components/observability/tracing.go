package observability

import (
	"fmt"
	"strings"

	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/xray"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/bidopsai/bidopsai-infra/internal/tier"
)

// Sampling rule constants: ahead of X-Ray's default rule (priority 10000), one trace a second
// always kept, then the configured fixed rate.
const (
	samplingPriority  = 1000
	samplingReservoir = 1
)

// TracingGroupName is the X-Ray group (and sampling rule) name of a stack.
func TracingGroupName(stack string) string { return "bidopsai-" + stack }

// ServiceName is the trace service name an agent reports (OTEL_SERVICE_NAME); the X-Ray group and
// sampling rule match on it, so the runtime tier must set it.
func ServiceName(stack, agent string) string {
	return TracingGroupName(stack) + "-" + agent
}

// filterExpression selects the traces of this stack's agents: one service per agent runtime
// (the sub-agents run inside the workflow's).
func (b *builder) filterExpression() string {
	var parts []string
	for _, a := range b.args.Agents {
		parts = append(parts, fmt.Sprintf("service(%q)", ServiceName(b.args.Stack, a)))
	}
	return strings.Join(parts, " OR ")
}

// tracing creates the X-Ray group and the sampling rule for this stack's services.
func (b *builder) tracing() error {
	env := b.args.Stack
	_, err := xray.NewGroup(b.ctx, b.name+"-traces", &xray.GroupArgs{
		GroupName:        pulumi.String(TracingGroupName(env)),
		FilterExpression: pulumi.String(b.filterExpression()),
		Tags:             tier.TagsFor(component, b.args.Tags),
	}, pulumi.Parent(b.parent))
	if err != nil {
		return fmt.Errorf("x-ray group: %w", err)
	}
	_, err = xray.NewSamplingRule(b.ctx, b.name+"-sampling", &xray.SamplingRuleArgs{
		RuleName:      pulumi.String(TracingGroupName(env)),
		Priority:      pulumi.Int(samplingPriority),
		ReservoirSize: pulumi.Int(samplingReservoir),
		FixedRate:     pulumi.Float64(b.args.Tracing.SamplingRate),
		ServiceName:   pulumi.String(ServiceName(env, "*")),
		ServiceType:   pulumi.String("*"),
		Host:          pulumi.String("*"),
		HttpMethod:    pulumi.String("*"),
		UrlPath:       pulumi.String("*"),
		ResourceArn:   pulumi.String("*"),
		Version:       pulumi.Int(1),
		Tags:          tier.TagsFor(component, b.args.Tags),
	}, pulumi.Parent(b.parent))
	if err != nil {
		return fmt.Errorf("x-ray sampling rule: %w", err)
	}
	return nil
}
