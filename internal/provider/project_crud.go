package provider

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	bda "github.com/aws/aws-sdk-go-v2/service/bedrockdataautomation"
	"github.com/aws/aws-sdk-go-v2/service/bedrockdataautomation/types"
	"github.com/pulumi/pulumi-go-provider/infer"
)

// Create creates the project, tagged with its owner, and waits until it is COMPLETED. On
// FAILED or a timeout it returns the project's state with the error, so the engine records
// it. A name that exists already is adopted when its owner tag names this resource.
func (r *DataAutomationProject) Create(ctx context.Context, req infer.CreateRequest[DataAutomationProjectArgs]) (infer.CreateResponse[DataAutomationProjectState], error) {
	state := DataAutomationProjectState{DataAutomationProjectArgs: req.Inputs}
	if req.DryRun {
		return infer.CreateResponse[DataAutomationProjectState]{Output: state}, nil
	}
	c, err := r.d.clientsFor(ctx)
	if err != nil {
		return infer.CreateResponse[DataAutomationProjectState]{}, err
	}
	own, err := ownerFrom(ctx)
	if err != nil {
		return infer.CreateResponse[DataAutomationProjectState]{}, err
	}
	name := req.Inputs.ProjectName
	out, err := c.bda.CreateDataAutomationProject(ctx, req.Inputs.createInput(newClientToken(), own.tags(req.Inputs.Tags)))
	if isConflict(err) {
		return r.d.adoptProject(ctx, c, own, req.Inputs, err)
	}
	if err != nil {
		return infer.CreateResponse[DataAutomationProjectState]{}, fmt.Errorf("creating data automation project %s: %w", name, err)
	}
	arn := aws.ToString(out.ProjectArn)
	state.ProjectArn, state.Status = arn, string(out.Status)
	resp := infer.CreateResponse[DataAutomationProjectState]{ID: arn}
	if out.Status != types.DataAutomationProjectStatusInProgress {
		resp.Output = state
		return resp, projectOutcome(name, state.Status)
	}
	live, err := r.d.waitProject(ctx, c, arn, req.Inputs.ProjectStage, "creation", timeoutFor(ctx, DefaultCreateTimeout), state.Status)
	if live != nil {
		state.Status = string(live.Status)
	}
	resp.Output = state
	if err != nil {
		return resp, initFailed(fmt.Sprintf("data automation project %s did not complete: %v", name, err))
	}
	return resp, projectOutcome(name, state.Status)
}

func projectOutcome(name, status string) error {
	if status == string(types.DataAutomationProjectStatusCompleted) {
		return nil
	}
	return initFailed(fmt.Sprintf("data automation project %s is %s", name, status))
}

// Read returns the live configuration, or an empty id when the project was deleted outside
// Pulumi.
func (r *DataAutomationProject) Read(ctx context.Context, req infer.ReadRequest[DataAutomationProjectArgs, DataAutomationProjectState]) (infer.ReadResponse[DataAutomationProjectArgs, DataAutomationProjectState], error) {
	c, err := r.d.clientsFor(ctx)
	if err != nil {
		return infer.ReadResponse[DataAutomationProjectArgs, DataAutomationProjectState]{}, err
	}
	live, err := getProject(ctx, c, req.ID, req.State.ProjectStage)
	if isNotFound(err) {
		return infer.ReadResponse[DataAutomationProjectArgs, DataAutomationProjectState]{}, nil
	}
	if err != nil {
		return infer.ReadResponse[DataAutomationProjectArgs, DataAutomationProjectState]{}, err
	}
	tags, err := listProjectTags(ctx, c, req.ID)
	if err != nil {
		return infer.ReadResponse[DataAutomationProjectArgs, DataAutomationProjectState]{}, err
	}
	args := projectArgsFromLive(live, withoutOwner(tags))
	state := DataAutomationProjectState{DataAutomationProjectArgs: args, ProjectArn: req.ID, Status: string(live.Status)}
	return infer.ReadResponse[DataAutomationProjectArgs, DataAutomationProjectState]{ID: req.ID, Inputs: args, State: state}, nil
}

