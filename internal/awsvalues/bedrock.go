package awsvalues

import "regexp"

// FoundationModelID is a Bedrock foundation model id (ListFoundationModels modelId: provider,
// a dot, then the model), such as anthropic.claude-sonnet-4-20250514-v1:0.
var FoundationModelID = regexp.MustCompile(`^[a-z0-9-]+\.[a-z0-9][a-zA-Z0-9.:-]{0,127}$`)

// ModelOrProfileID is a foundation model id, or a system-defined cross-Region inference profile
// id: a geography prefix (us., eu., apac., global.) before a foundation model id
// (ListInferenceProfiles inferenceProfileId).
var ModelOrProfileID = regexp.MustCompile(`^(?:(?:us|eu|apac|global)\.)?[a-z0-9-]+\.[a-z0-9][a-zA-Z0-9.:-]{0,127}$`)

// ModelOrProfileRule is what a message says about an id ModelOrProfileID refuses.
const ModelOrProfileRule = "must be a Bedrock model id or inference profile id such as us.anthropic.claude-sonnet-4-20250514-v1:0"
