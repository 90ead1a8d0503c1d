package fakeaws

import (
	"net/http"

	"github.com/bidopsai/bidopsai-infra/internal/awsvalues"
)

func (s *Server) runtimeByARN(arn string) (*Runtime, *apiError) {
	for _, r := range s.runtimes {
		if r.ARN == arn {
			return r, nil
		}
	}
	return nil, notFound("Resource %s not found", arn)
}

func (s *Server) tagRuntime(arn string, body []byte) (reply, *apiError) {
	var req struct {
		Tags map[string]string `json:"tags"`
	}
	if err := decodeStrict(body, &req); err != nil {
		return reply{}, err
	}
	r, err := s.runtimeByARN(arn)
	if err != nil {
		return reply{}, err
	}
	merged := cloneMap(r.Tags)
	if merged == nil {
		merged = map[string]string{}
	}
	for k, v := range req.Tags {
		merged[k] = v
	}
	if err := checkTags(awsvalues.AgentCoreTags, merged); err != nil {
		return reply{}, err
	}
	r.Tags = merged
	return reply{status: http.StatusNoContent}, nil
}

func (s *Server) untagRuntime(arn string, keys []string) (reply, *apiError) {
	r, err := s.runtimeByARN(arn)
	if err != nil {
		return reply{}, err
	}
	for _, k := range keys {
		delete(r.Tags, k)
	}
	return reply{status: http.StatusNoContent}, nil
}

func (s *Server) listRuntimeTags(arn string) (reply, *apiError) {
	r, err := s.runtimeByARN(arn)
	if err != nil {
		return reply{}, err
	}
	tags := cloneMap(r.Tags)
	if tags == nil {
		tags = map[string]string{}
	}
	return reply{http.StatusOK, map[string]any{"tags": tags}}, nil
}

// Runtime returns a copy of the runtime with that id, to inspect; it does not count as a Get.
func (s *Server) Runtime(id string) (Runtime, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	r, ok := s.runtimes[id]
	if !ok {
		return Runtime{}, false
	}
	return r.clone(), true
}

// Runtimes returns copies of every runtime the fake holds.
func (s *Server) Runtimes() []Runtime {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Runtime, 0, len(s.runtimes))
	for _, r := range s.runtimes {
		out = append(out, r.clone())
	}
	return out
}

// DeleteRuntime removes a runtime at once, as if someone deleted it outside Pulumi.
func (s *Server) DeleteRuntime(id string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, ok := s.runtimes[id]
	delete(s.runtimes, id)
	return ok
}

// EditRuntime changes a runtime's configuration outside Pulumi (drift); it reports whether
// the runtime exists.
func (s *Server) EditRuntime(id string, edit func(*RuntimeSpec)) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	r, ok := s.runtimes[id]
	if ok {
		edit(&r.Spec)
	}
	return ok
}
