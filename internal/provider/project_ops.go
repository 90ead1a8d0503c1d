package provider

import (
	"context"
	"fmt"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	bda "github.com/aws/aws-sdk-go-v2/service/bedrockdataautomation"
	"github.com/aws/aws-sdk-go-v2/service/bedrockdataautomation/types"
)

func getProject(ctx context.Context, c *clients, arn, stage string) (*types.DataAutomationProject, error) {
	out, err := c.bda.GetDataAutomationProject(ctx, &bda.GetDataAutomationProjectInput{
		ProjectArn: aws.String(arn), ProjectStage: types.DataAutomationProjectStage(stage),
	})
	if err != nil {
		return nil, fmt.Errorf("reading data automation project %s: %w", arn, err)
	}
	if out.Project == nil {
		return nil, fmt.Errorf("reading data automation project %s: empty reply", arn)
	}
	return out.Project, nil
}

// waitProject polls until the project leaves IN_PROGRESS and returns the last read.
func (d *deps) waitProject(ctx context.Context, c *clients, arn, stage, what string, timeout time.Duration, status string) (*types.DataAutomationProject, error) {
	var last *types.DataAutomationProject
	_, err := d.waitFor(ctx, fmt.Sprintf("data automation project %s %s", arn, what), timeout, status,
		func(ctx context.Context) (string, bool, error) {
			p, err := getProject(ctx, c, arn, stage)
			if isNotFound(err) {
				return "", false, fmt.Errorf("data automation project %s: %w", arn, errGone)
			}
			if err != nil {
				return "", false, err
			}
			last = p
			return string(p.Status), p.Status != types.DataAutomationProjectStatusInProgress, nil
		})
	return last, err
}

func syncProjectTags(ctx context.Context, c *clients, arn string, olds, news map[string]string) error {
	var gone []string
	for _, k := range sortedKeys(olds) {
		if _, ok := news[k]; !ok {
			gone = append(gone, k)
		}
	}
	if len(gone) > 0 {
		if _, err := c.bda.UntagResource(ctx, &bda.UntagResourceInput{ResourceARN: aws.String(arn), TagKeys: gone}); err != nil {
			return fmt.Errorf("removing tags from %s: %w", arn, err)
		}
	}
	var changed []types.Tag
	for _, k := range sortedKeys(news) {
		if ov, ok := olds[k]; !ok || ov != news[k] {
			changed = append(changed, types.Tag{Key: aws.String(k), Value: aws.String(news[k])})
		}
	}
	if len(changed) > 0 {
		if _, err := c.bda.TagResource(ctx, &bda.TagResourceInput{ResourceARN: aws.String(arn), Tags: changed}); err != nil {
			return fmt.Errorf("tagging %s: %w", arn, err)
		}
	}
	return nil
}

func listProjectTags(ctx context.Context, c *clients, arn string) (map[string]string, error) {
	out, err := c.bda.ListTagsForResource(ctx, &bda.ListTagsForResourceInput{ResourceARN: aws.String(arn)})
	if err != nil {
		return nil, fmt.Errorf("listing tags of %s: %w", arn, err)
	}
	tags := map[string]string{}
	for _, t := range out.Tags {
		tags[aws.ToString(t.Key)] = aws.ToString(t.Value)
	}
	return tags, nil
}
