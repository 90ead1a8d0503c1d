package provider

import (
	"context"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/pulumi/pulumi-go-provider/infer"
)

// adoptRuntime handles a create refused because the name exists. A runtime whose owner tag
// names this resource is the result of a create that never reached the state (the provider
// died): it is adopted, brought to the desired configuration and waited READY. Any other is
// refused with the import command. Once the id is known every failure still returns it.
func (d *deps) adoptRuntime(ctx context.Context, c *clients, own owner, args AgentRuntimeArgs, conflict error) (infer.CreateResponse[AgentRuntimeState], error) {
	name := args.AgentRuntimeName
	id, arn, tags, err := own.claim("agent runtime", name, conflict, func() (string, string, error) {
		rt, err := findRuntime(ctx, c, name)
		if rt == nil {
			return "", "", err
		}
		return aws.ToString(rt.AgentRuntimeId), aws.ToString(rt.AgentRuntimeArn), err
	}, func(arn string) (map[string]string, error) { return listRuntimeTags(ctx, c, arn) })
	if err != nil {
		return infer.CreateResponse[AgentRuntimeState]{}, fmt.Errorf("creating agent runtime %s: %w", name, err)
	}
	d.progress(ctx, fmt.Sprintf("agent runtime %s (%s) is left from an interrupted create of this resource: adopting it", name, id))
	timeout := timeoutFor(ctx, DefaultCreateTimeout)
	state := AgentRuntimeState{AgentRuntimeArgs: args}
	state.Tags = withoutOwner(tags) // what is applied, until the sync below succeeds
	resp := infer.CreateResponse[AgentRuntimeState]{ID: id, Output: state}
	live, err := d.settleRuntime(ctx, c, id, timeout)
	if err != nil {
		return resp, recorded(err)
	}
	state.observe(live)
	resp.Output = state
	if state.Status == "CREATE_FAILED" {
		return resp, initFailed(fmt.Sprintf("adopted agent runtime %s (%s) failed to create: %s; the next update replaces it",
			name, id, state.FailureReason))
	}
	if err := syncRuntimeTags(ctx, c, arn, tags, own.tags(args.Tags)); err != nil {
		return resp, recorded(err)
	}
	state.Tags = args.Tags
	resp.Output = state
	if !sameRuntimeSpec(runtimeArgsFromLive(live, nil), args) || state.Status != "READY" {
		err = d.updateRuntime(ctx, c, id, args, &state, timeout)
		resp.Output = state
	}
	return resp, recorded(err)
}
