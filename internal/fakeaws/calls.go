package fakeaws

import (
	"strings"
	"time"
)

// Service names as they appear in Call.Service.
const (
	ServiceAgentCore      = "bedrock-agentcore-control"
	ServiceDataAutomation = "bedrock-data-automation"
)

// Call is one request the fake answered (control endpoints under /_fake/ are not recorded).
type Call struct {
	Service  string    `json:"service"`
	Op       string    `json:"op"`       // the AWS operation name, e.g. "GetAgentRuntime"
	Resource string    `json:"resource"` // runtime id, project ARN, or the name on create
	At       time.Time `json:"at"`       // the fake's clock when the request arrived
	Status   int       `json:"status"`   // the HTTP status the fake answered with
}

// Mutating reports whether the operation changes state (create, update, delete, tag, untag).
func (c Call) Mutating() bool { return IsMutating(c.Op) }

// IsMutating reports whether an operation name changes state.
func IsMutating(op string) bool {
	for _, prefix := range []string{"Create", "Update", "Delete", "Tag", "Untag"} {
		if strings.HasPrefix(op, prefix) {
			return true
		}
	}
	return false
}

// Calls returns a copy of the call log in arrival order.
func (s *Server) Calls() []Call {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Call(nil), s.calls...)
}

// Count returns how many recorded calls had operation op.
func (s *Server) Count(op string) int {
	n := 0
	for _, c := range s.Calls() {
		if c.Op == op {
			n++
		}
	}
	return n
}

// MutatingCalls returns the recorded calls that change state.
func (s *Server) MutatingCalls() []Call {
	var out []Call
	for _, c := range s.Calls() {
		if c.Mutating() {
			out = append(out, c)
		}
	}
	return out
}

// ResetCalls empties the call log.
func (s *Server) ResetCalls() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.calls = nil
}

func (s *Server) record(service, op, res string, status int) {
	s.calls = append(s.calls, Call{Service: service, Op: op, Resource: res, At: s.clock.Now(), Status: status})
}
