package provider_test

import (
	"strings"
	"testing"

	p "github.com/pulumi/pulumi-go-provider"
	"github.com/pulumi/pulumi/sdk/v3/go/property"

	"github.com/bidopsai/bidopsai-infra/internal/fakeaws"
)

func TestDataAutomationProjectLifecycle(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	name := "bidopsai-document-parser-dev"
	arn, state := e.create(projectType, "parser", projectInputs(name))
	t.Run("create_waits_until_completed", func(t *testing.T) {
		if get(state, "status") != "COMPLETED" || get(state, "projectArn") != arn || !strings.Contains(arn, ":data-automation-project/") {
			t.Fatalf("state = %v", state)
		}
		pr, _ := e.fake.Project(arn)
		doc := pr.Spec.StandardOutputConfiguration.Document
		if got := doc.OutputFormat.TextFormat.Types; len(got) != 1 || got[0] != "MARKDOWN" || pr.Tags["component"] != "dataautomation" {
			t.Fatalf("project sent = %+v tags %v", pr.Spec, pr.Tags)
		}
	})
	t.Run("identical_inputs_show_no_diff", func(t *testing.T) {
		if d := e.diff(projectType, "parser", arn, state, projectInputs(name)); d.HasChanges {
			t.Fatalf("no-op diff = %+v", d)
		}
	})
	t.Run("stage_change_updates_in_place_with_the_full_spec", func(t *testing.T) {
		inputs := projectInputs(name, func(m map[string]property.Value) {
			m["projectStage"], m["splitterEnabled"] = str("LIVE"), property.New(true)
		})
		d := e.diff(projectType, "parser", arn, state, inputs)
		if d.DetailedDiff["projectStage"].Kind != p.Update || d.DetailedDiff["splitterEnabled"].Kind != p.Add || len(d.DetailedDiff) != 2 {
			t.Fatalf("diff = %+v", d)
		}
		var err error
		if state, err = e.update(projectType, "parser", arn, state, inputs); err != nil {
			t.Fatal(err)
		}
		pr, _ := e.fake.Project(arn)
		if pr.Spec.ProjectStage != "LIVE" || pr.Spec.OverrideConfiguration.Document.Splitter.State != "ENABLED" ||
			pr.Spec.StandardOutputConfiguration == nil || get(state, "status") != "COMPLETED" {
			t.Fatalf("after update: spec %+v state %v", pr.Spec, state)
		}
	})
	t.Run("tag_only_change_calls_only_the_tag_apis", func(t *testing.T) {
		e.fake.ResetCalls()
		inputs := projectInputs(name, func(m map[string]property.Value) {
			m["projectStage"], m["splitterEnabled"] = str("LIVE"), property.New(true)
			m["tags"] = obj(map[string]property.Value{"tier": str("docs")})
		})
		var err error
		if state, err = e.update(projectType, "parser", arn, state, inputs); err != nil {
			t.Fatal(err)
		}
		pr, _ := e.fake.Project(arn)
		if e.fake.Count("UpdateDataAutomationProject") != 0 || pr.Tags["tier"] != "docs" || pr.Tags["component"] != "" {
			t.Fatalf("calls %+v tags %v; want tag/untag only", e.fake.Calls(), pr.Tags)
		}
	})
	t.Run("rename_replaces", func(t *testing.T) {
		if d := e.diff(projectType, "parser", arn, state, projectInputs("other")); d.DetailedDiff["projectName"].Kind != p.UpdateReplace {
			t.Fatalf("diff = %+v", d)
		}
	})
	t.Run("read_shows_drift_then_gone_after_out_of_band_delete", func(t *testing.T) {
		e.fake.EditProject(arn, func(s *fakeaws.ProjectSpec) { s.ProjectStage = "DEVELOPMENT" })
		if r := e.read(projectType, "parser", arn, state); get(r.Inputs, "projectStage") != "DEVELOPMENT" {
			t.Fatalf("read = %v; want the live stage", r.Inputs)
		}
		e.fake.DeleteProject(arn)
		if r := e.read(projectType, "parser", arn, state); r.ID != "" {
			t.Fatalf("read of a deleted project returned %q", r.ID)
		}
	})
	t.Run("delete_twice_succeeds", func(t *testing.T) {
		arn2, state2 := e.create(projectType, "p2", projectInputs("second"))
		if err := e.delete(projectType, "p2", arn2, state2); err != nil {
			t.Fatal(err)
		}
		if err := e.delete(projectType, "p2", arn2, state2); err != nil {
			t.Fatalf("second delete: %v", err)
		}
	})
	t.Run("failed_project_returns_partial_state_and_diff_replaces", func(t *testing.T) {
		_ = e.fake.SetScript(fakeaws.KindProject, fakeaws.PhaseCreate, fakeaws.Script{FailReason: "bad"})
		resp, err := e.srv.Create(p.CreateRequest{Urn: urn(projectType, "p3"), Properties: e.check(projectType, "p3", property.Map{}, projectInputs("third"))})
		if err == nil || resp.PartialState == nil || get(resp.Properties, "status") != "FAILED" {
			t.Fatalf("Create = %+v, %v", resp, err)
		}
		if d := e.diff(projectType, "p3", resp.ID, resp.Properties, projectInputs("third")); !d.DeleteBeforeReplace || !d.HasChanges {
			t.Fatalf("diff after FAILED = %+v", d)
		}
	})
}
