package fakeaws

import (
	"fmt"
	"net/http"
	"regexp"
	"sort"
)

var (
	runtimeNameRE = regexp.MustCompile(`^[a-zA-Z][a-zA-Z0-9_]{0,47}$`)
	roleArnRE     = regexp.MustCompile(`^arn:aws(-[a-z]+)*:iam::[0-9]{12}:role/.+$`)
)

// AgentCore applies these when a request leaves the lifecycle out.
const (
	defaultIdleTimeout = 900
	defaultMaxLifetime = 28800
)

func (s *Server) createRuntime(body []byte) (string, reply, *apiError) {
	var req createRuntimeRequest
	if err := decodeStrict(body, &req); err != nil {
		return "", reply{}, err
	}
	if !runtimeNameRE.MatchString(req.AgentRuntimeName) {
		return req.AgentRuntimeName, reply{}, invalid("agentRuntimeName %q must match %s", req.AgentRuntimeName, runtimeNameRE)
	}
	for _, r := range s.runtimes {
		if req.ClientToken != "" && r.ClientToken == req.ClientToken {
			if r.Name != req.AgentRuntimeName {
				return req.AgentRuntimeName, reply{}, conflict("client token reused with different parameters")
			}
			return r.Name, reply{http.StatusAccepted, summary(r)}, nil
		}
		if r.Name == req.AgentRuntimeName {
			return r.Name, reply{}, conflict("An agent runtime named %s already exists", r.Name)
		}
	}
	if err := validateRuntimeSpec(&req.RuntimeSpec); err != nil {
		return req.AgentRuntimeName, reply{}, err
	}
	s.seq++
	now := s.clock.Now()
	id := fmt.Sprintf("%s-%010d", req.AgentRuntimeName, s.seq)
	r := &Runtime{
		ID: id, Name: req.AgentRuntimeName, Version: "1", Status: "CREATING",
		ARN:                 fmt.Sprintf("arn:aws:bedrock-agentcore:%s:%s:runtime/%s", s.opts.Region, s.opts.Account, id),
		WorkloadIdentityArn: fmt.Sprintf("arn:aws:bedrock-agentcore:%s:%s:workload-identity-directory/default/workload-identity/%s", s.opts.Region, s.opts.Account, id),
		ClientToken:         req.ClientToken, Spec: req.RuntimeSpec, Tags: cloneMap(req.Tags),
		CreatedAt: now, UpdatedAt: now, pending: s.start(KindRuntime, PhaseCreate),
	}
	s.runtimes[id] = r
	return r.Name, reply{http.StatusAccepted, summary(r)}, nil
}

// validateRuntimeSpec checks what the service checks and fills the service's defaults.
func validateRuntimeSpec(sp *RuntimeSpec) *apiError {
	if sp.AgentRuntimeArtifact == nil || sp.AgentRuntimeArtifact.ContainerConfiguration == nil ||
		sp.AgentRuntimeArtifact.ContainerConfiguration.ContainerURI == "" {
		return invalid("agentRuntimeArtifact.containerConfiguration.containerUri is required")
	}
	if !roleArnRE.MatchString(sp.RoleArn) {
		return invalid("roleArn %q is not an IAM role ARN", sp.RoleArn)
	}
	nc := sp.NetworkConfiguration
	if nc == nil {
		return invalid("networkConfiguration is required")
	}
	switch nc.NetworkMode {
	case "PUBLIC":
	case "VPC":
		if nc.NetworkModeConfig == nil || len(nc.NetworkModeConfig.Subnets) == 0 || len(nc.NetworkModeConfig.SecurityGroups) == 0 {
			return invalid("networkModeConfig with subnets and securityGroups is required for VPC")
		}
	default:
		return invalid("networkMode %q must be PUBLIC or VPC", nc.NetworkMode)
	}
	if p := sp.ProtocolConfiguration; p != nil && !oneOf(p.ServerProtocol, "HTTP", "MCP", "A2A", "AGUI") {
		return invalid("serverProtocol %q must be HTTP, MCP, A2A or AGUI", p.ServerProtocol)
	}
	if a := sp.AuthorizerConfiguration; a != nil && (a.CustomJWTAuthorizer == nil || a.CustomJWTAuthorizer.DiscoveryURL == "") {
		return invalid("customJWTAuthorizer.discoveryUrl is required")
	}
	return fillLifecycle(sp)
}

func fillLifecycle(sp *RuntimeSpec) *apiError {
	if sp.LifecycleConfiguration == nil {
		sp.LifecycleConfiguration = &Lifecycle{}
	}
	lc := sp.LifecycleConfiguration
	if lc.IdleRuntimeSessionTimeout == nil {
		v := defaultIdleTimeout
		lc.IdleRuntimeSessionTimeout = &v
	}
	if lc.MaxLifetime == nil {
		v := defaultMaxLifetime
		lc.MaxLifetime = &v
	}
	idle, most := *lc.IdleRuntimeSessionTimeout, *lc.MaxLifetime
	if idle < 60 || idle > 28800 || most < 60 || most > 28800 || idle > most {
		return invalid("lifecycleConfiguration: need 60 <= idleRuntimeSessionTimeout (%d) <= maxLifetime (%d) <= 28800", idle, most)
	}
	return nil
}

