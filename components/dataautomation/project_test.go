package dataautomation

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/bidopsai/bidopsai-infra/internal/mock/mocktest"
)

func validArgs() *DocumentParserArgs {
	return &DocumentParserArgs{
		ProjectName:     "bidopsai-document-parser-dev",
		Stage:           "DEVELOPMENT",
		DocumentsBucket: pulumi.String("docs-bucket"),
		ProcessedBucket: pulumi.String("processed-bucket"),
		ParameterName:   "/bidopsai/dev/agents/data-automation/config",
	}
}

// parsers runs the component under the mock; assertions happen after it returns.
var parsers = mocktest.Tier[*DocumentParserArgs, *DocumentParser]{Stack: "dev", Region: "us-east-1",
	Name: "bidopsai-dev-parser", New: NewDocumentParser}

func TestDocumentParser(t *testing.T) {
	t.Run("creates_the_project_with_stage_and_standard_output", func(t *testing.T) {
		a := validArgs()
		a.Stage = "LIVE"
		mon := parsers.MustRun(t, a)
		p := mon.ByType("bidopsai:index:DataAutomationProject")
		if len(p) != 1 {
			t.Fatalf("%d projects", len(p))
		}
		in := p[0].Inputs
		if in["projectName"].StringValue() != "bidopsai-document-parser-dev" || in["projectStage"].StringValue() != "LIVE" {
			t.Errorf("project inputs %v", in)
		}
		if in["outputTextFormats"].ArrayValue()[0].StringValue() != "MARKDOWN" {
			t.Errorf("output formats %v", in["outputTextFormats"])
		}
	})
	t.Run("publishes_project_and_output_location_to_the_agents", func(t *testing.T) {
		mon := parsers.MustRun(t, validArgs())
		params := mon.ByType("aws:ssm/parameter:Parameter")
		if len(params) != 1 {
			t.Fatalf("%d parameters", len(params))
		}
		var v map[string]string
		if err := json.Unmarshal([]byte(params[0].Inputs["insecureValue"].StringValue()), &v); err != nil {
			t.Fatal(err)
		}
		if v["output_s3_uri"] != "s3://processed-bucket/parsed-documents/" || v["input_bucket"] != "docs-bucket" ||
			!strings.HasPrefix(v["project_arn"], "arn:aws:bedrock:us-east-1:123456789012:data-automation-project/") {
			t.Errorf("parameter value %v", v)
		}
	})
	parsers.Rejects(t, validArgs, []mocktest.BadInput[*DocumentParserArgs]{
		{Name: "rejects_production_stage", Mutate: func(a *DocumentParserArgs) { a.Stage = "PRODUCTION" },
			Field: "DocumentParserArgs.Stage", Want: []string{"DEVELOPMENT, LIVE"}},
		{Name: "rejects_spaces_in_project_name", Mutate: func(a *DocumentParserArgs) { a.ProjectName = "doc parser" },
			Field: "DocumentParserArgs.ProjectName"},
		{Name: "rejects_missing_buckets", Mutate: func(a *DocumentParserArgs) { a.ProcessedBucket = nil },
			Field: "DocumentParserArgs.ProcessedBucket"},
	})
}

func TestParameterIsOptional(t *testing.T) {
	a := validArgs()
	a.ParameterName = ""
	mon := parsers.MustRun(t, a)
	if n := len(mon.ByType("aws:ssm/parameter:Parameter")); n != 0 {
		t.Fatalf("%d parameters without a ParameterName", n)
	}
	if n := len(mon.ByType("bidopsai:index:DataAutomationProject")); n != 1 {
		t.Fatalf("%d projects", n)
	}
}
