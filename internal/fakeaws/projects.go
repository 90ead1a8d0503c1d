package fakeaws

import (
	"fmt"
	"net/http"
	"sort"
	"strconv"
	"strings"

	"github.com/bidopsai/bidopsai-infra/internal/awsvalues"
)

func (s *Server) createProject(body []byte) (string, reply, *apiError) {
	var req createProjectRequest
	if err := decodeStrict(body, &req); err != nil {
		return "", reply{}, err
	}
	if p := awsvalues.ProjectNameProblem(req.ProjectName); p != "" {
		return req.ProjectName, reply{}, invalid("projectName %s", p)
	}
	if err := checkClientToken(req.ClientToken); err != nil {
		return req.ProjectName, reply{}, err
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
	tags := map[string]string{}
	for _, t := range req.Tags {
		tags[t.Key] = t.Value
	}
	if err := checkTags(awsvalues.DataAutomationTags, tags); err != nil {
		return req.ProjectName, reply{}, err
	}
	s.seq++
	now := s.clock.Now()
	p := &Project{
		ARN:  fmt.Sprintf("arn:aws:bedrock:%s:%s:data-automation-project/%012x", s.opts.Region, s.opts.Account, s.seq),
		Name: req.ProjectName, Status: "IN_PROGRESS", ClientToken: req.ClientToken, Spec: req.ProjectSpec,
		Tags: tags, CreatedAt: now, UpdatedAt: now, pending: s.start(KindProject, PhaseCreate),
	}
	s.projects[p.ARN] = p
	return p.Name, reply{http.StatusOK, projectReply{p.ARN, p.Spec.ProjectStage, p.Status}}, nil
}

func validateProjectSpec(sp *ProjectSpec) *apiError {
	if sp.ProjectStage == "" {
		sp.ProjectStage = "LIVE"
	}
	if p := awsvalues.ProjectStageProblem(sp.ProjectStage); p != "" {
		return invalid("projectStage %s", p)
	}
	if d := sp.ProjectDescription; d != nil {
		if p := awsvalues.ProjectDescriptionProblem(*d); p != "" {
			return invalid("projectDescription %s", p)
		}
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
	if e := sp.EncryptionConfiguration; e != nil {
		if p := awsvalues.KMSKeyIDProblem(e.KmsKeyID); p != "" {
			return invalid("encryptionConfiguration.kmsKeyId %s", p)
		}
	}
	return nil
}

func validateDocument(d *DocumentOutput) *apiError {
	if e := d.Extraction; e != nil {
		if e.Granularity == nil || !validState(e.BoundingBox) {
			return invalid("extraction needs granularity and boundingBox")
		}
		if err := validTypes("granularity", e.Granularity.Types, awsvalues.GranularityTypes); err != nil {
			return err
		}
	}
	if f := d.OutputFormat; f != nil {
		if f.TextFormat == nil || !validState(f.AdditionalFileFormat) {
			return invalid("outputFormat needs textFormat and additionalFileFormat")
		}
		if err := validTypes("textFormat", f.TextFormat.Types, awsvalues.TextFormatTypes); err != nil {
			return err
		}
	}
	if g := d.GenerativeField; g != nil && !validState(g) {
		return invalid("generativeField.state must be ENABLED or DISABLED")
	}
	return nil
}

func validState(f *StateField) bool { return f != nil && oneOf(f.State, "ENABLED", "DISABLED") }

func validTypes(field string, types, allowed []string) *apiError {
	if ps := awsvalues.EnumListProblems(types, allowed); len(ps) > 0 {
		return invalid("%s types: %s", field, strings.Join(ps, "; "))
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
	if req.ProjectStage != "" {
		if p := awsvalues.ProjectStageProblem(req.ProjectStage); p != "" {
			return reply{}, invalid("projectStage %s", p)
		}
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

// listProjects answers one page of projects in ARN order, filtered by stage (default LIVE,
// as the service's projectStageFilter; ALL lists both).
func (s *Server) listProjects(body []byte) (reply, *apiError) {
	var req struct {
		MaxResults         *int   `json:"maxResults,omitempty"`
		NextToken          string `json:"nextToken,omitempty"`
		ProjectStageFilter string `json:"projectStageFilter,omitempty"`
		ResourceOwner      string `json:"resourceOwner,omitempty"`
	}
	if err := decodeStrict(body, &req); err != nil {
		return reply{}, err
	}
	stage := req.ProjectStageFilter
	if stage == "" {
		stage = "LIVE"
	}
	if stage != "ALL" && awsvalues.ProjectStageProblem(stage) != "" {
		return reply{}, invalid("projectStageFilter %q must be DEVELOPMENT, LIVE or ALL", stage)
	}
	arns := []string{}
	for arn, p := range s.projects {
		if stage == "ALL" || p.Spec.ProjectStage == stage {
			arns = append(arns, arn)
		}
	}
	sort.Strings(arns)
	size := ""
	if req.MaxResults != nil {
		size = strconv.Itoa(*req.MaxResults)
	}
	page, next, err := pageOf(arns, size, req.NextToken)
	if err != nil {
		return reply{}, err
	}
	items := []map[string]string{}
	for _, arn := range page {
		p := s.projects[arn]
		items = append(items, map[string]string{"projectArn": p.ARN, "projectName": p.Name,
			"projectStage": p.Spec.ProjectStage, "creationTime": stamp(p.CreatedAt)})
	}
	out := map[string]any{"projects": items}
	if next != "" {
		out["nextToken"] = next
	}
	return reply{http.StatusOK, out}, nil
}
