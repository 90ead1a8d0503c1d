package fakeaws

import (
	"encoding/json"
	"net/http"
	"sort"

	"github.com/bidopsai/bidopsai-infra/internal/awsvalues"
)

type tagRequest struct {
	ResourceARN string    `json:"resourceARN"`
	Tags        []tagPair `json:"tags,omitempty"`
	TagKeys     []string  `json:"tagKeys,omitempty"`
}

func resourceARNOf(body []byte) string {
	var req struct {
		ResourceARN string `json:"resourceARN"`
	}
	_ = json.Unmarshal(body, &req) // a malformed body is reported by the handler itself
	return req.ResourceARN
}

func (s *Server) projectForTags(body []byte) (*Project, *tagRequest, *apiError) {
	var req tagRequest
	if err := decodeStrict(body, &req); err != nil {
		return nil, nil, err
	}
	p, ok := s.projects[req.ResourceARN]
	if !ok {
		return nil, nil, notFound("Resource %s not found", req.ResourceARN)
	}
	return p, &req, nil
}

func (s *Server) tagProject(body []byte) (reply, *apiError) {
	p, req, err := s.projectForTags(body)
	if err != nil {
		return reply{}, err
	}
	merged := cloneMap(p.Tags)
	for _, t := range req.Tags {
		merged[t.Key] = t.Value
	}
	if err := checkTags(awsvalues.DataAutomationTags, merged); err != nil {
		return reply{}, err
	}
	p.Tags = merged
	return reply{http.StatusOK, map[string]any{}}, nil
}

func (s *Server) untagProject(body []byte) (reply, *apiError) {
	p, req, err := s.projectForTags(body)
	if err != nil {
		return reply{}, err
	}
	for _, k := range req.TagKeys {
		delete(p.Tags, k)
	}
	return reply{http.StatusOK, map[string]any{}}, nil
}

func (s *Server) listProjectTags(body []byte) (reply, *apiError) {
	p, _, err := s.projectForTags(body)
	if err != nil {
		return reply{}, err
	}
	keys := make([]string, 0, len(p.Tags))
	for k := range p.Tags {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	tags := make([]tagPair, 0, len(keys))
	for _, k := range keys {
		tags = append(tags, tagPair{k, p.Tags[k]})
	}
	return reply{http.StatusOK, map[string]any{"tags": tags}}, nil
}

// Project returns a copy of the project with that ARN; it does not count as a Get.
func (s *Server) Project(arn string) (Project, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	p, ok := s.projects[arn]
	if !ok {
		return Project{}, false
	}
	return p.clone(), true
}

// Projects returns copies of every project the fake holds.
func (s *Server) Projects() []Project {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Project, 0, len(s.projects))
	for _, p := range s.projects {
		out = append(out, p.clone())
	}
	return out
}

// DeleteProject removes a project at once, as if someone deleted it outside Pulumi.
func (s *Server) DeleteProject(arn string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, ok := s.projects[arn]
	delete(s.projects, arn)
	return ok
}

// EditProject changes a project's configuration outside Pulumi (drift); it reports whether
// the project exists.
func (s *Server) EditProject(arn string, edit func(*ProjectSpec)) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	p, ok := s.projects[arn]
	if ok {
		edit(&p.Spec)
	}
	return ok
}
