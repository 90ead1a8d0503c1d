package fakeaws_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	ac "github.com/aws/aws-sdk-go-v2/service/bedrockagentcorecontrol"
	"github.com/aws/aws-sdk-go-v2/service/bedrockagentcorecontrol/types"
	bda "github.com/aws/aws-sdk-go-v2/service/bedrockdataautomation"
	"github.com/aws/smithy-go"

	"github.com/bidopsai/bidopsai-infra/internal/fakeaws"
)

const testRole = "arn:aws:iam::123456789012:role/agent"

var epoch = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

// start runs a fake on a manual clock and returns real SDK clients pointed at it.
func start(t *testing.T) (*fakeaws.Server, *fakeaws.ManualClock, *ac.Client, *bda.Client) {
	t.Helper()
	clock := fakeaws.NewManualClock(epoch)
	srv := fakeaws.New(fakeaws.Options{Clock: clock})
	t.Cleanup(srv.Close)
	cfg := srv.AWSConfig()
	return srv, clock, ac.NewFromConfig(cfg), bda.NewFromConfig(cfg)
}

func createInput(name string) *ac.CreateAgentRuntimeInput {
	return &ac.CreateAgentRuntimeInput{
		AgentRuntimeName: aws.String(name),
		AgentRuntimeArtifact: &types.AgentRuntimeArtifactMemberContainerConfiguration{Value: types.ContainerConfiguration{
			ContainerUri: aws.String("123456789012.dkr.ecr.us-east-1.amazonaws.com/agent:v1"),
		}},
		RoleArn:              aws.String(testRole),
		NetworkConfiguration: &types.NetworkConfiguration{NetworkMode: types.NetworkModePublic},
		EnvironmentVariables: map[string]string{"LOG_LEVEL": "INFO"},
		ClientToken:          aws.String("token-" + strings.ReplaceAll(name, "_", "-") + "-000000000000000000000000000000000"),
	}
}

func errCode(err error) string {
	var ae smithy.APIError
	if errors.As(err, &ae) {
		return ae.ErrorCode()
	}
	return ""
}

func mustCreate(t *testing.T, c *ac.Client, name string) string {
	t.Helper()
	out, err := c.CreateAgentRuntime(t.Context(), createInput(name))
	if err != nil {
		t.Fatalf("CreateAgentRuntime: %v", err)
	}
	return aws.ToString(out.AgentRuntimeId)
}

func status(t *testing.T, c *ac.Client, id string) (types.AgentRuntimeStatus, *ac.GetAgentRuntimeOutput) {
	t.Helper()
	out, err := c.GetAgentRuntime(t.Context(), &ac.GetAgentRuntimeInput{AgentRuntimeId: aws.String(id)})
	if err != nil {
		t.Fatalf("GetAgentRuntime: %v", err)
	}
	return out.Status, out
}

func asError[T error](err error, target *T) bool { return errors.As(err, target) }
