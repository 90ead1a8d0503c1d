package provider

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	ac "github.com/aws/aws-sdk-go-v2/service/bedrockagentcorecontrol"
	"github.com/aws/aws-sdk-go-v2/service/bedrockagentcorecontrol/types"
)

func getRuntime(ctx context.Context, c *clients, id string) (*ac.GetAgentRuntimeOutput, error) {
	out, err := c.agentcore.GetAgentRuntime(ctx, &ac.GetAgentRuntimeInput{AgentRuntimeId: aws.String(id)})
	if err != nil {
		return nil, fmt.Errorf("reading agent runtime %s: %w", id, err)
	}
	return out, nil
}

// stableRuntime reports a status no operation is running in (READY or a *_FAILED).
func stableRuntime(s types.AgentRuntimeStatus) bool {
	return !slices.Contains([]types.AgentRuntimeStatus{
		types.AgentRuntimeStatusCreating, types.AgentRuntimeStatusUpdating, types.AgentRuntimeStatusDeleting,
	}, s)
}

// waitRuntime polls until the runtime leaves CREATING/UPDATING and returns the last read.
func (d *deps) waitRuntime(ctx context.Context, c *clients, id, what string, timeout time.Duration, status string) (*ac.GetAgentRuntimeOutput, error) {
	var last *ac.GetAgentRuntimeOutput
	_, err := d.waitFor(ctx, fmt.Sprintf("agent runtime %s %s", id, what), timeout, status,
		func(ctx context.Context) (string, bool, error) {
			out, err := getRuntime(ctx, c, id)
			if isNotFound(err) {
				return "", false, fmt.Errorf("agent runtime %s: %w", id, errGone)
			}
			if err != nil {
				return "", false, err
			}
			last = out
			return string(out.Status), stableRuntime(out.Status), nil
		})
	return last, err
}

// deleteRuntime asks for deletion and reports gone=true when there was nothing to delete.
func (d *deps) deleteRuntime(ctx context.Context, c *clients, id string, timeout time.Duration) (gone bool, err error) {
	err = d.retryOnConflict(ctx, "deleting agent runtime "+id, func() error {
		_, err := c.agentcore.DeleteAgentRuntime(ctx, &ac.DeleteAgentRuntimeInput{AgentRuntimeId: aws.String(id)})
		return err
	}, func() error {
		_, err := d.waitRuntime(ctx, c, id, "settling before deletion", timeout, "")
		return err
	})
	switch {
	case err == nil:
		return false, nil
	case isNotFound(err):
		return true, nil
	case isAccessDenied(err):
		// AgentCore answers AccessDenied for some runtimes that no longer exist; a read tells.
		if _, gerr := getRuntime(ctx, c, id); isNotFound(gerr) {
			return true, nil
		}
	}
	return false, fmt.Errorf("deleting agent runtime %s: %w", id, err)
}

// findRuntime lists the runtimes and returns the one named name, or nil.
func findRuntime(ctx context.Context, c *clients, name string) (*types.AgentRuntime, error) {
	pages := ac.NewListAgentRuntimesPaginator(c.agentcore, &ac.ListAgentRuntimesInput{})
	for pages.HasMorePages() {
		page, err := pages.NextPage(ctx)
		if err != nil {
			return nil, fmt.Errorf("listing agent runtimes: %w", err)
		}
		for i, rt := range page.AgentRuntimes {
			if aws.ToString(rt.AgentRuntimeName) == name {
				return &page.AgentRuntimes[i], nil
			}
		}
	}
	return nil, nil
}

// syncRuntimeTags applies the difference between old and new tags.
func syncRuntimeTags(ctx context.Context, c *clients, arn string, olds, news map[string]string) error {
	var gone []string
	for _, k := range slices.Sorted(maps.Keys(olds)) {
		if _, ok := news[k]; !ok {
			gone = append(gone, k)
		}
	}
	if len(gone) > 0 {
		if _, err := c.agentcore.UntagResource(ctx, &ac.UntagResourceInput{ResourceArn: aws.String(arn), TagKeys: gone}); err != nil {
			return fmt.Errorf("removing tags from %s: %w", arn, err)
		}
	}
	changed := map[string]string{}
	for k, v := range news {
		if ov, ok := olds[k]; !ok || ov != v {
			changed[k] = v
		}
	}
	if len(changed) > 0 {
		if _, err := c.agentcore.TagResource(ctx, &ac.TagResourceInput{ResourceArn: aws.String(arn), Tags: changed}); err != nil {
			return fmt.Errorf("tagging %s: %w", arn, err)
		}
	}
	return nil
}

func listRuntimeTags(ctx context.Context, c *clients, arn string) (map[string]string, error) {
	out, err := c.agentcore.ListTagsForResource(ctx, &ac.ListTagsForResourceInput{ResourceArn: aws.String(arn)})
	if err != nil {
		return nil, fmt.Errorf("listing tags of %s: %w", arn, err)
	}
	return out.Tags, nil
}
