package fakeaws

import (
	"fmt"
	"net/http"
	"sort"
	"strings"

	"github.com/bidopsai/bidopsai-infra/internal/awsvalues"
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
	if p := awsvalues.RuntimeNameProblem(req.AgentRuntimeName); p != "" {
		return req.AgentRuntimeName, reply{}, invalid("agentRuntimeName %s", p)
	}
	if err := checkClientToken(req.ClientToken); err != nil {
		return req.AgentRuntimeName, reply{}, err
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
	if err := checkTags(awsvalues.AgentCoreTags, req.Tags); err != nil {
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

// validateRuntimeSpec checks what the service checks (the limits of package awsvalues, the
// ones the provider's Check applies too) and fills the service's defaults.
// networkConfiguration is optional: the API model does not require it.
func validateRuntimeSpec(sp *RuntimeSpec) *apiError {
	if sp.AgentRuntimeArtifact == nil || sp.AgentRuntimeArtifact.ContainerConfiguration == nil {
		return invalid("agentRuntimeArtifact.containerConfiguration is required")
	}
	if p := awsvalues.ContainerURIProblem(sp.AgentRuntimeArtifact.ContainerConfiguration.ContainerURI); p != "" {
		return invalid("agentRuntimeArtifact.containerConfiguration.containerUri %s", p)
	}
	if p := awsvalues.RoleArnProblem(sp.RoleArn); p != "" {
		return invalid("roleArn %s", p)
	}
	if sp.Description != nil {
		if p := awsvalues.RuntimeDescriptionProblem(*sp.Description); p != "" {
			return invalid("description %s", p)
		}
	}
	if ps := awsvalues.EnvironmentProblems(sp.EnvironmentVariables); len(ps) > 0 {
		return invalid("environmentVariables: %s", strings.Join(ps, "; "))
	}
	if err := validateNetwork(sp.NetworkConfiguration); err != nil {
		return err
	}
	if p := sp.ProtocolConfiguration; p != nil {
		if reason := awsvalues.ServerProtocolProblem(p.ServerProtocol); reason != "" {
			return invalid("protocolConfiguration.serverProtocol %s", reason)
		}
	}
	if a := sp.AuthorizerConfiguration; a != nil {
		if a.CustomJWTAuthorizer == nil {
			return invalid("authorizerConfiguration.customJWTAuthorizer is required")
		}
		if p := awsvalues.DiscoveryURLProblem(a.CustomJWTAuthorizer.DiscoveryURL); p != "" {
			return invalid("authorizerConfiguration.customJWTAuthorizer.discoveryUrl %s", p)
		}
	}
	return fillLifecycle(sp)
}

func validateNetwork(nc *NetworkConfig) *apiError {
	if nc == nil {
		return nil
	}
	if p := awsvalues.NetworkModeProblem(nc.NetworkMode); p != "" {
		return invalid("networkConfiguration.networkMode %s", p)
	}
	vpc := nc.NetworkModeConfig
	switch {
	case nc.NetworkMode == "VPC" && vpc == nil:
		return invalid("networkConfiguration.networkModeConfig is required when networkMode is VPC")
	case nc.NetworkMode == "VPC":
		if p := awsvalues.SubnetsProblem(vpc.Subnets); p != "" {
			return invalid("networkConfiguration.networkModeConfig.subnets %s", p)
		}
		if p := awsvalues.SecurityGroupsProblem(vpc.SecurityGroups); p != "" {
			return invalid("networkConfiguration.networkModeConfig.securityGroups %s", p)
		}
	case vpc != nil:
		return invalid("networkConfiguration.networkModeConfig applies only when networkMode is VPC")
	}
	return nil
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
	if p := awsvalues.SessionSecondsProblem(idle); p != "" {
		return invalid("lifecycleConfiguration.idleRuntimeSessionTimeout %s", p)
	}
	if p := awsvalues.SessionSecondsProblem(most); p != "" {
		return invalid("lifecycleConfiguration.maxLifetime %s", p)
	}
	if p := awsvalues.LifecycleOrderProblem(idle, most); p != "" {
		return invalid("lifecycleConfiguration.idleRuntimeSessionTimeout %s", p)
	}
	return nil
}

// checkClientToken refuses a token the model does not allow; no token is allowed (the SDK
// always sends one, but the API does not require it).
func checkClientToken(token string) *apiError {
	if token == "" {
		return nil
	}
	if p := awsvalues.ClientTokenProblem(token); p != "" {
		return invalid("clientToken %s", p)
	}
	return nil
}

// checkTags refuses tags the service's rules do not allow.
func checkTags(rules awsvalues.TagRules, tags map[string]string) *apiError {
	if ps := rules.Problems(tags, 0); len(ps) > 0 {
		return invalid("tags: %s", strings.Join(ps, "; "))
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
	if err := checkClientToken(req.ClientToken); err != nil {
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

// listRuntimes answers one page of runtimes in id order.
func (s *Server) listRuntimes(maxResults, nextToken string) (reply, *apiError) {
	ids := make([]string, 0, len(s.runtimes))
	for id := range s.runtimes {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	page, next, err := pageOf(ids, maxResults, nextToken)
	if err != nil {
		return reply{}, err
	}
	items := []map[string]string{}
	for _, id := range page {
		r := s.runtimes[id]
		items = append(items, map[string]string{"agentRuntimeArn": r.ARN, "agentRuntimeId": r.ID,
			"agentRuntimeName": r.Name, "agentRuntimeVersion": r.Version, "status": r.Status,
			"description": deref(r.Spec.Description), "lastUpdatedAt": stamp(r.UpdatedAt)})
	}
	body := map[string]any{"agentRuntimes": items}
	if next != "" {
		body["nextToken"] = next
	}
	return reply{http.StatusOK, body}, nil
}

func deref(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}
