package fakeaws_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	ac "github.com/aws/aws-sdk-go-v2/service/bedrockagentcorecontrol"
	"github.com/aws/aws-sdk-go-v2/service/bedrockagentcorecontrol/types"

	"github.com/bidopsai/bidopsai-infra/internal/fakeaws"
)

func TestRuntimeLifecycleThroughTheSDK(t *testing.T) {
	t.Parallel()
	t.Run("create_is_ready_on_the_second_get_by_default", func(t *testing.T) {
		t.Parallel()
		_, _, c, _ := start(t)
		id := mustCreate(t, c, "agent_one")
		if st, _ := status(t, c, id); st != types.AgentRuntimeStatusCreating {
			t.Fatalf("first Get: status %s, want CREATING", st)
		}
		st, out := status(t, c, id)
		if st != types.AgentRuntimeStatusReady {
			t.Fatalf("second Get: status %s, want READY", st)
		}
		uri := out.AgentRuntimeArtifact.(*types.AgentRuntimeArtifactMemberContainerConfiguration).Value.ContainerUri
		if aws.ToString(uri) == "" || out.EnvironmentVariables["LOG_LEVEL"] != "INFO" || aws.ToInt32(out.LifecycleConfiguration.IdleRuntimeSessionTimeout) != 900 {
			t.Fatalf("Get does not echo the configuration with service defaults: %+v", out)
		}
	})
	t.Run("time_script_turns_ready_when_the_clock_passes", func(t *testing.T) {
		t.Parallel()
		srv, clock, c, _ := start(t)
		if err := srv.SetScript(fakeaws.KindRuntime, fakeaws.PhaseCreate, fakeaws.Script{After: 30 * time.Second}); err != nil {
			t.Fatal(err)
		}
		id := mustCreate(t, c, "agent_timed")
		clock.Advance(29 * time.Second)
		if st, _ := status(t, c, id); st != types.AgentRuntimeStatusCreating {
			t.Fatalf("at 29 s: %s, want CREATING", st)
		}
		clock.Advance(time.Second)
		if st, _ := status(t, c, id); st != types.AgentRuntimeStatusReady {
			t.Fatalf("at 30 s: %s, want READY", st)
		}
	})
	t.Run("update_replaces_the_whole_configuration", func(t *testing.T) {
		t.Parallel()
		srv, _, c, _ := start(t)
		id := mustCreate(t, c, "agent_put")
		status(t, c, id)
		status(t, c, id)
		in := createInput("agent_put")
		_, err := c.UpdateAgentRuntime(t.Context(), &ac.UpdateAgentRuntimeInput{
			AgentRuntimeId: aws.String(id), AgentRuntimeArtifact: in.AgentRuntimeArtifact, RoleArn: in.RoleArn,
			NetworkConfiguration: in.NetworkConfiguration,
		})
		if err != nil {
			t.Fatalf("UpdateAgentRuntime: %v", err)
		}
		rt, _ := srv.Runtime(id)
		if rt.Version != "2" || rt.Status != "UPDATING" || len(rt.Spec.EnvironmentVariables) != 0 {
			t.Fatalf("update must bump the version and drop what it omits: %+v", rt)
		}
	})
	t.Run("update_while_creating_conflicts", func(t *testing.T) {
		t.Parallel()
		_, _, c, _ := start(t)
		id := mustCreate(t, c, "agent_busy")
		in := createInput("agent_busy")
		_, err := c.UpdateAgentRuntime(t.Context(), &ac.UpdateAgentRuntimeInput{AgentRuntimeId: aws.String(id),
			AgentRuntimeArtifact: in.AgentRuntimeArtifact, RoleArn: in.RoleArn, NetworkConfiguration: in.NetworkConfiguration})
		if errCode(err) != "ConflictException" {
			t.Fatalf("got %v, want ConflictException", err)
		}
	})
	t.Run("delete_then_get_is_not_found", func(t *testing.T) {
		t.Parallel()
		_, _, c, _ := start(t)
		id := mustCreate(t, c, "agent_gone")
		if _, err := c.DeleteAgentRuntime(t.Context(), &ac.DeleteAgentRuntimeInput{AgentRuntimeId: aws.String(id)}); err != nil {
			t.Fatalf("DeleteAgentRuntime: %v", err)
		}
		_, err := c.GetAgentRuntime(t.Context(), &ac.GetAgentRuntimeInput{AgentRuntimeId: aws.String(id)})
		var nf *types.ResourceNotFoundException
		if !asError(err, &nf) {
			t.Fatalf("got %v, want *types.ResourceNotFoundException", err)
		}
	})
	t.Run("tags_round_trip_through_the_arn_path", func(t *testing.T) {
		t.Parallel()
		srv, _, c, _ := start(t)
		id := mustCreate(t, c, "agent_tags")
		rt, _ := srv.Runtime(id)
		arn := aws.String(rt.ARN)
		if _, err := c.TagResource(t.Context(), &ac.TagResourceInput{ResourceArn: arn, Tags: map[string]string{"a": "1", "b": "2"}}); err != nil {
			t.Fatalf("TagResource: %v", err)
		}
		if _, err := c.UntagResource(t.Context(), &ac.UntagResourceInput{ResourceArn: arn, TagKeys: []string{"a"}}); err != nil {
			t.Fatalf("UntagResource: %v", err)
		}
		out, err := c.ListTagsForResource(t.Context(), &ac.ListTagsForResourceInput{ResourceArn: arn})
		if err != nil || len(out.Tags) != 1 || out.Tags["b"] != "2" {
			t.Fatalf("ListTagsForResource = %v, %v; want only b=2", out, err)
		}
	})
}

