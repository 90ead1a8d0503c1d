package fakeaws_test

import (
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	bda "github.com/aws/aws-sdk-go-v2/service/bedrockdataautomation"
	"github.com/aws/aws-sdk-go-v2/service/bedrockdataautomation/types"

	"github.com/bidopsai/bidopsai-infra/internal/fakeaws"
)

func projectInput(name string) *bda.CreateDataAutomationProjectInput {
	return &bda.CreateDataAutomationProjectInput{
		ProjectName:  aws.String(name),
		ProjectStage: types.DataAutomationProjectStageDevelopment,
		StandardOutputConfiguration: &types.StandardOutputConfiguration{Document: &types.DocumentStandardOutputConfiguration{
			OutputFormat: &types.DocumentOutputFormat{
				TextFormat:           &types.DocumentOutputTextFormat{Types: []types.DocumentOutputTextFormatType{"MARKDOWN"}},
				AdditionalFileFormat: &types.DocumentOutputAdditionalFileFormat{State: types.StateDisabled},
			},
		}},
		Tags: []types.Tag{{Key: aws.String("component"), Value: aws.String("dataautomation")}},
	}
}

func getProject(t *testing.T, c *bda.Client, arn string) (*types.DataAutomationProject, error) {
	t.Helper()
	out, err := c.GetDataAutomationProject(t.Context(), &bda.GetDataAutomationProjectInput{
		ProjectArn: aws.String(arn), ProjectStage: types.DataAutomationProjectStageDevelopment})
	if err != nil {
		return nil, err
	}
	return out.Project, nil
}

func TestProjectsThroughTheSDK(t *testing.T) {
	t.Parallel()
	t.Run("create_completes_and_arn_survives_the_path", func(t *testing.T) {
		t.Parallel()
		_, _, _, c := start(t)
		out, err := c.CreateDataAutomationProject(t.Context(), projectInput("bidopsai-document-parser-dev"))
		if err != nil || out.Status != types.DataAutomationProjectStatusInProgress {
			t.Fatalf("create = %+v, %v", out, err)
		}
		arn := aws.ToString(out.ProjectArn)
		if p, err := getProject(t, c, arn); err != nil || p.Status != types.DataAutomationProjectStatusInProgress {
			t.Fatalf("first get = %+v, %v; want IN_PROGRESS", p, err)
		}
		p, err := getProject(t, c, arn)
		if err != nil || p.Status != types.DataAutomationProjectStatusCompleted || aws.ToString(p.ProjectArn) != arn {
			t.Fatalf("second get = %+v, %v; want COMPLETED", p, err)
		}
	})
	t.Run("rejects_production_stage", func(t *testing.T) {
		t.Parallel()
		_, _, _, c := start(t)
		in := projectInput("p1")
		in.ProjectStage = "PRODUCTION"
		if _, err := c.CreateDataAutomationProject(t.Context(), in); errCode(err) != "ValidationException" {
			t.Fatalf("got %v, want ValidationException", err)
		}
	})
	t.Run("failed_script_ends_in_failed", func(t *testing.T) {
		t.Parallel()
		srv, _, _, c := start(t)
		_ = srv.SetScript(fakeaws.KindProject, fakeaws.PhaseCreate, fakeaws.Script{FailReason: "no"})
		out, err := c.CreateDataAutomationProject(t.Context(), projectInput("p2"))
		if err != nil {
			t.Fatal(err)
		}
		if p, err := getProject(t, c, aws.ToString(out.ProjectArn)); err != nil || p.Status != types.DataAutomationProjectStatusFailed {
			t.Fatalf("got %+v, %v; want FAILED", p, err)
		}
	})
	t.Run("tags_and_delete", func(t *testing.T) {
		t.Parallel()
		srv, _, _, c := start(t)
		out, err := c.CreateDataAutomationProject(t.Context(), projectInput("p3"))
		if err != nil {
			t.Fatal(err)
		}
		arn := out.ProjectArn
		if _, err := c.TagResource(t.Context(), &bda.TagResourceInput{ResourceARN: arn,
			Tags: []types.Tag{{Key: aws.String("env"), Value: aws.String("dev")}}}); err != nil {
			t.Fatal(err)
		}
		tags, err := c.ListTagsForResource(t.Context(), &bda.ListTagsForResourceInput{ResourceARN: arn})
		if err != nil || len(tags.Tags) != 2 {
			t.Fatalf("tags = %+v, %v; want component and env", tags, err)
		}
		if _, err := c.DeleteDataAutomationProject(t.Context(), &bda.DeleteDataAutomationProjectInput{ProjectArn: arn}); err != nil {
			t.Fatal(err)
		}
		if _, err := getProject(t, c, aws.ToString(arn)); errCode(err) != "ResourceNotFoundException" {
			t.Fatalf("get after delete: %v, want ResourceNotFoundException", err)
		}
		if srv.Count("DeleteDataAutomationProject") != 1 {
			t.Fatalf("call log: %+v", srv.Calls())
		}
	})
}
