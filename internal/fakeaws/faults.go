package fakeaws

import (
	"fmt"
	"net/http"
	"strings"
)

// Fault makes the next Times requests for Op fail. Faults are consumed in the order injected.
type Fault struct {
	Op      string `json:"op"`      // operation name; empty matches every operation
	Times   int    `json:"times"`   // how many matching requests fail; values below 1 mean 1
	Status  int    `json:"status"`  // HTTP status of the error reply
	Code    string `json:"code"`    // AWS error code, sent in X-Amzn-ErrorType
	Message string `json:"message"` // error message
	// AfterCommit performs the operation and then fails the reply, as when a response is lost.
	AfterCommit bool `json:"afterCommit,omitempty"`
	// Race does not fail the request: another client's update of the same resource lands
	// just before it, so the request finds the resource UPDATING (IN_PROGRESS for a project)
	// and the service answers what it answers then, e.g. ConflictException to an update.
	Race bool `json:"race,omitempty"`
}

// RacingUpdate makes the next times requests for op (an update or delete of a runtime or
// project) race with another client's update.
func RacingUpdate(op string, times int) Fault {
	return Fault{Op: op, Times: times, Race: true}
}

// RoleValidationMessage is the ValidationException text AgentCore returns while a new
// execution role has not yet propagated through IAM.
const RoleValidationMessage = "Role validation failed for the provided role. Please verify that the role " +
	"exists and its trust policy allows assumption by bedrock-agentcore.amazonaws.com"

// Throttling fails op times with 429 ThrottlingException.
func Throttling(op string, times int) Fault {
	return Fault{Op: op, Times: times, Status: http.StatusTooManyRequests, Code: "ThrottlingException", Message: "Rate exceeded"}
}

// InternalError fails op times with 500 InternalServerException.
func InternalError(op string, times int) Fault {
	return Fault{Op: op, Times: times, Status: http.StatusInternalServerError, Code: "InternalServerException",
		Message: "An internal error occurred"}
}

// RoleNotAssumable fails CreateAgentRuntime times with the IAM-propagation ValidationException.
func RoleNotAssumable(times int) Fault {
	return Fault{Op: "CreateAgentRuntime", Times: times, Status: http.StatusBadRequest, Code: "ValidationException",
		Message: RoleValidationMessage}
}

// Inject queues a fault.
func (s *Server) Inject(f Fault) {
	if f.Times < 1 {
		f.Times = 1
	}
	if f.Status == 0 && !f.Race {
		f.Status = http.StatusInternalServerError
	}
	if f.Code == "" && !f.Race {
		f.Code = "InternalServerException"
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults = append(s.faults, &f)
}

// takeFault consumes one use of the first fault matching op; callers hold s.mu.
func (s *Server) takeFault(op string) *Fault {
	for i, f := range s.faults {
		if f.Op != "" && f.Op != op {
			continue
		}
		f.Times--
		if f.Times <= 0 {
			s.faults = append(s.faults[:i], s.faults[i+1:]...)
		}
		out := *f
		return &out
	}
	return nil
}

// startRacingUpdate begins another client's update of the resource op targets, unless an
// operation is running on it already; callers hold s.mu.
func (s *Server) startRacingUpdate(op, resource string) {
	if r, ok := s.runtimes[resource]; ok && strings.HasSuffix(op, "AgentRuntime") && r.pending == nil {
		r.Version = fmt.Sprint(atoi(r.Version) + 1)
		r.Status, r.FailureReason, r.UpdatedAt = "UPDATING", "", s.clock.Now()
		r.pending = s.start(KindRuntime, PhaseUpdate)
	}
	if p, ok := s.projects[resource]; ok && strings.HasSuffix(op, "DataAutomationProject") && p.pending == nil {
		p.Status, p.UpdatedAt = "IN_PROGRESS", s.clock.Now()
		p.pending = s.start(KindProject, PhaseUpdate)
	}
}