func TestRuntimeValidation(t *testing.T) {
	t.Parallel()
	_, _, c, _ := start(t)
	cases := []struct {
		name string
		edit func(*ac.CreateAgentRuntimeInput)
	}{
		{"rejects_hyphen_in_runtime_name", func(in *ac.CreateAgentRuntimeInput) { in.AgentRuntimeName = aws.String("bidopsai-dev") }},
		{"rejects_vpc_without_subnets", func(in *ac.CreateAgentRuntimeInput) {
			in.NetworkConfiguration = &types.NetworkConfiguration{NetworkMode: types.NetworkModeVpc}
		}},
		{"rejects_non_role_arn", func(in *ac.CreateAgentRuntimeInput) { in.RoleArn = aws.String("arn:aws:iam::123456789012:user/x") }},
		{"rejects_idle_timeout_above_max_lifetime", func(in *ac.CreateAgentRuntimeInput) {
			in.LifecycleConfiguration = &types.LifecycleConfiguration{IdleRuntimeSessionTimeout: aws.Int32(3600), MaxLifetime: aws.Int32(600)}
		}},
	}
	for i, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			in := createInput(fmt.Sprintf("agent_invalid_%d", i))
			in.ClientToken = aws.String(fmt.Sprintf("token-%d-000000000000000000000000000000", i))
			tc.edit(in)
			if _, err := c.CreateAgentRuntime(t.Context(), in); errCode(err) != "ValidationException" {
				t.Fatalf("got %v, want ValidationException", err)
			}
		})
	}
	t.Run("accepts_a_runtime_without_network_configuration", func(t *testing.T) {
		// The API model does not require networkConfiguration (CreateAgentRuntimeRequest).
		in := createInput("agent_no_network")
		in.NetworkConfiguration = nil
		if _, err := c.CreateAgentRuntime(t.Context(), in); err != nil {
			t.Fatalf("CreateAgentRuntime without networkConfiguration: %v", err)
		}
	})
	t.Run("rejects_a_client_token_shorter_than_33", func(t *testing.T) {
		in := createInput("agent_short_token")
		in.ClientToken = aws.String(strings.Repeat("a", 32))
		if _, err := c.CreateAgentRuntime(t.Context(), in); errCode(err) != "ValidationException" || !strings.Contains(err.Error(), "clientToken") {
			t.Fatalf("got %v, want a ValidationException naming clientToken", err)
		}
	})
	t.Run("rejects_a_second_runtime_with_the_same_name", func(t *testing.T) {
		mustCreate(t, c, "agent_dup")
		in := createInput("agent_dup")
		in.ClientToken = aws.String("another-token-00000000000000000000000000")
		if _, err := c.CreateAgentRuntime(t.Context(), in); errCode(err) != "ConflictException" {
			t.Fatalf("got %v, want ConflictException", err)
		}
	})
	t.Run("same_client_token_returns_the_same_runtime", func(t *testing.T) {
		first := mustCreate(t, c, "agent_idem")
		if again := mustCreate(t, c, "agent_idem"); again != first {
			t.Fatalf("replayed create made %s, want %s", again, first)
		}
	})
}
