package agentcore

import (
	"slices"
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/bidopsai/bidopsai-infra/internal/mock"
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
		IdleTimeoutSeconds: 900,
		MaxLifetimeSeconds: 28800,
		Environment:        env,
	}
}

func run(t *testing.T, args *RuntimeArgs) (*mock.Monitor, *Runtime, error) {
	t.Helper()
	mon := mock.New("bidopsai", "dev", "us-east-1")
	var rt *Runtime
	err := pulumi.RunErr(func(ctx *pulumi.Context) error {
		var err error
		rt, err = NewRuntime(ctx, "bidopsai-dev-workflow", args)
		return err
	}, pulumi.WithMocks("bidopsai", "dev", mon))
	return mon, rt, err
}

func one(t *testing.T, mon *mock.Monitor, typ string) mock.Resource {
	t.Helper()
	rs := mon.ByType(typ)
	if len(rs) != 1 {
		t.Fatalf("%d resources of %s, want 1", len(rs), typ)
	}
	return rs[0]
}

func TestRuntime(t *testing.T) {
	t.Run("registers_the_runtime_with_the_complete_spec", func(t *testing.T) {
		mon, _, err := run(t, validArgs())
		if err != nil {
			t.Fatal(err)
		}
		r := one(t, mon, tRuntime)
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
		mon, _, err := run(t, a)
		if err != nil {
			t.Fatal(err)
		}
		if r := one(t, mon, tRuntime); !r.Protect || !r.RetainOnDelete {
			t.Error("runtime not protected")
		}
	})
	t.Run("sets_the_jwt_authorizer", func(t *testing.T) {
		a := validArgs()
		a.JWT = &JWTArgs{DiscoveryURL: pulumi.String("https://cognito-idp.us-east-1.amazonaws.com/p/.well-known/openid-configuration"),
			AllowedClients: pulumi.StringArray{pulumi.String("client1")}}
		mon, _, err := run(t, a)
		if err != nil {
			t.Fatal(err)
		}
		auth := one(t, mon, tRuntime).Inputs["authorizer"].ObjectValue()
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
		deps := one(t, mon, tRuntime).Dependencies
		if !slices.ContainsFunc(deps, func(d string) bool { return strings.HasSuffix(d, "::wf-own") }) {
			t.Errorf("runtime dependencies %v lack the attachment", deps)
		}
	})
	t.Run("carries_the_stack_tags_and_its_component", func(t *testing.T) {
		a := validArgs()
		a.Tags = map[string]string{"project": "bidopsai", "environment": "dev", "stack": "dev-alice", "component": "other"}
		mon, _, err := run(t, a)
		if err != nil {
			t.Fatal(err)
		}
		got := one(t, mon, tRuntime).Inputs["tags"].ObjectValue()
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
	cases := []struct {
		name, field string
		mut         func(*RuntimeArgs)
	}{
		{"rejects_hyphen_in_runtime_name", "RuntimeName", func(a *RuntimeArgs) { a.RuntimeName = "bidopsai-dev-workflow" }},
		{"rejects_missing_image", "ContainerURI", func(a *RuntimeArgs) { a.ContainerURI = nil }},
		{"rejects_vpc_without_subnets", "SubnetIDs", func(a *RuntimeArgs) { a.NetworkMode = "VPC" }},
		{"rejects_unknown_protocol", "Protocol", func(a *RuntimeArgs) { a.Protocol = "GRPC" }},
		{"rejects_idle_over_lifetime", "MaxLifetimeSeconds", func(a *RuntimeArgs) { a.MaxLifetimeSeconds = 600 }},
		{"rejects_missing_required_variable", "Environment", func(a *RuntimeArgs) { delete(a.Environment, "AGENT_VERSION") }},
		{"rejects_secret_value_in_environment", "Environment", func(a *RuntimeArgs) { a.Environment["SLACK_TOKEN"] = pulumi.String("xoxb") }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := validArgs()
			c.mut(a)
			mon, _, err := run(t, a)
			if err == nil || !strings.Contains(err.Error(), c.field) {
				t.Fatalf("want an error naming %s, got %v", c.field, err)
			}
			if n := len(mon.Resources()); n != 0 {
				t.Fatalf("%d resources registered on bad args", n)
			}
		})
	}
}

func resourceKey(k string) resource.PropertyKey { return resource.PropertyKey(k) }
