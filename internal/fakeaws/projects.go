package fakeaws

import (
	"fmt"
	"net/http"
	"regexp"
)

var projectNameRE = regexp.MustCompile(`^[a-zA-Z0-9_-]{1,128}$`)

func (s *Server) createProject(body []byte) (string, reply, *apiError) {
	var req createProjectRequest
	if err := decodeStrict(body, &req); err != nil {
		return "", reply{}, err
	}
	if !projectNameRE.MatchString(req.ProjectName) {
		return req.ProjectName, reply{}, invalid("projectName %q must match %s", req.ProjectName, projectNameRE)
	}
	for _, p := range s.projects {
		if req.ClientToken != "" && p.ClientToken == req.ClientToken && p.Name == req.ProjectName {
			return p.Name, reply{http.StatusOK, projectReply{p.ARN, p.Spec.ProjectStage, p.Status}}, nil
		}
		if p.Name == req.ProjectName {
			return p.Name, reply{}, conflict("A data automation project named %s already exists", p.Name)
		}
	}
	if err := validateProjectSpec(&req.ProjectSpec); err != nil {
		return req.ProjectName, reply{}, err
	}
	s.seq++
	now := s.clock.Now()
	p := &Project{
		ARN:  fmt.Sprintf("arn:aws:bedrock:%s:%s:data-automation-project/%012x", s.opts.Region, s.opts.Account, s.seq),
		Name: req.ProjectName, Status: "IN_PROGRESS", ClientToken: req.ClientToken, Spec: req.ProjectSpec,
		Tags: map[string]string{}, CreatedAt: now, UpdatedAt: now, pending: s.start(KindProject, PhaseCreate),
	}
	for _, t := range req.Tags {
		p.Tags[t.Key] = t.Value
	}
	s.projects[p.ARN] = p
	return p.Name, reply{http.StatusOK, projectReply{p.ARN, p.Spec.ProjectStage, p.Status}}, nil
}

func validateProjectSpec(sp *ProjectSpec) *apiError {
	if sp.ProjectStage == "" {
		sp.ProjectStage = "LIVE"
	}
	if !oneOf(sp.ProjectStage, "DEVELOPMENT", "LIVE") {
		return invalid("projectStage %q must be DEVELOPMENT or LIVE", sp.ProjectStage)
	}
	so := sp.StandardOutputConfiguration
	if so == nil {
		return invalid("standardOutputConfiguration is required")
	}
	if d := so.Document; d != nil {
		if err := validateDocument(d); err != nil {
			return err
		}
	}
	if o := sp.OverrideConfiguration; o != nil && o.Document != nil && o.Document.Splitter != nil && !validState(o.Document.Splitter) {
		return invalid("splitter.state must be ENABLED or DISABLED")
	}
	if e := sp.EncryptionConfiguration; e != nil && e.KmsKeyID == "" {
		return invalid("encryptionConfiguration.kmsKeyId is required")
	}
	return nil
}

func validateDocument(d *DocumentOutput) *apiError {
	if e := d.Extraction; e != nil {
		if e.Granularity == nil || !validState(e.BoundingBox) {
			return invalid("extraction needs granularity and boundingBox")
		}
		if err := validTypes("granularity", e.Granularity.Types, "DOCUMENT", "PAGE", "ELEMENT", "WORD", "LINE"); err != nil {
			return err
		}
	}
	if f := d.OutputFormat; f != nil {
		if f.TextFormat == nil || !validState(f.AdditionalFileFormat) {
			return invalid("outputFormat needs textFormat and additionalFileFormat")
		}
		if err := validTypes("textFormat", f.TextFormat.Types, "PLAIN_TEXT", "MARKDOWN", "HTML", "CSV"); err != nil {
			return err
		}
	}
	if g := d.GenerativeField; g != nil && !validState(g) {
		return invalid("generativeField.state must be ENABLED or DISABLED")
	}
	return nil
}

func validState(f *StateField) bool { return f != nil && oneOf(f.State, "ENABLED", "DISABLED") }

func validTypes(field string, types []string, allowed ...string) *apiError {
	for _, t := range types {
		if !oneOf(t, allowed...) {
			return invalid("%s type %q is not one of %v", field, t, allowed)
		}
	}
	return nil
}

// project finds a project and settles an operation whose time is up; get counts one read.
func (s *Server) project(arn string, get bool) (*Project, *apiError) {
	p, ok := s.projects[arn]
	if !ok {
		return nil, notFound("Data automation project %s not found", arn)
	}
	if p.pending == nil || !p.pending.due(s.clock.Now(), get) {
		return p, nil
	}
	pend := p.pending
	p.pending, p.UpdatedAt = nil, s.clock.Now()
	switch {
	case pend.phase == PhaseDelete && pend.script.FailReason == "":
		delete(s.projects, arn)
		return nil, notFound("Data automation project %s not found", arn)
	case pend.script.FailReason != "":
		p.Status = "FAILED"
	default:
		p.Status = "COMPLETED"
	}
	return p, nil
}

func (s *Server) getProject(arn string, body []byte) (reply, *apiError) {
	var req struct {
		ProjectStage string `json:"projectStage,omitempty"`
	}
	if err := decodeStrict(body, &req); err != nil {
		return reply{}, err
	}
	if req.ProjectStage != "" && !oneOf(req.ProjectStage, "DEVELOPMENT", "LIVE") {
		return reply{}, invalid("projectStage %q must be DEVELOPMENT or LIVE", req.ProjectStage)
	}
	p, err := s.project(arn, true)
	if err != nil {
		return reply{}, err
	}
	return reply{http.StatusOK, map[string]any{"project": p.view()}}, nil
}

func (s *Server) updateProject(arn string, body []byte) (reply, *apiError) {
	var req ProjectSpec
	if err := decodeStrict(body, &req); err != nil {
		return reply{}, err
	}
	p, err := s.project(arn, false)
	if err != nil {
		return reply{}, err
	}
	if p.pending != nil {
		return reply{}, conflict("Data automation project %s is %s", arn, p.Status)
	}
	if err := validateProjectSpec(&req); err != nil {
		return reply{}, err
	}
	p.Spec, p.Status, p.UpdatedAt = req, "IN_PROGRESS", s.clock.Now()
	p.pending = s.start(KindProject, PhaseUpdate)
	return reply{http.StatusOK, projectReply{p.ARN, p.Spec.ProjectStage, p.Status}}, nil
}

func (s *Server) deleteProject(arn string) (reply, *apiError) {
	p, err := s.project(arn, false)
	if err != nil {
		return reply{}, err
	}
	if p.pending == nil || p.pending.phase != PhaseDelete {
		p.Status, p.pending = "IN_PROGRESS", s.start(KindProject, PhaseDelete)
	}
	return reply{http.StatusOK, projectReply{ProjectArn: p.ARN, Status: p.Status}}, nil
}
