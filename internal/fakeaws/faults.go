package fakeaws

import "net/http"

// Fault makes the next Times requests for Op fail. Faults are consumed in the order injected.
type Fault struct {
	Op      string `json:"op"`      // operation name; empty matches every operation
	Times   int    `json:"times"`   // how many matching requests fail; values below 1 mean 1
	Status  int    `json:"status"`  // HTTP status of the error reply
	Code    string `json:"code"`    // AWS error code, sent in X-Amzn-ErrorType
	Message string `json:"message"` // error message
	// AfterCommit performs the operation and then fails the reply, as when a response is lost.
	AfterCommit bool `json:"afterCommit,omitempty"`
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
	if f.Status == 0 {
		f.Status = http.StatusInternalServerError
	}
	if f.Code == "" {
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
