package main

import (
	"bytes"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func testHandler(logs io.Writer) http.Handler {
	return newHandler(agentInfo{Type: "workflow", Version: "1.2.3"}, slog.New(slog.NewJSONHandler(logs, nil)))
}

func serve(t *testing.T, h http.Handler, method, path string, body io.Reader) (*httptest.ResponseRecorder, map[string]any) {
	t.Helper()
	req := httptest.NewRequest(method, path, body)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if ct := rec.Header().Get("Content-Type"); ct != "application/json" {
		t.Fatalf("%s %s: Content-Type = %q, want application/json", method, path, ct)
	}
	var got map[string]any
	if method != http.MethodHead {
		if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil {
			t.Fatalf("%s %s: response is not JSON: %v: %q", method, path, err, rec.Body.String())
		}
	}
	return rec, got
}

func TestPing(t *testing.T) {
	t.Parallel()
	rec, got := serve(t, testHandler(io.Discard), http.MethodGet, "/ping", nil)
	if rec.Code != http.StatusOK || got["status"] != "Healthy" {
		t.Fatalf("GET /ping = %d %v, want 200 status Healthy", rec.Code, got)
	}
	if _, ok := got["time_of_last_update"].(float64); !ok {
		t.Errorf("GET /ping: time_of_last_update missing or not a number: %v", got)
	}
}

func TestInvocationEchoesPromptWithAgentTypeAndVersion(t *testing.T) {
	t.Parallel()
	var logs bytes.Buffer
	h := testHandler(&logs)
	req := httptest.NewRequest(http.MethodPost, "/invocations", strings.NewReader(`{"prompt":"hello","extra":1}`))
	req.Header.Set(sessionHeader, "session-1")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)

	var got invocationResponse
	if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil || rec.Code != http.StatusOK {
		t.Fatalf("POST /invocations = %d %q (%v), want 200 JSON", rec.Code, rec.Body.String(), err)
	}
	want := invocationResponse{Prompt: "hello", Response: "workflow agent 1.2.3 received: hello",
		AgentType: "workflow", AgentVersion: "1.2.3", SessionID: "session-1"}
	if got != want {
		t.Errorf("response = %+v, want %+v", got, want)
	}
	for _, line := range strings.Split(strings.TrimSpace(logs.String()), "\n") {
		if !json.Valid([]byte(line)) {
			t.Errorf("log line is not JSON: %q", line)
		}
	}
	if !strings.Contains(logs.String(), `"sessionId":"session-1"`) {
		t.Errorf("logs do not carry the session id: %s", logs.String())
	}
}

func TestInvocationRejectsBadRequests(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name, method, path, body string
		status                   int
		errorHas                 string
	}{
		{"rejects_malformed_json", http.MethodPost, "/invocations", `{"prompt":`, http.StatusBadRequest, "JSON object"},
		{"rejects_trailing_data", http.MethodPost, "/invocations", `{"prompt":"a"} x`, http.StatusBadRequest, "JSON object"},
		{"rejects_array_body", http.MethodPost, "/invocations", `["a"]`, http.StatusBadRequest, "JSON object"},
		{"rejects_non_string_prompt", http.MethodPost, "/invocations", `{"prompt":5}`, http.StatusBadRequest, "JSON object"},
		{"rejects_missing_prompt", http.MethodPost, "/invocations", `{}`, http.StatusBadRequest, `"prompt" is required`},
		{"rejects_blank_prompt", http.MethodPost, "/invocations", `{"prompt":"  "}`, http.StatusBadRequest, `"prompt" is required`},
		{"rejects_empty_body", http.MethodPost, "/invocations", ``, http.StatusBadRequest, "JSON object"},
		{"rejects_body_over_limit", http.MethodPost, "/invocations",
			`{"prompt":"` + strings.Repeat("a", maxBodyBytes) + `"}`, http.StatusRequestEntityTooLarge, "limit"},
		{"rejects_get_on_invocations", http.MethodGet, "/invocations", "", http.StatusMethodNotAllowed, "use POST"},
		{"rejects_post_on_ping", http.MethodPost, "/ping", "", http.StatusMethodNotAllowed, "use GET"},
		{"answers_404_on_unknown_path", http.MethodGet, "/health", "", http.StatusNotFound, "GET /ping"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			rec, got := serve(t, testHandler(io.Discard), c.method, c.path, strings.NewReader(c.body))
			msg, _ := got["error"].(string)
			if rec.Code != c.status || !strings.Contains(msg, c.errorHas) {
				t.Errorf("%s %s = %d %q, want %d with error containing %q", c.method, c.path, rec.Code, msg, c.status, c.errorHas)
			}
		})
	}
}

func TestMethodNotAllowedListsAllowedMethods(t *testing.T) {
	t.Parallel()
	rec, _ := serve(t, testHandler(io.Discard), http.MethodDelete, "/invocations", nil)
	if got := rec.Header().Get("Allow"); got != "POST" {
		t.Errorf("Allow = %q, want POST", got)
	}
}

func TestParseConfig(t *testing.T) {
	t.Parallel()
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	cases := []struct {
		name     string
		args     []string
		env      map[string]string
		wantPort int
		wantErr  string
	}{
		{"defaults_to_8080", nil, nil, 8080, ""},
		{"reads_port_from_env", nil, map[string]string{"PORT": "9000"}, 9000, ""},
		{"flag_overrides_env", []string{"-port", "9001"}, map[string]string{"PORT": "9000"}, 9001, ""},
		{"rejects_bad_env_port", nil, map[string]string{"PORT": "http"}, 0, "PORT"},
		{"rejects_port_out_of_range", []string{"-port", "70000"}, nil, 0, "0 to 65535"},
		{"rejects_positional_argument", []string{"serve"}, nil, 0, `unexpected argument "serve"`},
		{"rejects_unknown_flag", []string{"-verbose"}, nil, 0, "-verbose"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			cfg, err := parseConfig(c.args, env(c.env))
			if c.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), c.wantErr) {
					t.Fatalf("err = %v, want one containing %q", err, c.wantErr)
				}
				return
			}
			if err != nil || cfg.port != c.wantPort {
				t.Fatalf("port = %d, err = %v; want %d", cfg.port, err, c.wantPort)
			}
		})
	}
}

func TestAgentIdentityComesFromEnvironment(t *testing.T) {
	t.Parallel()
	cfg, err := parseConfig(nil, func(k string) string {
		return map[string]string{"AGENT_TYPE": "ai-assistant", "AGENT_VERSION": "2.0.0"}[k]
	})
	if err != nil || cfg.agent != (agentInfo{Type: "ai-assistant", Version: "2.0.0"}) {
		t.Fatalf("agent = %+v, err = %v", cfg.agent, err)
	}
}
