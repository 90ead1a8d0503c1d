package agentcore

import (
	"slices"
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/bidopsai/bidopsai-infra/internal/mock"
	"github.com/bidopsai/bidopsai-infra/internal/mock/mocktest"
)

const (
	tRuntime = "bidopsai:index:AgentRuntime"
)

func validArgs() *RuntimeArgs {
	env := map[string]pulumi.StringInput{}
	for _, k := range RequiredEnvironment {
		env[k] = pulumi.String("x")
	}
	env["DATABASE_SECRET_NAME"] = pulumi.String("bidopsai/dev/database/credentials")
	return &RuntimeArgs{
		RuntimeName:        "bidopsai_dev_workflow",
		Agent:              "workflow",
		ContainerURI:       pulumi.String("123456789012.dkr.ecr.us-east-1.amazonaws.com/wf@sha256:" + strings.Repeat("a", 64)),
		RoleArn:            pulumi.String("arn:aws:iam::123456789012:role/wf"),
		NetworkMode:        NetworkPublic,
		Protocol:           "HTTP",
		IdleTimeoutSeconds: 900,
		MaxLifetimeSeconds: 28800,
		Environment:        env,
	}
}

// runtimes runs the component under the mock; assertions happen after it returns.
var runtimes = mocktest.Tier[*RuntimeArgs, *Runtime]{Stack: "dev", Region: "us-east-1", Name: "bidopsai-dev-workflow",
	New: NewRuntime}

func TestRuntime(t *testing.T) {
	t.Run("registers_the_runtime_with_the_complete_spec", func(t *testing.T) {
		mon := runtimes.MustRun(t, validArgs())
		r := mocktest.Only(t, mon, tRuntime)
		in := r.Inputs
		checks := map[string]string{
			"agentRuntimeName": "bidopsai_dev_workflow", "networkMode": "PUBLIC", "serverProtocol": "HTTP",
			"roleArn": "arn:aws:iam::123456789012:role/wf",
		}
		for k, want := range checks {
			if got := in[resourceKey(k)].StringValue(); got != want {
				t.Errorf("%s = %q, want %q", k, got, want)
			}
		}
		if !strings.Contains(in["containerUri"].StringValue(), "@sha256:") {
			t.Errorf("container URI is not pinned by digest: %v", in["containerUri"])
		}
		if in["idleRuntimeSessionTimeout"].NumberValue() != 900 || in["maxLifetime"].NumberValue() != 28800 {
			t.Errorf("lifecycle %v %v", in["idleRuntimeSessionTimeout"], in["maxLifetime"])
		}
		env := in["environmentVariables"].ObjectValue()
		if env["DATABASE_SECRET_NAME"].StringValue() != "bidopsai/dev/database/credentials" {
			t.Errorf("secret name not passed: %v", env)
		}
		if r.CustomTimeouts["create"] != "30m" || r.CustomTimeouts["update"] != "30m" || r.CustomTimeouts["delete"] != "20m" {
			t.Errorf("custom timeouts %v", r.CustomTimeouts)
		}
		if in["tags"].ObjectValue()["component"].StringValue() != "agentcore" {
			t.Errorf("tags %v", in["tags"])
		}
	})
	t.Run("protects_the_runtime_when_asked", func(t *testing.T) {
		a := validArgs()
		a.Protect = true
		mon := runtimes.MustRun(t, a)
		if r := mocktest.Only(t, mon, tRuntime); !r.Protect || !r.RetainOnDelete {
			t.Error("runtime not protected")
		}
	})
	t.Run("sets_the_jwt_authorizer", func(t *testing.T) {
		a := validArgs()
		a.JWT = &JWTArgs{DiscoveryURL: pulumi.String("https://cognito-idp.us-east-1.amazonaws.com/p/.well-known/openid-configuration"),
			AllowedClients: pulumi.StringArray{pulumi.String("client1")}}
		mon := runtimes.MustRun(t, a)
		auth := mocktest.Only(t, mon, tRuntime).Inputs["authorizer"].ObjectValue()
		if !strings.HasSuffix(auth["discoveryUrl"].StringValue(), "/.well-known/openid-configuration") ||
			auth["allowedClients"].ArrayValue()[0].StringValue() != "client1" {
			t.Errorf("authorizer %v", auth)
		}
	})
	t.Run("waits_for_the_resources_its_role_needs", func(t *testing.T) {
		mon := mock.New("bidopsai", "dev", "us-east-1")
		err := pulumi.RunErr(func(ctx *pulumi.Context) error {
			var att pulumi.CustomResourceState
			if err := ctx.RegisterResource("aws:iam/rolePolicyAttachment:RolePolicyAttachment", "wf-own", pulumi.Map{}, &att); err != nil {
				return err
			}
			a := validArgs()
			a.DependsOn = []pulumi.Resource{&att}
			_, err := NewRuntime(ctx, "bidopsai-dev-workflow", a)
			return err
		}, pulumi.WithMocks("bidopsai", "dev", mon))
		if err != nil {
			t.Fatal(err)
		}
		deps := mocktest.Only(t, mon, tRuntime).Dependencies
		if !slices.ContainsFunc(deps, func(d string) bool { return strings.HasSuffix(d, "::wf-own") }) {
			t.Errorf("runtime dependencies %v lack the attachment", deps)
		}
	})
	t.Run("carries_the_stack_tags_and_its_component", func(t *testing.T) {
		a := validArgs()
		a.Tags = map[string]string{"project": "bidopsai", "environment": "dev", "stack": "dev-alice", "component": "other"}
		mon := runtimes.MustRun(t, a)
		got := mocktest.Only(t, mon, tRuntime).Inputs["tags"].ObjectValue()
		for k, want := range map[string]string{"project": "bidopsai", "environment": "dev", "stack": "dev-alice", "component": "agentcore"} {
			if got[resourceKey(k)].StringValue() != want {
				t.Errorf("tag %s = %v, want %s", k, got[resourceKey(k)], want)
			}
		}
	})
	t.Run("builds_the_invocation_url_from_the_arn", func(t *testing.T) {
		got := invocationURL("us-east-1", "arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/wf-abc")
		want := "https://bedrock-agentcore.us-east-1.amazonaws.com/runtimes/arn%3Aaws%3Abedrock-agentcore%3Aus-east-1%3A123456789012%3Aruntime%2Fwf-abc/invocations?qualifier=DEFAULT"
		if got != want {
			t.Errorf("got %s", got)
		}
	})
}

