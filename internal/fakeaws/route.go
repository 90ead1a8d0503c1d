package fakeaws

import (
	"bytes"
	"net/http"
	"net/url"
	"strings"
)

// route is one resolved operation.
type route struct {
	service, op, resource string
	handle                func(body []byte) (reply, *apiError) // called with s.mu held
}

func bytesReader(b []byte) *bytes.Reader { return bytes.NewReader(b) }

// route maps method and escaped path to an operation of either service.
func (s *Server) route(r *http.Request) (*route, *apiError) {
	path := r.URL.EscapedPath()
	switch {
	case strings.HasPrefix(path, "/runtimes/"):
		return s.routeRuntime(r, strings.TrimPrefix(path, "/runtimes/"))
	case strings.HasPrefix(path, "/tags/"):
		return s.routeRuntimeTags(r, strings.TrimPrefix(path, "/tags/"))
	case strings.HasPrefix(path, "/data-automation-projects/"):
		return s.routeProject(r, strings.TrimPrefix(path, "/data-automation-projects/"))
	case r.Method == http.MethodPost && (path == "/tagResource" || path == "/untagResource" || path == "/listTagsForResource"):
		return s.routeProjectTags(strings.TrimPrefix(path, "/"))
	}
	return nil, unknownOp(r)
}

func unknownOp(r *http.Request) *apiError {
	return errorf(http.StatusNotFound, "UnknownOperationException", "no operation for %s %s", r.Method, r.URL.Path)
}

// label unescapes one path segment holding an id or ARN, dropping the trailing slash.
func label(rest string) (string, bool) {
	rest = strings.TrimSuffix(rest, "/")
	if rest == "" || strings.Contains(rest, "/") {
		return "", false
	}
	v, err := url.PathUnescape(rest)
	return v, err == nil && v != ""
}

func (s *Server) routeRuntime(r *http.Request, rest string) (*route, *apiError) {
	const svc = ServiceAgentCore
	if rest == "" {
		switch r.Method {
		case http.MethodPut:
			return creating(svc, "CreateAgentRuntime", s.createRuntime), nil
		case http.MethodPost: // ListAgentRuntimes is POST /runtimes/ (AC model, SDK schema)
			q := r.URL.Query()
			return &route{svc, "ListAgentRuntimes", "", func([]byte) (reply, *apiError) {
				return s.listRuntimes(q.Get("maxResults"), q.Get("nextToken"))
			}}, nil
		}
		return nil, unknownOp(r)
	}
	id, ok := label(rest)
	if !ok {
		return nil, unknownOp(r)
	}
	q := r.URL.Query()
	switch r.Method {
	case http.MethodGet:
		return &route{svc, "GetAgentRuntime", id, func([]byte) (reply, *apiError) { return s.getRuntime(id) }}, nil
	case http.MethodPut:
		return &route{svc, "UpdateAgentRuntime", id, func(b []byte) (reply, *apiError) { return s.updateRuntime(id, b) }}, nil
	case http.MethodDelete:
		return &route{svc, "DeleteAgentRuntime", id, func([]byte) (reply, *apiError) {
			return s.deleteRuntime(id, q.Get("clientToken"))
		}}, nil
	}
	return nil, unknownOp(r)
}

func (s *Server) routeRuntimeTags(r *http.Request, rest string) (*route, *apiError) {
	const svc = ServiceAgentCore
	arn, ok := label(rest)
	if !ok {
		return nil, unknownOp(r)
	}
	switch r.Method {
	case http.MethodPost:
		return &route{svc, "TagResource", arn, func(b []byte) (reply, *apiError) { return s.tagRuntime(arn, b) }}, nil
	case http.MethodDelete:
		keys := r.URL.Query()["tagKeys"]
		return &route{svc, "UntagResource", arn, func([]byte) (reply, *apiError) { return s.untagRuntime(arn, keys) }}, nil
	case http.MethodGet:
		return &route{svc, "ListTagsForResource", arn, func([]byte) (reply, *apiError) { return s.listRuntimeTags(arn) }}, nil
	}
	return nil, unknownOp(r)
}

func (s *Server) routeProject(r *http.Request, rest string) (*route, *apiError) {
	const svc = ServiceDataAutomation
	if rest == "" {
		switch r.Method {
		case http.MethodPut:
			return creating(svc, "CreateDataAutomationProject", s.createProject), nil
		case http.MethodPost:
			return &route{svc, "ListDataAutomationProjects", "", s.listProjects}, nil
		}
		return nil, unknownOp(r)
	}
	arn, ok := label(rest)
	if !ok {
		return nil, unknownOp(r)
	}
	switch r.Method {
	case http.MethodPost:
		return &route{svc, "GetDataAutomationProject", arn, func(b []byte) (reply, *apiError) { return s.getProject(arn, b) }}, nil
	case http.MethodPut:
		return &route{svc, "UpdateDataAutomationProject", arn, func(b []byte) (reply, *apiError) {
			return s.updateProject(arn, b)
		}}, nil
	case http.MethodDelete:
		return &route{svc, "DeleteDataAutomationProject", arn, func([]byte) (reply, *apiError) { return s.deleteProject(arn) }}, nil
	}
	return nil, unknownOp(r)
}

func (s *Server) routeProjectTags(op string) (*route, *apiError) {
	handlers := map[string]struct {
		name string
		h    func([]byte) (reply, *apiError)
	}{
		"tagResource":         {"TagResource", s.tagProject},
		"untagResource":       {"UntagResource", s.untagProject},
		"listTagsForResource": {"ListTagsForResource", s.listProjectTags},
	}
	h := handlers[op]
	rt := &route{service: ServiceDataAutomation, op: h.name}
	rt.handle = func(b []byte) (reply, *apiError) {
		rt.resource = resourceARNOf(b) // the ARN travels in the body for these three
		return h.h(b)
	}
	return rt, nil
}

// creating wraps a create handler so the call log names the resource after the request's name.
func creating(svc, op string, h func(body []byte) (string, reply, *apiError)) *route {
	rt := &route{service: svc, op: op}
	rt.handle = func(b []byte) (reply, *apiError) {
		name, rep, err := h(b)
		rt.resource = name
		return rep, err
	}
	return rt
}
