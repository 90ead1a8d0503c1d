// Package dataautomation is the document-parsing tier: a Bedrock Data Automation project (through
// the project's own bidopsai provider) and the SSM parameter that tells the parser agent which
// project to invoke and where its output goes.
package dataautomation

import (
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/ssm"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/bidopsai/bidopsai-infra/internal/awsvalues"
	"github.com/bidopsai/bidopsai-infra/internal/tier"
	"github.com/bidopsai/bidopsai-infra/sdk/bidopsai"
)

// TypeToken is the component's type; never renamed without an alias.
const TypeToken = "bidopsai:dataautomation:DocumentParser"

// component is the value of the tier's `component` tag.
const component = "dataautomation"

// OutputPrefix is the key prefix parsed documents are written under in the processed bucket.
const OutputPrefix = "parsed-documents/"

// DocumentParserArgs configure the Data Automation project.
type DocumentParserArgs struct {
	// ProjectName is the physical project name, e.g. bidopsai-document-parser-<environment>. Required.
	ProjectName string
	// Stage is DEVELOPMENT or LIVE. Required.
	Stage string `config:"dataAutomation.stage" default:"DEVELOPMENT"`
	// DocumentsBucket is the bucket documents are read from. Required.
	DocumentsBucket pulumi.StringInput
	// ProcessedBucket is the bucket parsed output is written to, under OutputPrefix. Required.
	ProcessedBucket pulumi.StringInput
	// ParameterName is the SSM parameter that publishes the project to the agents. Default: none
	// (no parameter).
	ParameterName string
	// KMSKeyArn encrypts the project with a customer-managed key. Default: AWS-owned key.
	KMSKeyArn pulumi.StringInput
	// Tags are extra tags; the component adds component=dataautomation.
	Tags map[string]string
}

// DocumentParser is the project and its published settings.
type DocumentParser struct {
	pulumi.ResourceState

	ProjectArn     pulumi.StringOutput `pulumi:"projectArn"`
	ProcessedS3URI pulumi.StringOutput `pulumi:"processedS3Uri"`
	ParameterName  pulumi.StringOutput `pulumi:"parameterName"`
}

// parameterName is an SSM parameter path (SSM PutParameter: 1-2048 characters of these).
var parameterName = regexp.MustCompile(`^/[a-zA-Z0-9_.\-/]{1,1000}$`)

// Validate returns every problem with args at once, each naming the field.
func (a *DocumentParserArgs) Validate(name string) error {
	if a == nil {
		return tier.NilArgs(component, name)
	}
	c := tier.NewChecker(component, name, "DocumentParserArgs")
	c.Check(awsvalues.ProjectName.MatchString(a.ProjectName), "ProjectName", a.ProjectName, awsvalues.ProjectNameRule)
	c.Check(slices.Contains(awsvalues.ProjectStages, a.Stage), "Stage", a.Stage,
		"must be one of "+strings.Join(awsvalues.ProjectStages, ", ")+" (there is no PRODUCTION stage)")
	c.Check(a.DocumentsBucket != nil, "DocumentsBucket", nil, "required")
	c.Check(a.ProcessedBucket != nil, "ProcessedBucket", nil, "required")
	c.Check(a.ParameterName == "" || parameterName.MatchString(a.ParameterName), "ParameterName", a.ParameterName,
		"must be an SSM path such as /bidopsai/dev/agents/x/config")
	c.Tags("Tags", a.Tags)
	return c.Err()
}

// NewDocumentParser creates the project (region from the provider in opts) and its parameter.
func NewDocumentParser(ctx *pulumi.Context, name string, args *DocumentParserArgs, opts ...pulumi.ResourceOption) (*DocumentParser, error) {
	if err := args.Validate(name); err != nil {
		return nil, err
	}
	c := &DocumentParser{}
	if err := ctx.RegisterComponentResource(TypeToken, name, c, opts...); err != nil {
		return nil, fmt.Errorf("dataautomation %q: register component: %w", name, err)
	}
	tagMap := tier.TagsFor(component, args.Tags)
	pArgs := &bidopsai.DataAutomationProjectArgs{
		ProjectName:           pulumi.String(args.ProjectName),
		ProjectDescription:    pulumi.String("BidOps AI document parsing: documents in, structured text out"),
		ProjectStage:          pulumi.String(args.Stage),
		ExtractionGranularity: pulumi.StringArray{pulumi.String("DOCUMENT"), pulumi.String("PAGE"), pulumi.String("ELEMENT")},
		OutputTextFormats:     pulumi.StringArray{pulumi.String("MARKDOWN")},
		SplitterEnabled:       pulumi.Bool(true),
		Tags:                  tagMap,
	}
	if args.KMSKeyArn != nil {
		pArgs.KmsKeyId = args.KMSKeyArn
	}
	project, err := bidopsai.NewDataAutomationProject(ctx, name, pArgs, pulumi.Parent(c),
		pulumi.Timeouts(&pulumi.CustomTimeouts{Create: "30m", Update: "30m", Delete: "20m"}))
	if err != nil {
		return nil, err
	}
	c.ProjectArn = project.ProjectArn
	c.ProcessedS3URI = pulumi.Sprintf("s3://%s/%s", args.ProcessedBucket, OutputPrefix)
	c.ParameterName = pulumi.String("").ToStringOutput()
	if args.ParameterName != "" {
		if err := c.publish(ctx, name, args, project, tagMap); err != nil {
			return nil, err
		}
	}
	return c, tier.RegisterOutputs(ctx, c)
}

// publish writes the project's settings where the agents read their configuration.
func (c *DocumentParser) publish(ctx *pulumi.Context, name string, args *DocumentParserArgs,
	project *bidopsai.DataAutomationProject, tagMap pulumi.StringMap) error {
	// The agents read where to send documents from here, not from hard-coded names.
	value := pulumi.All(project.ProjectArn, args.DocumentsBucket, c.ProcessedS3URI).ApplyT(
		func(v []any) (string, error) {
			b, err := json.Marshal(map[string]string{
				"project_arn": v[0].(string), "input_bucket": v[1].(string), "output_s3_uri": v[2].(string),
			})
			return string(b), err
		}).(pulumi.StringOutput)
	param, err := ssm.NewParameter(ctx, name+"-config", &ssm.ParameterArgs{
		Name:          pulumi.String(args.ParameterName),
		Type:          ssm.ParameterTypeString,
		Tier:          pulumi.String("Standard"),
		InsecureValue: value,
		Description:   pulumi.String("Bedrock Data Automation project used by the parser agent"),
		Tags:          tagMap,
	}, pulumi.Parent(c))
	if err != nil {
		return err
	}
	c.ParameterName = param.Name
	return nil
}
