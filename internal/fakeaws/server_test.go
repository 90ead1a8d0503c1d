package fakeaws_test

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"sync"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	ac "github.com/aws/aws-sdk-go-v2/service/bedrockagentcorecontrol"

	"github.com/bidopsai/bidopsai-infra/internal/fakeaws"
)

func TestServer(t *testing.T) {
	t.Parallel()
	t.Run("start_refuses_a_non_loopback_address", func(t *testing.T) {
		t.Parallel()
		if _, err := fakeaws.Start("0.0.0.0:0", fakeaws.Options{}); err == nil {
			t.Fatal("Start on 0.0.0.0 succeeded; want an error")
		}
	})
	t.Run("start_listens_on_the_given_loopback_address", func(t *testing.T) {
		t.Parallel()
		srv, err := fakeaws.Start("127.0.0.1:0", fakeaws.Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer srv.Close()
		c := ac.NewFromConfig(srv.AWSConfig())
		if _, err := c.GetAgentRuntime(t.Context(), &ac.GetAgentRuntimeInput{AgentRuntimeId: aws.String("nope")}); errCode(err) != "ResourceNotFoundException" {
			t.Fatalf("got %v, want ResourceNotFoundException", err)
		}
	})
	t.Run("rejects_fields_it_does_not_model", func(t *testing.T) {
		t.Parallel()
		srv, _, _, _ := start(t)
		resp := do(t, http.MethodPost, srv.URL()+"/tags/arn%3Aaws%3Ax", []byte(`{"tags":{},"bogus":1}`))
		if resp.StatusCode != http.StatusBadRequest || resp.header.Get("X-Amzn-ErrorType") != "ValidationException" {
			t.Fatalf("status %d type %q; want 400 ValidationException", resp.StatusCode, resp.header.Get("X-Amzn-ErrorType"))
		}
	})
	t.Run("control_endpoints_inject_faults_and_show_calls", func(t *testing.T) {
		t.Parallel()
		srv, _, c, _ := start(t)
		body, _ := json.Marshal(fakeaws.Throttling("GetAgentRuntime", 1))
		if resp := do(t, http.MethodPost, srv.URL()+"/_fake/faults", body); resp.StatusCode != http.StatusNoContent {
			t.Fatalf("POST /_fake/faults = %d", resp.StatusCode)
		}
		_, _ = c.GetAgentRuntime(t.Context(), &ac.GetAgentRuntimeInput{AgentRuntimeId: aws.String("x")})
		var calls []fakeaws.Call
		if err := json.Unmarshal(do(t, http.MethodGet, srv.URL()+"/_fake/calls", nil).body, &calls); err != nil {
			t.Fatal(err)
		}
		if len(calls) != 2 || calls[0].Status != http.StatusTooManyRequests || calls[1].Status != http.StatusNotFound {
			t.Fatalf("calls = %+v; want one throttled then one not-found Get", calls)
		}
	})
	t.Run("call_log_is_safe_for_concurrent_use", func(t *testing.T) {
		t.Parallel()
		srv, _, c, _ := start(t)
		var wg sync.WaitGroup
		for range 8 {
			wg.Go(func() {
				for range 10 {
					_, _ = c.GetAgentRuntime(t.Context(), &ac.GetAgentRuntimeInput{AgentRuntimeId: aws.String("x")})
					_ = srv.Calls()
				}
			})
		}
		wg.Wait()
		if n := srv.Count("GetAgentRuntime"); n != 80 {
			t.Fatalf("logged %d Gets, want 80", n)
		}
		if len(srv.MutatingCalls()) != 0 {
			t.Fatal("Gets were logged as mutating")
		}
	})
}

type httpReply struct {
	StatusCode int
	header     http.Header
	body       []byte
}

// do sends one raw request to the fake, as a shell test would with curl.
func do(t *testing.T, method, url string, body []byte) httpReply {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), method, url, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = resp.Body.Close() }()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return httpReply{resp.StatusCode, resp.Header, b}
}
