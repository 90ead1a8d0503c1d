package bidopsai_test

import (
	"strings"
	"sync"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/internals"

	"github.com/bidopsai/bidopsai-infra/sdk/bidopsai"
)

// recorder is a mock monitor that records every registration and echoes inputs as outputs.
type recorder struct {
	mu   sync.Mutex
	regs []pulumi.MockResourceArgs
}

func (r *recorder) NewResource(args pulumi.MockResourceArgs) (string, resource.PropertyMap, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.regs = append(r.regs, args)
	out := args.Inputs.Copy()
	out["agentRuntimeId"] = resource.NewProperty(args.Name + "-id")
	out["projectArn"] = resource.NewProperty("arn:aws:bedrock:us-east-1:123456789012:data-automation-project/" + args.Name)
	return args.Name + "-id", out, nil
}

func (r *recorder) Call(pulumi.MockCallArgs) (resource.PropertyMap, error) {
	return resource.PropertyMap{}, nil
}

func run(t *testing.T, program pulumi.RunFunc) (*recorder, error) {
	t.Helper()
	rec := &recorder{}
	err := pulumi.RunErr(program, pulumi.WithMocks("bidopsai", "dev", rec))
	return rec, err
}

func validRuntime() *bidopsai.AgentRuntimeArgs {
	return &bidopsai.AgentRuntimeArgs{
		AgentRuntimeName:          pulumi.String("bidopsai_dev_workflow"),
		ContainerURI:              pulumi.String("repo/workflow@sha256:" + strings.Repeat("a", 64)),
		RoleArn:                   pulumi.String("arn:aws:iam::123456789012:role/workflow"),
		EnvironmentVariables:      pulumi.StringMap{"ENVIRONMENT": pulumi.String("dev")},
		IdleRuntimeSessionTimeout: pulumi.Int(600),
		Authorizer: &bidopsai.JWTAuthorizerArgs{
			DiscoveryURL:   pulumi.String("https://cognito-idp.us-east-1.amazonaws.com/pool/.well-known/openid-configuration"),
			AllowedClients: pulumi.StringArray{pulumi.String("client")},
		},
	}
}

func TestNewAgentRuntime(t *testing.T) {
	t.Parallel()
	t.Run("registers_the_provider_type_with_nested_inputs_and_typed_outputs", func(t *testing.T) {
		t.Parallel()
		var id string
		rec, err := run(t, func(ctx *pulumi.Context) error {
			rt, err := bidopsai.NewAgentRuntime(ctx, "workflow", validRuntime())
			if err != nil {
				return err
			}
			res, err := internals.UnsafeAwaitOutput(ctx.Context(), rt.AgentRuntimeID)
			id, _ = res.Value.(string)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		if len(rec.regs) != 1 || rec.regs[0].TypeToken != "bidopsai:index:AgentRuntime" {
			t.Fatalf("registrations = %+v", rec.regs)
		}
		in := rec.regs[0].Inputs
		auth := in["authorizer"].ObjectValue()
		if auth["discoveryUrl"].StringValue() == "" || auth["allowedClients"].ArrayValue()[0].StringValue() != "client" ||
			in["idleRuntimeSessionTimeout"].NumberValue() != 600 || in["environmentVariables"].ObjectValue()["ENVIRONMENT"].StringValue() != "dev" {
			t.Fatalf("inputs = %v", in)
		}
		if id != "workflow-id" {
			t.Fatalf("agentRuntimeId output = %q", id)
		}
	})
	cases := []struct {
		name, mention string
		edit          func(*bidopsai.AgentRuntimeArgs)
	}{
		{"rejects_hyphen_in_runtime_name", "agentRuntimeName", func(a *bidopsai.AgentRuntimeArgs) { a.AgentRuntimeName = pulumi.String("bidopsai-dev-workflow") }},
		{"rejects_missing_container_uri", "containerUri", func(a *bidopsai.AgentRuntimeArgs) { a.ContainerURI = nil }},
		{"rejects_missing_role", "roleArn", func(a *bidopsai.AgentRuntimeArgs) { a.RoleArn = nil }},
		{"rejects_authorizer_without_discovery_url", "authorizer.discoveryUrl", func(a *bidopsai.AgentRuntimeArgs) { a.Authorizer.DiscoveryURL = nil }},
		{"rejects_unknown_network_mode", "networkMode", func(a *bidopsai.AgentRuntimeArgs) { a.NetworkMode = pulumi.String("PRIVATE") }},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			rec, err := run(t, func(ctx *pulumi.Context) error {
				args := validRuntime()
				tc.edit(args)
				_, err := bidopsai.NewAgentRuntime(ctx, "workflow", args)
				return err
			})
			if err == nil || !strings.Contains(err.Error(), tc.mention) || len(rec.regs) != 0 {
				t.Fatalf("err %v with %d registrations; want an error naming %s and none", err, len(rec.regs), tc.mention)
			}
		})
	}
	t.Run("accepts_a_computed_name", func(t *testing.T) {
		t.Parallel()
		rec, err := run(t, func(ctx *pulumi.Context) error {
			args := validRuntime()
			args.AgentRuntimeName = pulumi.String("bidopsai-dev").ToStringOutput().ApplyT(func(s string) string {
				return strings.ReplaceAll(s, "-", "_")
			}).(pulumi.StringOutput)
			_, err := bidopsai.NewAgentRuntime(ctx, "workflow", args)
			return err
		})
		if err != nil || len(rec.regs) != 1 || rec.regs[0].Inputs["agentRuntimeName"].StringValue() != "bidopsai_dev" {
			t.Fatalf("err %v regs %+v", err, rec.regs)
		}
	})
}

