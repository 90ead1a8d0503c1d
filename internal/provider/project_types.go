package provider

import "github.com/pulumi/pulumi-go-provider/infer"

// DataAutomationProject is the bidopsai:index:DataAutomationProject resource: one Bedrock
// Data Automation project with standard document output.
type DataAutomationProject struct{ d *deps }

// DataAutomationProjectArgs are the project's inputs; Check fills the defaults.
type DataAutomationProjectArgs struct {
	ProjectName           string            `pulumi:"projectName"`
	ProjectDescription    string            `pulumi:"projectDescription,optional"`
	ProjectStage          string            `pulumi:"projectStage,optional"`
	ExtractionGranularity []string          `pulumi:"extractionGranularity,optional"`
	OutputTextFormats     []string          `pulumi:"outputTextFormats,optional"`
	SplitterEnabled       bool              `pulumi:"splitterEnabled,optional"`
	KmsKeyID              string            `pulumi:"kmsKeyId,optional"`
	Tags                  map[string]string `pulumi:"tags,optional"`
}

// DataAutomationProjectState is the project's recorded state.
type DataAutomationProjectState struct {
	DataAutomationProjectArgs
	ProjectArn string `pulumi:"projectArn"`
	Status     string `pulumi:"status"`
}

// Annotate documents the resource.
func (r *DataAutomationProject) Annotate(a infer.Annotator) {
	a.Describe(&r, "A Bedrock Data Automation project that parses documents. A name change replaces it.")
}

// Annotate documents the inputs.
func (a *DataAutomationProjectArgs) Annotate(an infer.Annotator) {
	an.Describe(&a.ProjectName, "Project name, 1-128 letters, digits, - or _. Changing it replaces the project.")
	an.Describe(&a.ProjectDescription, "Free-text description, at most 300 characters.")
	an.Describe(&a.ProjectStage, "DEVELOPMENT (default) or LIVE. There is no PRODUCTION stage.")
	an.Describe(&a.ExtractionGranularity, "Document extraction granularity: DOCUMENT, PAGE, ELEMENT, WORD, LINE; default PAGE, ELEMENT.")
	an.Describe(&a.OutputTextFormats, "Document output text formats: PLAIN_TEXT, MARKDOWN, HTML, CSV; default MARKDOWN.")
	an.Describe(&a.SplitterEnabled, "Split multi-document files into documents; default false.")
	an.Describe(&a.KmsKeyID, "KMS key (id, ARN or alias) encrypting the project; default an AWS-owned key.")
	an.Describe(&a.Tags, "Tags of the project, at most 199: the provider adds bidopsai:owner, naming the resource that owns it.")
}

// Annotate documents the outputs.
func (s *DataAutomationProjectState) Annotate(a infer.Annotator) {
	a.Describe(&s.ProjectArn, "Project ARN.")
	a.Describe(&s.Status, "Last status seen: COMPLETED, or FAILED after a failure.")
}
