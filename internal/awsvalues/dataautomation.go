package awsvalues

import (
	"fmt"
	"regexp"
	"strings"
)

// ProjectName is a Data Automation project name (BDA model: DataAutomationProjectName,
// 1-128 of [a-zA-Z0-9-_]).
var ProjectName = regexp.MustCompile(`^[a-zA-Z0-9_-]{1,128}$`)

// ProjectNameRule is what a message says about a name ProjectName refuses.
const ProjectNameRule = "must be 1-128 letters, digits, hyphens or underscores"

// ProjectNameProblem says why name is not a project name, or "".
func ProjectNameProblem(name string) string {
	if ProjectName.MatchString(name) {
		return ""
	}
	return fmt.Sprintf("%q %s", name, ProjectNameRule)
}

// ProjectDescriptionMax is the longest project description (BDA model:
// DataAutomationProjectDescription, 0-300).
const ProjectDescriptionMax = 300

// ProjectDescriptionProblem says why d is too long, or "".
func ProjectDescriptionProblem(d string) string { return lengthProblem(d, 0, ProjectDescriptionMax) }

// Project enums (BDA model: DataAutomationProjectStage, DocumentExtractionGranularityType,
// DocumentOutputTextFormatType).
var (
	ProjectStages     = []string{"DEVELOPMENT", "LIVE"}
	GranularityTypes  = []string{"DOCUMENT", "PAGE", "ELEMENT", "WORD", "LINE"}
	TextFormatTypes   = []string{"PLAIN_TEXT", "MARKDOWN", "HTML", "CSV"}
	kmsKeyID          = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9:_/+=,@.-]+$`)
	kmsKeyIDMaxLength = 2048
)

// ProjectStageProblem says why stage is not a project stage, or "".
func ProjectStageProblem(stage string) string {
	if p := enumProblem(stage, ProjectStages); p != "" {
		return p + " (there is no PRODUCTION stage)"
	}
	return ""
}

// EnumListProblems lists why values are not a non-empty list of allowed values.
func EnumListProblems(values, allowed []string) []string {
	if len(values) == 0 {
		return []string{"needs at least one of " + strings.Join(allowed, ", ")}
	}
	var out []string
	for _, v := range values {
		if p := enumProblem(v, allowed); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// KMSKeyIDProblem says why id is not a KMS key id, ARN or alias (BDA model: KmsKeyId,
// 1-2048), or "".
func KMSKeyIDProblem(id string) string {
	if lengthProblem(id, 1, kmsKeyIDMaxLength) != "" || !kmsKeyID.MatchString(id) {
		return fmt.Sprintf("%q is not a KMS key id, ARN or alias", id)
	}
	return ""
}