// Update sends the complete configuration when it changed (or the project is not
// COMPLETED), waits, then reconciles tags. Unchanged inputs make no mutating call.
func (r *DataAutomationProject) Update(ctx context.Context, req infer.UpdateRequest[DataAutomationProjectArgs, DataAutomationProjectState]) (infer.UpdateResponse[DataAutomationProjectState], error) {
	state := req.State
	state.DataAutomationProjectArgs = req.Inputs
	if req.DryRun {
		return infer.UpdateResponse[DataAutomationProjectState]{Output: state}, nil
	}
	c, err := r.d.clientsFor(ctx)
	if err != nil {
		return infer.UpdateResponse[DataAutomationProjectState]{}, err
	}
	arn, timeout := req.ID, timeoutFor(ctx, DefaultUpdateTimeout)
	live, err := r.d.settleProject(ctx, c, arn, req.State.ProjectStage, timeout)
	if err != nil {
		return infer.UpdateResponse[DataAutomationProjectState]{}, err
	}
	state.Status = string(live.Status)
	// Tags first, so a failed update below still records only tags that are applied.
	if err := updateTags(ctx, arn, req.State.Tags, req.Inputs.Tags,
		func(arn string) (map[string]string, error) { return listProjectTags(ctx, c, arn) },
		func(arn string, olds, news map[string]string) error { return syncProjectTags(ctx, c, arn, olds, news) }); err != nil {
		return infer.UpdateResponse[DataAutomationProjectState]{}, err
	}
	if !sameProjectSpec(req.State.DataAutomationProjectArgs, req.Inputs) || live.Status != types.DataAutomationProjectStatusCompleted {
		if err := r.d.updateProject(ctx, c, arn, req.Inputs, &state, timeout); err != nil {
			return infer.UpdateResponse[DataAutomationProjectState]{Output: state}, err
		}
	}
	return infer.UpdateResponse[DataAutomationProjectState]{Output: state}, nil
}

// updateProject sends the full configuration, riding out a conflicting operation, and waits;
// on failure state holds the status seen.
func (d *deps) updateProject(ctx context.Context, c *clients, arn string, args DataAutomationProjectArgs, state *DataAutomationProjectState, timeout time.Duration) error {
	err := d.retryOnConflict(ctx, "updating data automation project "+arn, func() error {
		_, err := c.bda.UpdateDataAutomationProject(ctx, args.updateInput(arn))
		return err
	}, func() error {
		_, err := d.waitProject(ctx, c, arn, args.ProjectStage, "settling after a conflicting operation", timeout, "IN_PROGRESS")
		return err
	})
	if err != nil {
		return fmt.Errorf("updating data automation project %s: %w", arn, err)
	}
	live, err := d.waitProject(ctx, c, arn, args.ProjectStage, "update", timeout, "IN_PROGRESS")
	if live != nil {
		state.Status = string(live.Status)
	}
	if err != nil {
		return initFailed(fmt.Sprintf("data automation project %s did not complete the update: %v", arn, err))
	}
	return projectOutcome(arn, state.Status)
}

func (d *deps) settleProject(ctx context.Context, c *clients, arn, stage string, timeout time.Duration) (*types.DataAutomationProject, error) {
	live, err := getProject(ctx, c, arn, stage)
	if err == nil && live.Status == types.DataAutomationProjectStatusInProgress {
		live, err = d.waitProject(ctx, c, arn, stage, "settling before update", timeout, string(live.Status))
	}
	if isNotFound(err) || errors.Is(err, errGone) {
		return nil, fmt.Errorf("data automation project %s was deleted outside Pulumi: run `pulumi refresh` "+
			"(or `pulumi up --refresh`) so Pulumi creates it again: %w", arn, errGone)
	}
	return live, err
}

// Delete deletes the project and waits until it is gone; already gone counts as deleted.
func (r *DataAutomationProject) Delete(ctx context.Context, req infer.DeleteRequest[DataAutomationProjectState]) (infer.DeleteResponse, error) {
	c, err := r.d.clientsFor(ctx)
	if err != nil {
		return infer.DeleteResponse{}, err
	}
	_, err = c.bda.DeleteDataAutomationProject(ctx, &bda.DeleteDataAutomationProjectInput{ProjectArn: aws.String(req.ID)})
	if isNotFound(err) {
		return infer.DeleteResponse{}, nil
	}
	if err != nil {
		return infer.DeleteResponse{}, fmt.Errorf("deleting data automation project %s: %w", req.ID, err)
	}
	_, err = r.d.waitFor(ctx, fmt.Sprintf("data automation project %s deletion", req.ID), timeoutFor(ctx, DefaultDeleteTimeout),
		"DELETING", func(ctx context.Context) (string, bool, error) {
			live, err := getProject(ctx, c, req.ID, req.State.ProjectStage)
			if isNotFound(err) {
				return "DELETED", true, nil
			}
			if err != nil {
				return "", false, err
			}
			return string(live.Status), false, nil
		})
	return infer.DeleteResponse{}, err
}
