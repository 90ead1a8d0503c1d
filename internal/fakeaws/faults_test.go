package fakeaws_test

import (
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	ac "github.com/aws/aws-sdk-go-v2/service/bedrockagentcorecontrol"

	"github.com/bidopsai/bidopsai-infra/internal/fakeaws"
)

func TestFaultsReachTheSDK(t *testing.T) {
	t.Parallel()
	t.Run("throttling_is_retried_by_the_sdk_retryer", func(t *testing.T) {
		t.Parallel()
		srv, _, c, _ := start(t)
		id := mustCreate(t, c, "agent_throttled")
		srv.Inject(fakeaws.Throttling("GetAgentRuntime", 2))
		status(t, c, id)
		if got := srv.Count("GetAgentRuntime"); got != 3 {
			t.Fatalf("GetAgentRuntime calls = %d, want 3 (two throttled, one answered)", got)
		}
	})
	t.Run("http_500_is_retried_by_the_sdk_retryer", func(t *testing.T) {
		t.Parallel()
		srv, _, c, _ := start(t)
		srv.Inject(fakeaws.InternalError("CreateAgentRuntime", 2))
		mustCreate(t, c, "agent_flaky")
		if got := srv.Count("CreateAgentRuntime"); got != 3 {
			t.Fatalf("CreateAgentRuntime calls = %d, want 3", got)
		}
	})
	t.Run("throttling_beyond_the_retry_budget_surfaces", func(t *testing.T) {
		t.Parallel()
		srv, _, c, _ := start(t)
		srv.Inject(fakeaws.Throttling("CreateAgentRuntime", 50))
		if _, err := c.CreateAgentRuntime(t.Context(), createInput("agent_starved")); errCode(err) != "ThrottlingException" {
			t.Fatalf("got %v, want ThrottlingException", err)
		}
	})
	t.Run("lost_reply_is_retried_with_the_same_token_and_creates_once", func(t *testing.T) {
		t.Parallel()
		srv, _, c, _ := start(t)
		f := fakeaws.InternalError("CreateAgentRuntime", 1)
		f.AfterCommit = true
		srv.Inject(f)
		mustCreate(t, c, "agent_once")
		if n := len(srv.Runtimes()); n != 1 || srv.Count("CreateAgentRuntime") != 2 {
			t.Fatalf("runtimes = %d after %d creates, want 1 after 2", n, srv.Count("CreateAgentRuntime"))
		}
	})
	t.Run("role_not_assumable_is_a_validation_exception_n_times", func(t *testing.T) {
		t.Parallel()
		srv, _, c, _ := start(t)
		srv.Inject(fakeaws.RoleNotAssumable(2))
		for i := range 2 {
			_, err := c.CreateAgentRuntime(t.Context(), createInput("agent_role"))
			if errCode(err) != "ValidationException" {
				t.Fatalf("attempt %d: got %v, want ValidationException", i+1, err)
			}
		}
		mustCreate(t, c, "agent_role")
	})
	t.Run("create_failed_reports_the_reason", func(t *testing.T) {
		t.Parallel()
		srv, _, c, _ := start(t)
		_ = srv.SetScript(fakeaws.KindRuntime, fakeaws.PhaseCreate, fakeaws.Script{AfterGets: 1, FailReason: "image is not arm64"})
		id := mustCreate(t, c, "agent_broken")
		st, out := status(t, c, id)
		if st != "CREATE_FAILED" || aws.ToString(out.FailureReason) != "image is not arm64" {
			t.Fatalf("got %s (%q), want CREATE_FAILED with the reason", st, aws.ToString(out.FailureReason))
		}
	})
	t.Run("update_failed_reports_the_reason", func(t *testing.T) {
		t.Parallel()
		srv, _, c, _ := start(t)
		_ = srv.SetScript(fakeaws.KindRuntime, fakeaws.PhaseUpdate, fakeaws.Script{FailReason: "bad env"})
		id := mustCreate(t, c, "agent_upd")
		status(t, c, id)
		status(t, c, id)
		in := createInput("agent_upd")
		if _, err := c.UpdateAgentRuntime(t.Context(), &ac.UpdateAgentRuntimeInput{AgentRuntimeId: aws.String(id),
			AgentRuntimeArtifact: in.AgentRuntimeArtifact, RoleArn: in.RoleArn, NetworkConfiguration: in.NetworkConfiguration}); err != nil {
			t.Fatal(err)
		}
		st, out := status(t, c, id)
		if st != "UPDATE_FAILED" || aws.ToString(out.FailureReason) != "bad env" {
			t.Fatalf("got %s (%q), want UPDATE_FAILED with the reason", st, aws.ToString(out.FailureReason))
		}
	})
	t.Run("out_of_band_delete_makes_get_not_found", func(t *testing.T) {
		t.Parallel()
		srv, _, c, _ := start(t)
		id := mustCreate(t, c, "agent_oob")
		if !srv.DeleteRuntime(id) {
			t.Fatal("DeleteRuntime found nothing")
		}
		_, err := c.GetAgentRuntime(t.Context(), &ac.GetAgentRuntimeInput{AgentRuntimeId: aws.String(id)})
		if errCode(err) != "ResourceNotFoundException" {
			t.Fatalf("got %v, want ResourceNotFoundException", err)
		}
	})
}
