package dataautomation

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/bidopsai/bidopsai-infra/internal/mock"
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

func run(t *testing.T, a *DocumentParserArgs) (*mock.Monitor, error) {
	t.Helper()
	mon := mock.New("bidopsai", "dev", "us-east-1")
	err := pulumi.RunErr(func(ctx *pulumi.Context) error {
		_, err := NewDocumentParser(ctx, "bidopsai-dev-parser", a)
		return err
	}, pulumi.WithMocks("bidopsai", "dev", mon))
	return mon, err
}

func TestDocumentParser(t *testing.T) {
	t.Run("creates_the_project_with_stage_and_standard_output", func(t *testing.T) {
		a := validArgs()
		a.Stage = "LIVE"
		mon, err := run(t, a)
		if err != nil {
			t.Fatal(err)
		}
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
		mon, err := run(t, validArgs())
		if err != nil {
			t.Fatal(err)
		}
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
	for _, c := range []struct {
		name, field string
		mut         func(*DocumentParserArgs)
	}{
		{"rejects_production_stage", "Stage", func(a *DocumentParserArgs) { a.Stage = "PRODUCTION" }},
		{"rejects_spaces_in_project_name", "ProjectName", func(a *DocumentParserArgs) { a.ProjectName = "doc parser" }},
		{"rejects_missing_buckets", "ProcessedBucket", func(a *DocumentParserArgs) { a.ProcessedBucket = nil }},
	} {
		t.Run(c.name, func(t *testing.T) {
			a := validArgs()
			c.mut(a)
			mon, err := run(t, a)
			if err == nil || !strings.Contains(err.Error(), c.field) {
				t.Fatalf("want an error naming %s, got %v", c.field, err)
			}
			if len(mon.Resources()) != 0 {
				t.Fatal("resources registered on bad args")
			}
		})
	}
}

func TestParameterIsOptional(t *testing.T) {
	a := validArgs()
	a.ParameterName = ""
	mon, err := run(t, a)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(mon.ByType("aws:ssm/parameter:Parameter")); n != 0 {
		t.Fatalf("%d parameters without a ParameterName", n)
	}
	if n := len(mon.ByType("bidopsai:index:DataAutomationProject")); n != 1 {
		t.Fatalf("%d projects", n)
	}
}