func oneOf(v string, allowed ...string) bool {
	for _, a := range allowed {
		if v == a {
			return true
		}
	}
	return false
}

// runtime finds a runtime and settles any operation whose time is up; get counts one read.
func (s *Server) runtime(id string, get bool) (*Runtime, *apiError) {
	r, ok := s.runtimes[id]
	if !ok {
		return nil, notFound("Agent runtime %s not found", id)
	}
	if r.pending == nil || !r.pending.due(s.clock.Now(), get) {
		return r, nil
	}
	p := r.pending
	r.pending = nil
	r.UpdatedAt = s.clock.Now()
	switch {
	case p.phase == PhaseDelete && p.script.FailReason == "":
		delete(s.runtimes, id)
		return nil, notFound("Agent runtime %s not found", id)
	case p.script.FailReason != "":
		r.Status, r.FailureReason = failedStatus(p.phase), p.script.FailReason
	default:
		r.Status, r.FailureReason = "READY", ""
	}
	return r, nil
}

func failedStatus(p Phase) string {
	return map[Phase]string{PhaseCreate: "CREATE_FAILED", PhaseUpdate: "UPDATE_FAILED", PhaseDelete: "DELETE_FAILED"}[p]
}

func (s *Server) getRuntime(id string) (reply, *apiError) {
	r, err := s.runtime(id, true)
	if err != nil {
		return reply{}, err
	}
	sum := summary(r)
	return reply{http.StatusOK, getRuntimeReply{RuntimeSpec: r.Spec, runtimeSummary: sum, AgentRuntimeName: r.Name,
		FailureReason: r.FailureReason}}, nil
}

func summary(r *Runtime) runtimeSummary {
	return runtimeSummary{
		AgentRuntimeArn: r.ARN, AgentRuntimeID: r.ID, AgentRuntimeVersion: r.Version, Status: r.Status,
		CreatedAt: stamp(r.CreatedAt), LastUpdatedAt: stamp(r.UpdatedAt),
		WorkloadIdentityDetails: &workloadIdentity{r.WorkloadIdentityArn},
	}
}

func (s *Server) updateRuntime(id string, body []byte) (reply, *apiError) {
	var req updateRuntimeRequest
	if err := decodeStrict(body, &req); err != nil {
		return reply{}, err
	}
	r, err := s.runtime(id, false)
	if err != nil {
		return reply{}, err
	}
	if req.ClientToken != "" && req.ClientToken == r.updateToken {
		return reply{http.StatusAccepted, summary(r)}, nil
	}
	if r.pending != nil {
		return reply{}, conflict("Agent runtime %s is %s; wait until it is stable", id, r.Status)
	}
	if err := validateRuntimeSpec(&req.RuntimeSpec); err != nil {
		return reply{}, err
	}
	r.Spec, r.updateToken = req.RuntimeSpec, req.ClientToken
	r.Version = fmt.Sprint(atoi(r.Version) + 1)
	r.Status, r.FailureReason, r.UpdatedAt = "UPDATING", "", s.clock.Now()
	r.pending = s.start(KindRuntime, PhaseUpdate)
	return reply{http.StatusAccepted, summary(r)}, nil
}

func atoi(v string) int {
	n := 0
	_, _ = fmt.Sscan(v, &n) // versions are always numbers written by this fake
	return n
}

func (s *Server) deleteRuntime(id, _ string) (reply, *apiError) {
	r, err := s.runtime(id, false)
	if err != nil {
		return reply{}, err
	}
	if r.Status != "DELETING" {
		r.Status, r.pending = "DELETING", s.start(KindRuntime, PhaseDelete)
	}
	return reply{http.StatusAccepted, runtimeSummary{AgentRuntimeID: r.ID, AgentRuntimeVersion: r.Version, Status: r.Status}}, nil
}

func (s *Server) listRuntimes([]byte) (reply, *apiError) {
	ids := make([]string, 0, len(s.runtimes))
	for id := range s.runtimes {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	items := []map[string]string{}
	for _, id := range ids {
		r := s.runtimes[id]
		items = append(items, map[string]string{"agentRuntimeArn": r.ARN, "agentRuntimeId": r.ID,
			"agentRuntimeName": r.Name, "agentRuntimeVersion": r.Version, "status": r.Status,
			"lastUpdatedAt": stamp(r.UpdatedAt)})
	}
	return reply{http.StatusOK, map[string]any{"agentRuntimes": items}}, nil
}
