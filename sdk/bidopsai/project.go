package bidopsai

import (
	"errors"
	"fmt"
	"reflect"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// DataAutomationProject is a Bedrock Data Automation project managed by the bidopsai provider.
type DataAutomationProject struct {
	pulumi.CustomResourceState

	ProjectName  pulumi.StringOutput `pulumi:"projectName"`
	ProjectStage pulumi.StringOutput `pulumi:"projectStage"`
	ProjectArn   pulumi.StringOutput `pulumi:"projectArn"`
	Status       pulumi.StringOutput `pulumi:"status"`
}

// DataAutomationProjectArgs are the project's inputs.
type DataAutomationProjectArgs struct {
	// ProjectName is 1-128 letters, digits, - or _. Required; changing it replaces the project.
	ProjectName pulumi.StringInput `pulumi:"projectName"`
	// ProjectDescription is free text, at most 300 characters. Default: none.
	ProjectDescription pulumi.StringPtrInput `pulumi:"projectDescription"`
	// ProjectStage is DEVELOPMENT or LIVE (there is no PRODUCTION). Default: DEVELOPMENT.
	ProjectStage pulumi.StringPtrInput `pulumi:"projectStage"`
	// ExtractionGranularity: DOCUMENT, PAGE, ELEMENT, WORD, LINE. Default: PAGE, ELEMENT.
	ExtractionGranularity pulumi.StringArrayInput `pulumi:"extractionGranularity"`
	// OutputTextFormats: PLAIN_TEXT, MARKDOWN, HTML, CSV. Default: MARKDOWN.
	OutputTextFormats pulumi.StringArrayInput `pulumi:"outputTextFormats"`
	// SplitterEnabled splits multi-document files. Default: false.
	SplitterEnabled pulumi.BoolPtrInput `pulumi:"splitterEnabled"`
	// KmsKeyID is the KMS key (id, ARN or alias) encrypting the project. Default: AWS-owned key.
	KmsKeyID pulumi.StringPtrInput `pulumi:"kmsKeyId"`
	// Tags of the project. Default: none.
	Tags pulumi.StringMapInput `pulumi:"tags"`
}

type dataAutomationProjectArgs struct {
	ProjectName           string            `pulumi:"projectName"`
	ProjectDescription    *string           `pulumi:"projectDescription"`
	ProjectStage          *string           `pulumi:"projectStage"`
	ExtractionGranularity []string          `pulumi:"extractionGranularity"`
	OutputTextFormats     []string          `pulumi:"outputTextFormats"`
	SplitterEnabled       *bool             `pulumi:"splitterEnabled"`
	KmsKeyID              *string           `pulumi:"kmsKeyId"`
	Tags                  map[string]string `pulumi:"tags"`
}

// ElementType implements pulumi.Input.
func (DataAutomationProjectArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*dataAutomationProjectArgs)(nil)).Elem()
}

// NewDataAutomationProject registers a Data Automation project.
func NewDataAutomationProject(ctx *pulumi.Context, name string, args *DataAutomationProjectArgs,
	opts ...pulumi.ResourceOption,
) (*DataAutomationProject, error) {
	if err := args.validate(); err != nil {
		return nil, fmt.Errorf("bidopsai.NewDataAutomationProject %s: %w", name, err)
	}
	var res DataAutomationProject
	if err := ctx.RegisterResource(DataAutomationProjectType, name, args, &res, opts...); err != nil {
		return nil, fmt.Errorf("registering data automation project %s: %w", name, err)
	}
	return &res, nil
}

func (a *DataAutomationProjectArgs) validate() error {
	if a == nil || a.ProjectName == nil {
		return errors.New("projectName is required")
	}
	if v, ok := knownString(a.ProjectName); ok && !projectNameRE.MatchString(v) {
		return fmt.Errorf("projectName %q must be 1-128 letters, digits, hyphens or underscores", v)
	}
	if v, ok := knownStringPtr(a.ProjectStage); ok && v != "DEVELOPMENT" && v != "LIVE" {
		return fmt.Errorf("projectStage %q must be one of DEVELOPMENT, LIVE (there is no PRODUCTION)", v)
	}
	return nil
}
