package provider_test

import (
	"strings"
	"testing"

	p "github.com/pulumi/pulumi-go-provider"
	"github.com/pulumi/pulumi/sdk/v3/go/property"
)

type checkCase struct {
	name     string
	edit     func(map[string]property.Value)
	property string // the property the single failure must name
	mention  string // text the reason must contain
}

func runChecks(t *testing.T, typ string, base func(...func(map[string]property.Value)) property.Map, cases []checkCase) {
	t.Helper()
	e := newEnv(t)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			resp, err := e.srv.Check(p.CheckRequest{Urn: urn(typ, "x"), Inputs: base(tc.edit)})
			if err != nil {
				t.Fatal(err)
			}
			if len(resp.Failures) != 1 || resp.Failures[0].Property != tc.property || !strings.Contains(resp.Failures[0].Reason, tc.mention) {
				t.Fatalf("failures %+v; want one on %s mentioning %q", resp.Failures, tc.property, tc.mention)
			}
		})
	}
	if calls := e.fake.Calls(); len(calls) != 0 {
		t.Fatalf("Check called AWS: %+v", calls)
	}
}

func TestAgentRuntimeCheck(t *testing.T) {
	t.Parallel()
	set := func(k string, v property.Value) func(map[string]property.Value) {
		return func(m map[string]property.Value) { m[k] = v }
	}
	runtime := func(edit ...func(map[string]property.Value)) property.Map {
		return runtimeInputs("bidopsai_dev_workflow", edit...)
	}
	runChecks(t, runtimeType, runtime, []checkCase{
		{"rejects_hyphen_in_runtime_name", set("agentRuntimeName", str("bidopsai-dev-workflow")), "agentRuntimeName", "no hyphens"},
		{"rejects_runtime_name_over_48_chars", set("agentRuntimeName", str(strings.Repeat("a", 49))), "agentRuntimeName", "^[a-zA-Z]"},
		{"rejects_latest_tag", set("containerUri", str("123456789012.dkr.ecr.us-east-1.amazonaws.com/w:latest")), "containerUri", "latest"},
		{"rejects_untagged_image", set("containerUri", str("123456789012.dkr.ecr.us-east-1.amazonaws.com/w")), "containerUri", "pinned"},
		{"rejects_short_digest", set("containerUri", str("repo/w@sha256:abc")), "containerUri", "digest"},
		{"rejects_user_arn_as_role", set("roleArn", str("arn:aws:iam::123456789012:user/x")), "roleArn", "IAM role ARN"},
		{"rejects_unknown_network_mode", set("networkMode", str("PRIVATE")), "networkMode", "PUBLIC, VPC"},
		{"requires_subnets_in_vpc_mode", func(m map[string]property.Value) {
			m["networkMode"], m["securityGroupIds"] = str("VPC"), strs("sg-0123456789abcdef0")
		}, "subnetIds", "VPC"},
		{"rejects_subnets_in_public_mode", set("subnetIds", strs("subnet-0123456789abcdef0")), "networkMode", "only when networkMode is VPC"},
		{"rejects_unknown_protocol", set("serverProtocol", str("GRPC")), "serverProtocol", "HTTP, MCP, A2A"},
		{"rejects_idle_timeout_below_60", set("idleRuntimeSessionTimeout", property.New(30.0)), "idleRuntimeSessionTimeout", "between 60 and 28800"},
		{"rejects_idle_timeout_above_max_lifetime", func(m map[string]property.Value) {
			m["idleRuntimeSessionTimeout"], m["maxLifetime"] = property.New(3600.0), property.New(1800.0)
		}, "idleRuntimeSessionTimeout", "must not exceed maxLifetime"},
		{"rejects_http_discovery_url", set("authorizer", obj(map[string]property.Value{
			"discoveryUrl": str("http://idp/.well-known/openid-configuration")})), "authorizer.discoveryUrl", "https"},
		{"rejects_aws_prefixed_tag", set("tags", obj(map[string]property.Value{"aws:x": str("1")})), "tags", "aws:"},
		{"rejects_unknown_property", set("image", str("x")), "image", "Unrecognized"},
	})
}

func TestAgentRuntimeCheckDefaultsAndUnknowns(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	t.Run("fills_service_defaults_and_sorts_sets", func(t *testing.T) {
		got := e.check(runtimeType, "x", property.Map{}, runtimeInputs("a", func(m map[string]property.Value) {
			m["networkMode"], m["subnetIds"], m["securityGroupIds"] = str("VPC"), strs("subnet-0bbbbbbbbbbbbbbbb", "subnet-0aaaaaaaaaaaaaaaa"), strs("sg-0123456789abcdef0")
		}))
		if get(got, "serverProtocol") != "HTTP" || got.Get("maxLifetime").AsNumber() != 28800 ||
			got.Get("subnetIds").AsArray().Get(0).AsString() != "subnet-0aaaaaaaaaaaaaaaa" {
			t.Fatalf("checked inputs = %v", got)
		}
	})
	t.Run("skips_validation_of_unknown_values_during_preview", func(t *testing.T) {
		got := e.check(runtimeType, "x", property.Map{}, runtimeInputs("a", func(m map[string]property.Value) {
			m["roleArn"], m["containerUri"] = property.New(property.Computed), property.New(property.Computed)
		}))
		if !got.Get("roleArn").IsComputed() || !got.Get("containerUri").IsComputed() {
			t.Fatalf("unknowns must stay unknown: %v", got)
		}
	})
}

func TestDataAutomationProjectCheck(t *testing.T) {
	t.Parallel()
	set := func(k string, v property.Value) func(map[string]property.Value) {
		return func(m map[string]property.Value) { m[k] = v }
	}
	project := func(edit ...func(map[string]property.Value)) property.Map {
		return projectInputs("bidopsai-document-parser-dev", edit...)
	}
	runChecks(t, projectType, project, []checkCase{
		{"rejects_production_stage", set("projectStage", str("PRODUCTION")), "projectStage", "no PRODUCTION"},
		{"rejects_space_in_project_name", set("projectName", str("doc parser")), "projectName", "1-128"},
		{"rejects_unknown_granularity", set("extractionGranularity", strs("PAGE", "SENTENCE")), "extractionGranularity", "SENTENCE"},
		{"rejects_empty_text_formats", set("outputTextFormats", strs()), "outputTextFormats", "at least one"},
		{"rejects_long_description", set("projectDescription", str(strings.Repeat("d", 301))), "projectDescription", "300"},
		{"rejects_role_argument_that_does_not_exist", set("roleArn", str(role)), "roleArn", "Unrecognized"},
	})
}
