package provider

import (
	"context"
	"regexp"
	"strings"

	"github.com/pulumi/pulumi-go-provider/infer"
)

var (
	projectNameRE = regexp.MustCompile(`^[a-zA-Z0-9_-]{1,128}$`)
	kmsKeyRE      = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9:_/+=,@.-]*$`)
)

// Project defaults and allowed values, as the Data Automation API defines them.
var (
	defaultGranularity = []string{"ELEMENT", "PAGE"}
	defaultTextFormats = []string{"MARKDOWN"}
	granularityTypes   = []string{"DOCUMENT", "PAGE", "ELEMENT", "WORD", "LINE"}
	textFormatTypes    = []string{"PLAIN_TEXT", "MARKDOWN", "HTML", "CSV"}
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
	if in.known("projectName") && !projectNameRE.MatchString(a.ProjectName) {
		f.add("projectName", "projectName %q must be 1-128 letters, digits, hyphens or underscores", a.ProjectName)
	}
	if in.known("projectDescription") && len(a.ProjectDescription) > 300 {
		f.add("projectDescription", "projectDescription must be at most 300 characters, got %d", len(a.ProjectDescription))
	}
	if in.known("projectStage") && !oneOf(a.ProjectStage, "DEVELOPMENT", "LIVE") {
		f.add("projectStage", "projectStage %q must be one of DEVELOPMENT, LIVE (there is no PRODUCTION stage)", a.ProjectStage)
	}
	if in.known("extractionGranularity") {
		checkEnumList(f, "extractionGranularity", a.ExtractionGranularity, granularityTypes)
	}
	if in.known("outputTextFormats") {
		checkEnumList(f, "outputTextFormats", a.OutputTextFormats, textFormatTypes)
	}
	if in.known("kmsKeyId") && a.KmsKeyID != "" && (len(a.KmsKeyID) > 2048 || !kmsKeyRE.MatchString(a.KmsKeyID)) {
		f.add("kmsKeyId", "kmsKeyId %q is not a KMS key id, ARN or alias", a.KmsKeyID)
	}
	if in.known("tags") {
		checkTags(f, a.Tags)
	}
}

func checkEnumList(f *failures, prop string, values, allowed []string) {
	if len(values) == 0 {
		f.add(prop, "%s needs at least one of %s", prop, strings.Join(allowed, ", "))
	}
	for _, v := range values {
		if !oneOf(v, allowed...) {
			f.add(prop, "%s value %q must be one of %s", prop, v, strings.Join(allowed, ", "))
		}
	}
}
