package provider

import (
	"context"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	bda "github.com/aws/aws-sdk-go-v2/service/bedrockdataautomation"
	"github.com/aws/aws-sdk-go-v2/service/bedrockdataautomation/types"
	"github.com/pulumi/pulumi-go-provider/infer"
)

// adoptProject handles a create refused because the name exists, like adoptRuntime: a
// project whose owner tag names this resource is adopted and brought to the desired
// configuration; any other is refused with the import command.
func (d *deps) adoptProject(ctx context.Context, c *clients, own owner, args DataAutomationProjectArgs, conflict error) (infer.CreateResponse[DataAutomationProjectState], error) {
	name := args.ProjectName
	var stage string // the stage it was created in, which reads must name
	arn, _, tags, err := own.claim("data automation project", name, conflict, func() (arn string, _ string, err error) {
		arn, stage, err = findProject(ctx, c, name)
		return arn, arn, err
	}, func(arn string) (map[string]string, error) { return listProjectTags(ctx, c, arn) })
	if err != nil {
		return infer.CreateResponse[DataAutomationProjectState]{}, fmt.Errorf("creating data automation project %s: %w", name, err)
	}
	d.progress(ctx, fmt.Sprintf("data automation project %s (%s) is left from an interrupted create of this resource: adopting it", name, arn))
	timeout := timeoutFor(ctx, DefaultCreateTimeout)
	state := DataAutomationProjectState{DataAutomationProjectArgs: args, ProjectArn: arn}
	state.Tags = withoutOwner(tags) // what is applied, until the sync below succeeds
	resp := infer.CreateResponse[DataAutomationProjectState]{ID: arn, Output: state}
	live, err := d.settleProject(ctx, c, arn, stage, timeout)
	if err != nil {
		return resp, recorded(err)
	}
	state.Status = string(live.Status)
	resp.Output = state
	if err := syncProjectTags(ctx, c, arn, tags, own.tags(args.Tags)); err != nil {
		return resp, recorded(err)
	}
	state.Tags = args.Tags
	resp.Output = state
	if !sameProjectSpec(projectArgsFromLive(live, nil), args) || live.Status != types.DataAutomationProjectStatusCompleted {
		err = d.updateProject(ctx, c, arn, args, &state, timeout)
		resp.Output = state
	}
	return resp, recorded(err)
}

// findProject lists the account's projects of every stage and returns the ARN and stage of
// the one named name, or "".
func findProject(ctx context.Context, c *clients, name string) (arn, stage string, err error) {
	pages := bda.NewListDataAutomationProjectsPaginator(c.bda, &bda.ListDataAutomationProjectsInput{
		ProjectStageFilter: types.DataAutomationProjectStageFilterAll, ResourceOwner: types.ResourceOwnerAccount,
	})
	for pages.HasMorePages() {
		page, err := pages.NextPage(ctx)
		if err != nil {
			return "", "", fmt.Errorf("listing data automation projects: %w", err)
		}
		for _, p := range page.Projects {
			if aws.ToString(p.ProjectName) == name {
				return aws.ToString(p.ProjectArn), string(p.ProjectStage), nil
			}
		}
	}
	return "", "", nil
}
