package provider

import (
	"github.com/aws/aws-sdk-go-v2/aws"
	bda "github.com/aws/aws-sdk-go-v2/service/bedrockdataautomation"
	"github.com/aws/aws-sdk-go-v2/service/bedrockdataautomation/types"
)

func enumList[T ~string](v []string) []T {
	out := make([]T, len(v))
	for i, s := range v {
		out[i] = T(s)
	}
	return out
}

func stringList[T ~string](v []T) []string {
	out := make([]string, len(v))
	for i, s := range v {
		out[i] = string(s)
	}
	return sorted(out)
}

func stateOf(on bool) types.State {
	if on {
		return types.StateEnabled
	}
	return types.StateDisabled
}

// projectSpec is the configuration create and update both send in full.
type projectSpec struct {
	standard   *types.StandardOutputConfiguration
	override   *types.OverrideConfiguration
	encryption *types.EncryptionConfiguration
}

func (a DataAutomationProjectArgs) spec() projectSpec {
	s := projectSpec{
		standard: &types.StandardOutputConfiguration{Document: &types.DocumentStandardOutputConfiguration{
			Extraction: &types.DocumentStandardExtraction{
				Granularity: &types.DocumentExtractionGranularity{Types: enumList[types.DocumentExtractionGranularityType](a.ExtractionGranularity)},
				BoundingBox: &types.DocumentBoundingBox{State: types.StateDisabled},
			},
			OutputFormat: &types.DocumentOutputFormat{
				TextFormat:           &types.DocumentOutputTextFormat{Types: enumList[types.DocumentOutputTextFormatType](a.OutputTextFormats)},
				AdditionalFileFormat: &types.DocumentOutputAdditionalFileFormat{State: types.StateDisabled},
			},
		}},
		override: &types.OverrideConfiguration{Document: &types.DocumentOverrideConfiguration{
			Splitter: &types.SplitterConfiguration{State: stateOf(a.SplitterEnabled)},
		}},
	}
	if a.KmsKeyID != "" {
		s.encryption = &types.EncryptionConfiguration{KmsKeyId: aws.String(a.KmsKeyID)}
	}
	return s
}

func optional(s string) *string {
	if s == "" {
		return nil
	}
	return aws.String(s)
}

// createInput is the create request; tags are what the project carries (the program's tags
// and the owner tag).
func (a DataAutomationProjectArgs) createInput(token string, tags map[string]string) *bda.CreateDataAutomationProjectInput {
	s := a.spec()
	in := &bda.CreateDataAutomationProjectInput{
		ProjectName: aws.String(a.ProjectName), ProjectDescription: optional(a.ProjectDescription),
		ProjectStage: types.DataAutomationProjectStage(a.ProjectStage), StandardOutputConfiguration: s.standard,
		OverrideConfiguration: s.override, EncryptionConfiguration: s.encryption, ClientToken: aws.String(token),
	}
	for _, k := range sortedKeys(tags) {
		in.Tags = append(in.Tags, types.Tag{Key: aws.String(k), Value: aws.String(tags[k])})
	}
	return in
}

// updateInput is the complete desired configuration, never a patch.
func (a DataAutomationProjectArgs) updateInput(arn string) *bda.UpdateDataAutomationProjectInput {
	s := a.spec()
	return &bda.UpdateDataAutomationProjectInput{
		ProjectArn: aws.String(arn), ProjectDescription: optional(a.ProjectDescription),
		ProjectStage: types.DataAutomationProjectStage(a.ProjectStage), StandardOutputConfiguration: s.standard,
		OverrideConfiguration: s.override, EncryptionConfiguration: s.encryption,
	}
}

// projectArgsFromLive rebuilds the inputs from what Data Automation reports.
func projectArgsFromLive(p *types.DataAutomationProject, tags map[string]string) DataAutomationProjectArgs {
	a := DataAutomationProjectArgs{
		ProjectName: aws.ToString(p.ProjectName), ProjectDescription: aws.ToString(p.ProjectDescription),
		ProjectStage: string(p.ProjectStage), KmsKeyID: aws.ToString(p.KmsKeyId), Tags: nilIfEmpty(tags),
	}
	if so := p.StandardOutputConfiguration; so != nil && so.Document != nil {
		if e := so.Document.Extraction; e != nil && e.Granularity != nil {
			a.ExtractionGranularity = stringList(e.Granularity.Types)
		}
		if o := so.Document.OutputFormat; o != nil && o.TextFormat != nil {
			a.OutputTextFormats = stringList(o.TextFormat.Types)
		}
	}
	if o := p.OverrideConfiguration; o != nil && o.Document != nil && o.Document.Splitter != nil {
		a.SplitterEnabled = o.Document.Splitter.State == types.StateEnabled
	}
	return a
}
