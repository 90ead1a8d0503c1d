package provider

import (
	"context"

	"github.com/pulumi/pulumi-go-provider/infer"

	"github.com/bidopsai/bidopsai-infra/internal/awsvalues"
)

// Project defaults, as the Data Automation API applies them.
var (
	defaultGranularity = []string{"ELEMENT", "PAGE"}
	defaultTextFormats = []string{"MARKDOWN"}
)

const defaultProjectStage = "DEVELOPMENT"

// Check decodes the inputs, fills the defaults, and validates every known value.
func (r *DataAutomationProject) Check(ctx context.Context, req infer.CheckRequest) (infer.CheckResponse[DataAutomationProjectArgs], error) {
	args, fails, err := infer.DefaultCheck[DataAutomationProjectArgs](ctx, req.NewInputs)
	if err != nil || len(fails) > 0 {
		return infer.CheckResponse[DataAutomationProjectArgs]{Inputs: args, Failures: fails}, err
	}
	in := inputs{req.NewInputs}
	if in.absent("projectStage") {
		args.ProjectStage = defaultProjectStage
	}
	if in.absent("extractionGranularity") {
		args.ExtractionGranularity = defaultGranularity
	}
	if in.absent("outputTextFormats") {
		args.OutputTextFormats = defaultTextFormats
	}
	if in.known("extractionGranularity") {
		args.ExtractionGranularity = sorted(args.ExtractionGranularity)
	}
	if in.known("outputTextFormats") {
		args.OutputTextFormats = sorted(args.OutputTextFormats)
	}
	if in.known("tags") {
		args.Tags = nilIfEmpty(args.Tags)
	}
	var f failures
	args.validate(in, &f)
	return infer.CheckResponse[DataAutomationProjectArgs]{Inputs: args, Failures: f}, nil
}

func (a *DataAutomationProjectArgs) validate(in inputs, f *failures) {
	f.check(in, "projectName", awsvalues.ProjectNameProblem(a.ProjectName))
	f.check(in, "projectDescription", awsvalues.ProjectDescriptionProblem(a.ProjectDescription))
	f.check(in, "projectStage", awsvalues.ProjectStageProblem(a.ProjectStage))
	if in.known("extractionGranularity") {
		f.addAll("extractionGranularity", awsvalues.EnumListProblems(a.ExtractionGranularity, awsvalues.GranularityTypes))
	}
	if in.known("outputTextFormats") {
		f.addAll("outputTextFormats", awsvalues.EnumListProblems(a.OutputTextFormats, awsvalues.TextFormatTypes))
	}
	if a.KmsKeyID != "" {
		f.check(in, "kmsKeyId", awsvalues.KMSKeyIDProblem(a.KmsKeyID))
	}
	if in.known("tags") {
		checkTags(f, awsvalues.DataAutomationTags, a.Tags)
	}
}
