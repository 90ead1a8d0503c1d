// Package agentcore is the runtime tier: one Bedrock AgentCore runtime per agent, through the
// project's own bidopsai provider (the observability tier owns the runtime's log group).
package agentcore

import (
	"fmt"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/bidopsai/bidopsai-infra/internal/tier"
	"github.com/bidopsai/bidopsai-infra/sdk/bidopsai"
)

// TypeToken is the component's type; never renamed without an alias.
const TypeToken = "bidopsai:agentcore:Runtime"

// component is the value of the tier's `component` tag.
const component = "agentcore"

// Runtime is one agent's AgentCore runtime.
type Runtime struct {
	pulumi.ResourceState

	RuntimeID      pulumi.StringOutput `pulumi:"runtimeId"`
	RuntimeArn     pulumi.StringOutput `pulumi:"runtimeArn"`
	RuntimeVersion pulumi.StringOutput `pulumi:"runtimeVersion"`
	InvocationURL  pulumi.StringOutput `pulumi:"invocationUrl"`
}

// NewRuntime creates the runtime (region comes from the provider passed in opts).
func NewRuntime(ctx *pulumi.Context, name string, args *RuntimeArgs, opts ...pulumi.ResourceOption) (*Runtime, error) {
	if err := args.Validate(name); err != nil {
		return nil, err
	}
	c := &Runtime{}
	if err := ctx.RegisterComponentResource(TypeToken, name, c, opts...); err != nil {
		return nil, fmt.Errorf("agentcore %q: register component: %w", name, err)
	}
	tagMap := tier.TagsFor(component, args.Tags)
	env := pulumi.StringMap{}
	for k, v := range args.Environment {
		env[k] = v
	}
	rtArgs := &bidopsai.AgentRuntimeArgs{
		AgentRuntimeName:          pulumi.String(args.RuntimeName),
		ContainerUri:              args.ContainerURI,
		RoleArn:                   args.RoleArn,
		NetworkMode:               pulumi.String(args.NetworkMode),
		ServerProtocol:            pulumi.String(args.Protocol),
		EnvironmentVariables:      env,
		IdleRuntimeSessionTimeout: pulumi.Int(args.IdleTimeoutSeconds),
		MaxLifetime:               pulumi.Int(args.MaxLifetimeSeconds),
		Tags:                      tagMap,
	}
	if args.Description != "" {
		rtArgs.Description = pulumi.String(args.Description)
	}
	if args.NetworkMode == NetworkVPC {
		rtArgs.SubnetIds, rtArgs.SecurityGroupIds = args.SubnetIDs, args.SecurityGroupIDs
	}
	if args.JWT != nil {
		rtArgs.Authorizer = &bidopsai.JWTAuthorizerArgs{
			DiscoveryUrl: args.JWT.DiscoveryURL, AllowedClients: args.JWT.AllowedClients,
		}
	}
	rt, err := bidopsai.NewAgentRuntime(ctx, name, rtArgs, pulumi.Parent(c), tier.Stateful(args.Protect),
		pulumi.DependsOn(args.DependsOn),
		pulumi.Timeouts(&pulumi.CustomTimeouts{Create: "30m", Update: "30m", Delete: "20m"}))
	if err != nil {
		return nil, err
	}
	c.RuntimeID, c.RuntimeArn, c.RuntimeVersion = rt.AgentRuntimeId, rt.AgentRuntimeArn, rt.AgentRuntimeVersion
	c.InvocationURL = rt.AgentRuntimeArn.ApplyT(func(arn string) string {
		return invocationURL(regionOf(arn), arn)
	}).(pulumi.StringOutput)
	return c, tier.RegisterOutputs(ctx, c)
}

// regionOf reads the region field of an ARN (arn:partition:service:region:account:resource).
func regionOf(arn string) string {
	parts := strings.SplitN(arn, ":", 5)
	if len(parts) < 5 {
		return ""
	}
	return parts[3]
}