func TestNewDataAutomationProjectAndProvider(t *testing.T) {
	t.Parallel()
	t.Run("registers_with_an_explicit_regional_provider", func(t *testing.T) {
		t.Parallel()
		rec, err := run(t, func(ctx *pulumi.Context) error {
			prov, err := bidopsai.NewProvider(ctx, "bidopsai-us-east-1", &bidopsai.ProviderArgs{Region: pulumi.String("us-east-1")})
			if err != nil {
				return err
			}
			_, err = bidopsai.NewDataAutomationProject(ctx, "parser", &bidopsai.DataAutomationProjectArgs{
				ProjectName:  pulumi.String("bidopsai-document-parser-dev"),
				ProjectStage: pulumi.String("DEVELOPMENT"),
			}, pulumi.Provider(prov))
			return err
		})
		if err != nil || len(rec.regs) != 2 {
			t.Fatalf("err %v regs %+v", err, rec.regs)
		}
		if rec.regs[0].TypeToken != "pulumi:providers:bidopsai" || rec.regs[0].Inputs["region"].StringValue() != "us-east-1" {
			t.Fatalf("provider registration = %+v", rec.regs[0])
		}
		if rec.regs[1].TypeToken != "bidopsai:index:DataAutomationProject" || !strings.Contains(rec.regs[1].Provider, "bidopsai-us-east-1") {
			t.Fatalf("project registration = %+v", rec.regs[1])
		}
	})
	t.Run("rejects_production_stage", func(t *testing.T) {
		t.Parallel()
		rec, err := run(t, func(ctx *pulumi.Context) error {
			_, err := bidopsai.NewDataAutomationProject(ctx, "parser", &bidopsai.DataAutomationProjectArgs{
				ProjectName: pulumi.String("p"), ProjectStage: pulumi.String("PRODUCTION"),
			})
			return err
		})
		if err == nil || !strings.Contains(err.Error(), "projectStage") || len(rec.regs) != 0 {
			t.Fatalf("err %v regs %d", err, len(rec.regs))
		}
	})
	t.Run("rejects_missing_project_name", func(t *testing.T) {
		t.Parallel()
		_, err := run(t, func(ctx *pulumi.Context) error {
			_, err := bidopsai.NewDataAutomationProject(ctx, "parser", &bidopsai.DataAutomationProjectArgs{})
			return err
		})
		if err == nil || !strings.Contains(err.Error(), "projectName") {
			t.Fatalf("err %v", err)
		}
	})
}
