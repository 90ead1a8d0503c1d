package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"time"
)

// maxBodyBytes caps an invocation payload; the sample only needs a prompt.
const maxBodyBytes = 1 << 20

// sessionHeader carries the AgentCore runtime session id, logged to correlate invocations.
const sessionHeader = "X-Amzn-Bedrock-Agentcore-Runtime-Session-Id"

// agentInfo identifies the running agent in responses and logs.
type agentInfo struct {
	Type    string
	Version string
}

type invocationRequest struct {
	Prompt string `json:"prompt"`
}

type invocationResponse struct {
	Prompt       string `json:"prompt"`
	Response     string `json:"response"`
	AgentType    string `json:"agentType"`
	AgentVersion string `json:"agentVersion"`
	SessionID    string `json:"sessionId,omitempty"`
}

type pingResponse struct {
	Status           string `json:"status"`
	TimeOfLastUpdate int64  `json:"time_of_last_update"`
}

type errorResponse struct {
	Error string `json:"error"`
}

// server answers the AgentCore contract endpoints for one agent.
type server struct {
	agent   agentInfo
	logger  *slog.Logger
	started int64
}

// newHandler routes the AgentCore contract endpoints and logs every request as JSON.
func newHandler(agent agentInfo, logger *slog.Logger) http.Handler {
	s := &server{agent: agent, logger: logger, started: time.Now().Unix()}
	mux := http.NewServeMux()
	mux.HandleFunc("/ping", s.ping)
	mux.HandleFunc("/invocations", s.invocations)
	mux.HandleFunc("/", s.notFound)
	return logRequests(mux, logger)
}

func (s *server) ping(w http.ResponseWriter, r *http.Request) {
	if s.allow(w, r, http.MethodGet, http.MethodHead) {
		s.writeJSON(w, http.StatusOK, pingResponse{Status: "Healthy", TimeOfLastUpdate: s.started})
	}
}

func (s *server) notFound(w http.ResponseWriter, r *http.Request) {
	s.writeError(w, http.StatusNotFound, fmt.Sprintf("no route %s; this agent serves GET /ping and POST /invocations", r.URL.Path))
}

func (s *server) invocations(w http.ResponseWriter, r *http.Request) {
	if !s.allow(w, r, http.MethodPost) {
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBodyBytes))
	var tooLarge *http.MaxBytesError
	switch {
	case errors.As(err, &tooLarge):
		s.writeError(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("request body is over the %d-byte limit", maxBodyBytes))
		return
	case err != nil:
		s.writeError(w, http.StatusBadRequest, "could not read request body: "+err.Error())
		return
	}
	var req invocationRequest
	if err := json.Unmarshal(body, &req); err != nil {
		s.writeError(w, http.StatusBadRequest, `request body must be a JSON object like {"prompt": "..."}: `+err.Error())
		return
	}
	if strings.TrimSpace(req.Prompt) == "" {
		s.writeError(w, http.StatusBadRequest, `field "prompt" is required and must be a non-empty string`)
		return
	}
	session := r.Header.Get(sessionHeader)
	s.logger.Info("invocation", "sessionId", session, "promptBytes", len(req.Prompt))
	s.writeJSON(w, http.StatusOK, invocationResponse{
		Prompt:       req.Prompt,
		Response:     fmt.Sprintf("%s agent %s received: %s", s.agent.Type, s.agent.Version, req.Prompt),
		AgentType:    s.agent.Type,
		AgentVersion: s.agent.Version,
		SessionID:    session,
	})
}

// allow answers 405 with an Allow header unless r uses one of methods.
func (s *server) allow(w http.ResponseWriter, r *http.Request, methods ...string) bool {
	for _, m := range methods {
		if r.Method == m {
			return true
		}
	}
	w.Header().Set("Allow", strings.Join(methods, ", "))
	s.writeError(w, http.StatusMethodNotAllowed, fmt.Sprintf("method %s not allowed on %s; use %s", r.Method, r.URL.Path, strings.Join(methods, " or ")))
	return false
}

func (s *server) writeError(w http.ResponseWriter, status int, msg string) {
	s.writeJSON(w, status, errorResponse{Error: msg})
}

func (s *server) writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	// The status line is already sent; a failed write means the client went away.
	if err := json.NewEncoder(w).Encode(v); err != nil {
		s.logger.Warn("write response", "status", status, "error", err.Error())
	}
}

// statusRecorder remembers the status code for the access log.
type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (s *statusRecorder) WriteHeader(code int) {
	s.status = code
	s.ResponseWriter.WriteHeader(code)
}

func logRequests(next http.Handler, logger *slog.Logger) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		next.ServeHTTP(rec, r)
		logger.Info("request", "method", r.Method, "path", r.URL.Path, "status", rec.status,
			"durationMs", time.Since(start).Milliseconds())
	})
}
