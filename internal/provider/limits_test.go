package provider

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	ac "github.com/aws/aws-sdk-go-v2/service/bedrockagentcorecontrol"
	bda "github.com/aws/aws-sdk-go-v2/service/bedrockdataautomation"
	"github.com/aws/smithy-go"
	"github.com/pulumi/pulumi/sdk/v3/go/property"

	"github.com/bidopsai/bidopsai-infra/internal/awsvalues"
	"github.com/bidopsai/bidopsai-infra/internal/fakeaws"
)

// The limits are defined once (package awsvalues); these tables prove both users apply
// them: every bad input is refused by the provider's Check, naming the property, and, sent
// past Check, by the fake service, naming the API field.

const ecrImage = "123456789012.dkr.ecr.us-east-1.amazonaws.com/bidopsai/workflow:1.0.0"

type limitCase[A any] struct {
	name     string
	edit     func(*A)
	property string // the property Check's failure names
	apiField string // text the fake's ValidationException names
}

func validRuntime() AgentRuntimeArgs {
	return AgentRuntimeArgs{AgentRuntimeName: "bidopsai_dev_workflow", ContainerURI: ecrImage,
		RoleArn: "arn:aws:iam::123456789012:role/bidopsai-dev-workflow", NetworkMode: "PUBLIC", ServerProtocol: "HTTP",
		EnvironmentVariables: map[string]string{"LOG_LEVEL": "INFO"}, IdleRuntimeSessionTimeout: 900, MaxLifetime: 28800,
		Tags: map[string]string{"component": "agentcore"}}
}

func manyStrings(n int, prefix string) map[string]string {
	m := map[string]string{}
	for i := range n {
		m[fmt.Sprintf("%s%02d", prefix, i)] = "v"
	}
	return m
}

var runtimeLimitCases = []limitCase[AgentRuntimeArgs]{
	{"runtime_name_with_hyphen", func(a *AgentRuntimeArgs) { a.AgentRuntimeName = "bidopsai-dev" }, "agentRuntimeName", "agentRuntimeName"},
	{"image_outside_ecr", func(a *AgentRuntimeArgs) { a.ContainerURI = "docker.io/library/python:3.12" }, "containerUri", "containerUri"},
	{"image_uri_over_1024_chars", func(a *AgentRuntimeArgs) {
		a.ContainerURI = "123456789012.dkr.ecr.us-east-1.amazonaws.com/" + strings.Repeat("a", 980) + ":1.0.0"
	}, "containerUri", "containerUri"},
	{"user_arn_as_role", func(a *AgentRuntimeArgs) { a.RoleArn = "arn:aws:iam::123456789012:user/x" }, "roleArn", "roleArn"},
	{"description_over_4096_chars", func(a *AgentRuntimeArgs) { a.Description = strings.Repeat("d", 4097) }, "description", "description"},
	{"51_environment_variables", func(a *AgentRuntimeArgs) { a.EnvironmentVariables = manyStrings(51, "VAR_") }, "environmentVariables", "environmentVariables"},
	{"environment_name_over_100_chars", func(a *AgentRuntimeArgs) {
		a.EnvironmentVariables = map[string]string{strings.Repeat("N", 101): "v"}
	}, "environmentVariables", "environmentVariables"},
	{"environment_value_over_5000_chars", func(a *AgentRuntimeArgs) {
		a.EnvironmentVariables = map[string]string{"BIG": strings.Repeat("v", 5001)}
	}, "environmentVariables", "environmentVariables"},
	{"idle_timeout_below_60", func(a *AgentRuntimeArgs) { a.IdleRuntimeSessionTimeout = 59 }, "idleRuntimeSessionTimeout", "idleRuntimeSessionTimeout"},
	{"max_lifetime_above_28800_on_microvms", func(a *AgentRuntimeArgs) { a.MaxLifetime = 28801 }, "maxLifetime", "maxLifetime"},
	{"idle_timeout_above_max_lifetime", func(a *AgentRuntimeArgs) {
		a.IdleRuntimeSessionTimeout, a.MaxLifetime = 3600, 1800
	}, "idleRuntimeSessionTimeout", "idleRuntimeSessionTimeout"},
	{"malformed_subnet_id", func(a *AgentRuntimeArgs) {
		a.NetworkMode, a.SubnetIDs, a.SecurityGroupIDs = "VPC", []string{"subnet-1"}, []string{"sg-0123456789abcdef0"}
	}, "subnetIds", "subnets"},
	{"unknown_server_protocol", func(a *AgentRuntimeArgs) { a.ServerProtocol = "GRPC" }, "serverProtocol", "serverProtocol"},
	{"http_discovery_url", func(a *AgentRuntimeArgs) {
		a.Authorizer = &JWTAuthorizer{DiscoveryURL: "http://idp.example.com/.well-known/openid-configuration"}
	}, "authorizer.discoveryUrl", "discoveryUrl"},
	{"tag_value_with_a_dollar", func(a *AgentRuntimeArgs) { a.Tags = map[string]string{"cost": "$5"} }, "tags", "tags"},
	{"51_tags", func(a *AgentRuntimeArgs) { a.Tags = manyStrings(51, "t") }, "tags", "tags"},
}

