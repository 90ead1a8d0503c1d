package provider

import (
	"context"

	p "github.com/pulumi/pulumi-go-provider"
	"github.com/pulumi/pulumi-go-provider/infer"
)

// projectFields are the project's inputs as Diff compares them; only the name replaces.
var projectFields = []fieldDiff[DataAutomationProjectArgs]{
	{"projectName", func(a DataAutomationProjectArgs) any { return a.ProjectName }, true},
	{"projectDescription", func(a DataAutomationProjectArgs) any { return a.ProjectDescription }, false},
	{"projectStage", func(a DataAutomationProjectArgs) any { return a.ProjectStage }, false},
	{"extractionGranularity", func(a DataAutomationProjectArgs) any { return sorted(a.ExtractionGranularity) }, false},
	{"outputTextFormats", func(a DataAutomationProjectArgs) any { return sorted(a.OutputTextFormats) }, false},
	{"splitterEnabled", func(a DataAutomationProjectArgs) any { return a.SplitterEnabled }, false},
	{"kmsKeyId", func(a DataAutomationProjectArgs) any { return a.KmsKeyID }, false},
	{"tags", func(a DataAutomationProjectArgs) any { return nilIfEmpty(a.Tags) }, false},
}

func sameProjectSpec(a, b DataAutomationProjectArgs) bool {
	d := diffFields(projectFields, a, b)
	delete(d, "tags")
	return len(d) == 0
}

// Diff names each changed property. A name change replaces; so does a FAILED project (it
// cannot process documents), deleting first because the new one needs the same name.
func (r *DataAutomationProject) Diff(_ context.Context, req infer.DiffRequest[DataAutomationProjectArgs, DataAutomationProjectState]) (infer.DiffResponse, error) {
	d := diffFields(projectFields, req.State.DataAutomationProjectArgs, req.Inputs)
	resp := infer.DiffResponse{DetailedDiff: d}
	if req.State.Status == "FAILED" {
		d["status"] = p.PropertyDiff{Kind: p.UpdateReplace}
		_, renamed := d["projectName"]
		resp.DeleteBeforeReplace = !renamed
	}
	resp.HasChanges = len(d) > 0
	return resp, nil
}
