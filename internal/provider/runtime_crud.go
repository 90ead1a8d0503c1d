package provider

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	ac "github.com/aws/aws-sdk-go-v2/service/bedrockagentcorecontrol"
	"github.com/pulumi/pulumi-go-provider/infer"
)

// Create creates the runtime, tagged with its owner, and waits until it is READY. On
// CREATE_FAILED or a timeout it still returns the runtime's state with the error, so the
// engine records the runtime and the next update replaces it instead of leaving an orphan.
// A name that exists already is adopted when its owner tag names this resource.
func (r *AgentRuntime) Create(ctx context.Context, req infer.CreateRequest[AgentRuntimeArgs]) (infer.CreateResponse[AgentRuntimeState], error) {
	state := AgentRuntimeState{AgentRuntimeArgs: req.Inputs}
	if req.DryRun {
		return infer.CreateResponse[AgentRuntimeState]{Output: state}, nil
	}
	c, err := r.d.clientsFor(ctx)
	if err != nil {
		return infer.CreateResponse[AgentRuntimeState]{}, err
	}
	own, err := ownerFrom(ctx)
	if err != nil {
		return infer.CreateResponse[AgentRuntimeState]{}, err
	}
	name := req.Inputs.AgentRuntimeName
	in := req.Inputs.createInput(newClientToken(), own.tags(req.Inputs.Tags))
	var out *ac.CreateAgentRuntimeOutput
	err = r.d.retryPropagation(ctx, "creating agent runtime "+name, func() (err error) {
		out, err = c.agentcore.CreateAgentRuntime(ctx, in)
		return err
	})
	if isConflict(err) {
		return r.d.adoptRuntime(ctx, c, own, req.Inputs, err)
	}
	if err != nil {
		return infer.CreateResponse[AgentRuntimeState]{}, fmt.Errorf("creating agent runtime %s: %w", name, err)
	}
	id := aws.ToString(out.AgentRuntimeId)
	state.AgentRuntimeID, state.AgentRuntimeArn = id, aws.ToString(out.AgentRuntimeArn)
	state.AgentRuntimeVersion, state.Status = aws.ToString(out.AgentRuntimeVersion), string(out.Status)
	if w := out.WorkloadIdentityDetails; w != nil {
		state.WorkloadIdentityArn = aws.ToString(w.WorkloadIdentityArn)
	}
	resp := infer.CreateResponse[AgentRuntimeState]{ID: id}
	live, err := r.d.waitRuntime(ctx, c, id, "creation", timeoutFor(ctx, DefaultCreateTimeout), state.Status)
	if live != nil {
		state.observe(live)
	}
	resp.Output = state
	switch {
	case err != nil:
		return resp, initFailed(fmt.Sprintf("agent runtime %s (%s) did not become READY: %v", name, id, err))
	case state.Status != "READY":
		return resp, initFailed(fmt.Sprintf("agent runtime %s (%s) is %s: %s", name, id, state.Status, state.FailureReason))
	}
	return resp, nil
}

// Read returns the live configuration, so refresh shows drift, or an empty id when the
// runtime was deleted outside Pulumi.
func (r *AgentRuntime) Read(ctx context.Context, req infer.ReadRequest[AgentRuntimeArgs, AgentRuntimeState]) (infer.ReadResponse[AgentRuntimeArgs, AgentRuntimeState], error) {
	c, err := r.d.clientsFor(ctx)
	if err != nil {
		return infer.ReadResponse[AgentRuntimeArgs, AgentRuntimeState]{}, err
	}
	live, err := getRuntime(ctx, c, req.ID)
	if isNotFound(err) {
		return infer.ReadResponse[AgentRuntimeArgs, AgentRuntimeState]{}, nil
	}
	if err != nil {
		return infer.ReadResponse[AgentRuntimeArgs, AgentRuntimeState]{}, err
	}
	tags, err := listRuntimeTags(ctx, c, aws.ToString(live.AgentRuntimeArn))
	if err != nil {
		return infer.ReadResponse[AgentRuntimeArgs, AgentRuntimeState]{}, err
	}
	args := runtimeArgsFromLive(live, withoutOwner(tags))
	state := AgentRuntimeState{AgentRuntimeArgs: args}
	state.observe(live)
	return infer.ReadResponse[AgentRuntimeArgs, AgentRuntimeState]{ID: req.ID, Inputs: args, State: state}, nil
}