func TestRuntimeLimitsAreSharedByCheckAndTheFake(t *testing.T) {
	t.Parallel()
	fake := fakeaws.New(fakeaws.Options{})
	t.Cleanup(fake.Close)
	client := ac.NewFromConfig(fake.AWSConfig())
	runLimitCases(t, runtimeLimitCases, func(i int) *AgentRuntimeArgs {
		a := validRuntime()
		a.AgentRuntimeName = fmt.Sprintf("bidopsai_case_%d", i)
		return &a
	}, func(a *AgentRuntimeArgs) (func(inputs, *failures), error) {
		_, err := client.CreateAgentRuntime(t.Context(), a.createInput(newClientToken(), a.Tags))
		return a.validate, err
	})
}

func validProject() DataAutomationProjectArgs {
	return DataAutomationProjectArgs{ProjectName: "bidopsai-document-parser-dev", ProjectStage: "DEVELOPMENT",
		ExtractionGranularity: defaultGranularity, OutputTextFormats: defaultTextFormats,
		Tags: map[string]string{"component": "dataautomation"}}
}

var projectLimitCases = []limitCase[DataAutomationProjectArgs]{
	{"space_in_project_name", func(a *DataAutomationProjectArgs) { a.ProjectName = "doc parser" }, "projectName", "projectName"},
	{"description_over_300_chars", func(a *DataAutomationProjectArgs) { a.ProjectDescription = strings.Repeat("d", 301) }, "projectDescription", "projectDescription"},
	{"production_stage", func(a *DataAutomationProjectArgs) { a.ProjectStage = "PRODUCTION" }, "projectStage", "projectStage"},
	{"unknown_granularity", func(a *DataAutomationProjectArgs) { a.ExtractionGranularity = []string{"SENTENCE"} }, "extractionGranularity", "granularity"},
	{"malformed_kms_key", func(a *DataAutomationProjectArgs) { a.KmsKeyID = "-not-a-key" }, "kmsKeyId", "kmsKeyId"},
	{"201_tags", func(a *DataAutomationProjectArgs) { a.Tags = manyStrings(201, "t") }, "tags", "tags"},
}

func TestProjectLimitsAreSharedByCheckAndTheFake(t *testing.T) {
	t.Parallel()
	fake := fakeaws.New(fakeaws.Options{})
	t.Cleanup(fake.Close)
	client := bda.NewFromConfig(fake.AWSConfig())
	runLimitCases(t, projectLimitCases, func(i int) *DataAutomationProjectArgs {
		a := validProject()
		a.ProjectName = fmt.Sprintf("bidopsai-case-%d", i)
		return &a
	}, func(a *DataAutomationProjectArgs) (func(inputs, *failures), error) {
		_, err := client.CreateDataAutomationProject(t.Context(), a.createInput(newClientToken(), a.Tags))
		return a.validate, err
	})
}

// runLimitCases checks that a valid input (valid(i) is one named after case i) passes both
// Check and the fake, then that each case's edit fails both. try sends the input to the fake
// and returns Check's validation of it.
func runLimitCases[A any](t *testing.T, cases []limitCase[A], valid func(i int) *A, try func(a *A) (func(inputs, *failures), error)) {
	t.Helper()
	validate, err := try(valid(len(cases)))
	if f := checkFailures(validate); len(f) != 0 || err != nil {
		t.Fatalf("the valid baseline: Check failures %+v, fake error %v; want neither", f, err)
	}
	for i, tc := range cases {
		t.Run("refuses_"+tc.name, func(t *testing.T) {
			a := valid(i)
			tc.edit(a)
			validate, err := try(a)
			if f := checkFailures(validate); len(f) != 1 || f[0].Property != tc.property {
				t.Errorf("Check failures = %+v, want exactly one on %s", f, tc.property)
			}
			wantValidation(t, err, tc.apiField)
		})
	}
}

func TestClientTokensFitTheModel(t *testing.T) {
	t.Parallel()
	for range 100 {
		if tok := newClientToken(); awsvalues.ClientTokenProblem(tok) != "" {
			t.Fatalf("newClientToken() = %q: %s", tok, awsvalues.ClientTokenProblem(tok))
		}
	}
	for _, bad := range []string{strings.Repeat("a", 32), strings.Repeat("a", 257), "-" + strings.Repeat("a", 40), strings.Repeat("a", 40) + "_"} {
		if awsvalues.ClientTokenProblem(bad) == "" {
			t.Errorf("client token %q is accepted; the model refuses it", bad)
		}
	}
}

// checkFailures runs Check's validation with every value known.
func checkFailures(validate func(inputs, *failures)) failures {
	var f failures
	validate(inputs{property.Map{}}, &f)
	return f
}

func wantValidation(t *testing.T, err error, field string) {
	t.Helper()
	var ae smithy.APIError
	if !asAPIError(err, &ae) || ae.ErrorCode() != "ValidationException" || !strings.Contains(ae.ErrorMessage(), field) {
		t.Errorf("the fake answered %v, want a ValidationException naming %s", err, field)
	}
}

func asAPIError(err error, target *smithy.APIError) bool { return errors.As(err, target) }
