// Package fakeaws is an in-process fake of the Bedrock AgentCore control plane
// (bedrock-agentcore-control) and the Bedrock Data Automation control plane
// (bedrock-data-automation). It speaks their REST-JSON wire format over HTTP, so the real AWS
// SDK clients, or the real provider binary, reach it through an endpoint override. Scripts
// shape status transitions, faults inject errors, and every answered call is logged.
package fakeaws

import (
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"sync"
	"time"
)

// Options configure a Server. The zero value is usable.
type Options struct {
	Clock   Clock  // time source for scripts and the call log; nil means the wall clock
	Region  string // region in ARNs; default us-east-1
	Account string // account in ARNs; default 123456789012
}

// Server is a running fake. All methods are safe for concurrent use.
type Server struct {
	opts  Options
	clock Clock
	http  *httptest.Server

	mu       sync.Mutex
	runtimes map[string]*Runtime // by id
	projects map[string]*Project // by ARN
	scripts  map[scriptKey]Script
	faults   []*Fault
	calls    []Call
	seq      int
}

// New starts a fake on a random loopback port.
func New(opts Options) *Server {
	s := newServer(opts)
	s.http = httptest.NewServer(s)
	return s
}

// Start starts a fake listening on addr (host:port), which must be a loopback address.
func Start(addr string, opts Options) (*Server, error) {
	if err := requireLoopback(addr); err != nil {
		return nil, err
	}
	l, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("fakeaws: listening on %s: %w", addr, err)
	}
	s := newServer(opts)
	s.http = &httptest.Server{Listener: l, Config: &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}}
	s.http.Start()
	return s, nil
}

func newServer(opts Options) *Server {
	if opts.Clock == nil {
		opts.Clock = wallClock{}
	}
	if opts.Region == "" {
		opts.Region = "us-east-1"
	}
	if opts.Account == "" {
		opts.Account = "123456789012"
	}
	return &Server{
		opts: opts, clock: opts.Clock,
		runtimes: map[string]*Runtime{}, projects: map[string]*Project{}, scripts: defaultScripts(),
	}
}

// URL is the base URL to use as the endpoint of both services, e.g. http://127.0.0.1:41234.
func (s *Server) URL() string { return s.http.URL }

// Close stops the server and waits for in-flight requests.
func (s *Server) Close() { s.http.Close() }

func requireLoopback(addr string) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("fakeaws: address %q: %w", addr, err)
	}
	if host == "localhost" {
		return nil
	}
	if ip := net.ParseIP(host); ip == nil || !ip.IsLoopback() {
		return fmt.Errorf("fakeaws: address %q is not a loopback address", addr)
	}
	return nil
}

// reply is a successful answer.
type reply struct {
	status int
	body   any // nil means an empty body
}

// apiError is an AWS-style error answer.
type apiError struct {
	status  int
	code    string
	message string
}

func errorf(status int, code, format string, args ...any) *apiError {
	return &apiError{status: status, code: code, message: fmt.Sprintf(format, args...)}
}

func notFound(format string, args ...any) *apiError {
	return errorf(http.StatusNotFound, "ResourceNotFoundException", format, args...)
}

func invalid(format string, args ...any) *apiError {
	return errorf(http.StatusBadRequest, "ValidationException", format, args...)
}

func conflict(format string, args ...any) *apiError {
	return errorf(http.StatusConflict, "ConflictException", format, args...)
}

// ServeHTTP answers one request: route, fault, handler, log, reply.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		writeError(w, invalid("reading body: %v", err))
		return
	}
	if s.serveControl(w, r, body) {
		return
	}
	rt, apiErr := s.route(r)
	if apiErr != nil {
		writeError(w, apiErr)
		return
	}
	s.mu.Lock()
	f := s.takeFault(rt.op)
	if f != nil && f.Race {
		s.startRacingUpdate(rt.op, rt.resource)
		f = nil
	}
	if f != nil && !f.AfterCommit {
		s.record(rt.service, rt.op, rt.resource, f.Status)
		s.mu.Unlock()
		writeError(w, &apiError{f.Status, f.Code, f.Message})
		return
	}
	rep, apiErr := rt.handle(body)
	switch {
	case f != nil:
		apiErr = &apiError{f.Status, f.Code, f.Message}
		fallthrough
	case apiErr != nil:
		s.record(rt.service, rt.op, rt.resource, apiErr.status)
	default:
		s.record(rt.service, rt.op, rt.resource, rep.status)
	}
	s.mu.Unlock()
	if apiErr != nil {
		writeError(w, apiErr)
		return
	}
	writeJSON(w, rep.status, rep.body)
}

func writeError(w http.ResponseWriter, e *apiError) {
	w.Header().Set("X-Amzn-ErrorType", e.code)
	writeJSON(w, e.status, map[string]string{"message": e.message})
}

func writeJSON(w http.ResponseWriter, status int, body any) {
	if body == nil {
		w.WriteHeader(status)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(body) // the client may have gone; nothing to do about it
}

// decodeStrict rejects unknown fields so a request the fake does not model fails loudly.
func decodeStrict(body []byte, v any) *apiError {
	if len(body) == 0 {
		return nil
	}
	dec := json.NewDecoder(bytesReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return invalid("malformed request body: %v", err)
	}
	return nil
}