// Update sends the complete configuration when it changed (or the last update failed),
// waits for READY, then reconciles tags. Unchanged inputs make no mutating call.
func (r *AgentRuntime) Update(ctx context.Context, req infer.UpdateRequest[AgentRuntimeArgs, AgentRuntimeState]) (infer.UpdateResponse[AgentRuntimeState], error) {
	state := req.State
	state.AgentRuntimeArgs = req.Inputs
	if req.DryRun {
		return infer.UpdateResponse[AgentRuntimeState]{Output: state}, nil
	}
	c, err := r.d.clientsFor(ctx)
	if err != nil {
		return infer.UpdateResponse[AgentRuntimeState]{}, err
	}
	id, timeout := req.ID, timeoutFor(ctx, DefaultUpdateTimeout)
	live, err := r.d.settleRuntime(ctx, c, id, timeout)
	if err != nil {
		return infer.UpdateResponse[AgentRuntimeState]{}, err
	}
	state.observe(live)
	if state.Status == "CREATE_FAILED" {
		return infer.UpdateResponse[AgentRuntimeState]{Output: state},
			initFailed(fmt.Sprintf("agent runtime %s failed to create (%s); the next update replaces it", id, state.FailureReason))
	}
	// Tags first: if they fail nothing else has changed, and a failed update below still
	// records tags that are really applied.
	if err := updateTags(ctx, state.AgentRuntimeArn, req.State.Tags, req.Inputs.Tags,
		func(arn string) (map[string]string, error) { return listRuntimeTags(ctx, c, arn) },
		func(arn string, olds, news map[string]string) error { return syncRuntimeTags(ctx, c, arn, olds, news) }); err != nil {
		return infer.UpdateResponse[AgentRuntimeState]{}, err
	}
	if !sameRuntimeSpec(req.State.AgentRuntimeArgs, req.Inputs) || state.Status != "READY" {
		if err := r.d.updateRuntime(ctx, c, id, req.Inputs, &state, timeout); err != nil {
			return infer.UpdateResponse[AgentRuntimeState]{Output: state}, err
		}
	}
	return infer.UpdateResponse[AgentRuntimeState]{Output: state}, nil
}

// settleRuntime reads the runtime and, if an operation is running, waits for it to end.
func (d *deps) settleRuntime(ctx context.Context, c *clients, id string, timeout time.Duration) (*ac.GetAgentRuntimeOutput, error) {
	live, err := getRuntime(ctx, c, id)
	if err == nil && !stableRuntime(live.Status) {
		live, err = d.waitRuntime(ctx, c, id, "settling before update", timeout, string(live.Status))
	}
	if isNotFound(err) || errors.Is(err, errGone) {
		return nil, fmt.Errorf("agent runtime %s was deleted outside Pulumi: run `pulumi refresh` "+
			"(or `pulumi up --refresh`) so Pulumi creates it again: %w", id, errGone)
	}
	return live, err
}

// updateRuntime sends the full configuration and waits; on failure state holds what is live.
func (d *deps) updateRuntime(ctx context.Context, c *clients, id string, args AgentRuntimeArgs, state *AgentRuntimeState, timeout time.Duration) error {
	what := "updating agent runtime " + id
	var out *ac.UpdateAgentRuntimeOutput
	err := d.retryOnConflict(ctx, what, func() error {
		in := args.updateInput(id, newClientToken()) // the refused attempt applied nothing: a new token
		return d.retryPropagation(ctx, what, func() (err error) {
			out, err = c.agentcore.UpdateAgentRuntime(ctx, in)
			return err
		})
	}, func() error {
		_, err := d.waitRuntime(ctx, c, id, "settling after a conflicting operation", timeout, "UPDATING")
		return err
	})
	if err != nil {
		return fmt.Errorf("updating agent runtime %s: %w", id, err)
	}
	state.AgentRuntimeVersion, state.Status = aws.ToString(out.AgentRuntimeVersion), string(out.Status)
	live, err := d.waitRuntime(ctx, c, id, "update", timeout, state.Status)
	if live != nil {
		state.observe(live)
	}
	switch {
	case err != nil:
		return initFailed(fmt.Sprintf("agent runtime %s did not become READY after the update: %v", id, err))
	case state.Status != "READY":
		return initFailed(fmt.Sprintf("agent runtime %s is %s: %s", id, state.Status, state.FailureReason))
	}
	return nil
}

// Delete deletes the runtime and waits until it is gone; a runtime already gone counts as
// deleted.
func (r *AgentRuntime) Delete(ctx context.Context, req infer.DeleteRequest[AgentRuntimeState]) (infer.DeleteResponse, error) {
	c, err := r.d.clientsFor(ctx)
	if err != nil {
		return infer.DeleteResponse{}, err
	}
	timeout := timeoutFor(ctx, DefaultDeleteTimeout)
	gone, err := r.d.deleteRuntime(ctx, c, req.ID, timeout)
	if err != nil || gone {
		return infer.DeleteResponse{}, err
	}
	_, err = r.d.waitFor(ctx, fmt.Sprintf("agent runtime %s deletion", req.ID), timeout, "DELETING",
		func(ctx context.Context) (string, bool, error) {
			live, err := getRuntime(ctx, c, req.ID)
			switch {
			case isNotFound(err):
				return "DELETED", true, nil
			case err != nil:
				return "", false, err
			case live.Status == "DELETE_FAILED":
				return "", false, fmt.Errorf("agent runtime %s failed to delete: %s", req.ID, aws.ToString(live.FailureReason))
			}
			return string(live.Status), false, nil
		})
	return infer.DeleteResponse{}, err
}
