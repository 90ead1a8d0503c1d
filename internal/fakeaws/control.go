package fakeaws

import (
	"net/http"
	"net/url"
	"strings"
)

// ControlPrefix starts the paths of the fake's own control endpoints, for shell and e2e tests
// that run it as a separate process:
//
//	GET    /_fake/calls               the call log as JSON
//	DELETE /_fake/calls               empty the call log
//	POST   /_fake/faults              queue a Fault (JSON body)
//	POST   /_fake/scripts             {"kind", "phase", "script": Script} (After in nanoseconds)
//	DELETE /_fake/runtimes/{id}       delete a runtime out of band
//	DELETE /_fake/projects/{arn}      delete a project out of band (ARN path-escaped)
const ControlPrefix = "/_fake/"

// serveControl answers control requests and reports whether it did.
func (s *Server) serveControl(w http.ResponseWriter, r *http.Request, body []byte) bool {
	path := r.URL.EscapedPath()
	if !strings.HasPrefix(path, ControlPrefix) {
		return false
	}
	rest := strings.TrimPrefix(path, ControlPrefix)
	switch {
	case rest == "calls" && r.Method == http.MethodGet:
		writeJSON(w, http.StatusOK, s.Calls())
	case rest == "calls" && r.Method == http.MethodDelete:
		s.ResetCalls()
		writeJSON(w, http.StatusNoContent, nil)
	case rest == "faults" && r.Method == http.MethodPost:
		var f Fault
		if err := decodeStrict(body, &f); err != nil {
			writeError(w, err)
			return true
		}
		s.Inject(f)
		writeJSON(w, http.StatusNoContent, nil)
	case rest == "scripts" && r.Method == http.MethodPost:
		s.controlScript(w, body)
	case strings.HasPrefix(rest, "runtimes/") && r.Method == http.MethodDelete:
		s.controlDelete(w, strings.TrimPrefix(rest, "runtimes/"), s.DeleteRuntime)
	case strings.HasPrefix(rest, "projects/") && r.Method == http.MethodDelete:
		s.controlDelete(w, strings.TrimPrefix(rest, "projects/"), s.DeleteProject)
	default:
		writeError(w, unknownOp(r))
	}
	return true
}

func (s *Server) controlScript(w http.ResponseWriter, body []byte) {
	var req struct {
		Kind   Kind   `json:"kind"`
		Phase  Phase  `json:"phase"`
		Script Script `json:"script"`
	}
	if err := decodeStrict(body, &req); err != nil {
		writeError(w, err)
		return
	}
	if err := s.SetScript(req.Kind, req.Phase, req.Script); err != nil {
		writeError(w, invalid("%v", err))
		return
	}
	writeJSON(w, http.StatusNoContent, nil)
}

func (s *Server) controlDelete(w http.ResponseWriter, escaped string, del func(string) bool) {
	key, err := url.PathUnescape(escaped)
	if err != nil || !del(key) {
		writeError(w, notFound("%s not found", escaped))
		return
	}
	writeJSON(w, http.StatusNoContent, nil)
}