func TestRejectsBadArgs(t *testing.T) {
	runtimes.Rejects(t, validArgs, []mocktest.BadInput[*RuntimeArgs]{
		{Name: "rejects_hyphen_in_runtime_name", Mutate: func(a *RuntimeArgs) { a.RuntimeName = "bidopsai-dev-workflow" },
			Field: "RuntimeArgs.RuntimeName", Want: []string{"no hyphens"}},
		{Name: "rejects_missing_image", Mutate: func(a *RuntimeArgs) { a.ContainerURI = nil }, Field: "RuntimeArgs.ContainerURI"},
		{Name: "rejects_vpc_without_subnets", Mutate: func(a *RuntimeArgs) { a.NetworkMode = "VPC" }, Field: "RuntimeArgs.SubnetIDs"},
		{Name: "rejects_unknown_protocol", Mutate: func(a *RuntimeArgs) { a.Protocol = "GRPC" }, Field: "RuntimeArgs.Protocol",
			Want: []string{"HTTP, MCP, A2A"}},
		{Name: "rejects_idle_over_lifetime", Mutate: func(a *RuntimeArgs) { a.MaxLifetimeSeconds = 600 }, Field: "RuntimeArgs.IdleTimeoutSeconds",
			Want: []string{"maxLifetimeSeconds, 600"}},
		{Name: "rejects_missing_required_variable", Mutate: func(a *RuntimeArgs) { delete(a.Environment, "AGENT_VERSION") },
			Field: "RuntimeArgs.Environment", Want: []string{"AGENT_VERSION"}},
		{Name: "rejects_secret_value_in_environment", Mutate: func(a *RuntimeArgs) { a.Environment["SLACK_TOKEN"] = pulumi.String("xoxb") },
			Field: "RuntimeArgs.Environment", Want: []string{"SLACK_TOKEN", "looks like a secret"}},
	})
}

func resourceKey(k string) resource.PropertyKey { return resource.PropertyKey(k) }
