package provider_test

import (
	"context"
	"strings"
	"sync"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	p "github.com/pulumi/pulumi-go-provider"
	"github.com/pulumi/pulumi/sdk/v3/go/property"

	"github.com/bidopsai/bidopsai-infra/internal/provider"
)

// stackConfig is what the default provider receives: every bidopsai:* key of the stack,
// scalars as strings, objects as JSON strings or objects, some secret.
func stackConfig(region string) property.Map {
	m := map[string]property.Value{
		"environment":              str("dev"),
		"logRetentionDays":         str("30"),
		"protect":                  str("false"),
		"secretRecoveryWindowDays": property.New(0.0),
		"ecr":                      str(`{"tagMutability":"MUTABLE","keepTaggedImages":10}`),
		"cognito": obj(map[string]property.Value{
			"mfa": str("OPTIONAL"), "callbackUrls": strs("http://localhost:3000/callback"),
		}),
		"database": obj(map[string]property.Value{"host": str("db.internal")}).WithSecret(true),
		"agents":   str(`{"workflow":{"version":"1.0.0"}}`),
	}
	if region != "" {
		m["region"] = str(region)
	}
	return property.NewMap(m)
}

var providerURN = urn("pulumi:providers:bidopsai", "default")

func TestProviderConfiguration(t *testing.T) {
	t.Parallel()
	var mu sync.Mutex
	var regions []string
	e := newEnv(t, func(o *provider.Options) {
		fake := o.AWSConfig
		o.AWSConfig = func(ctx context.Context, region string) (aws.Config, error) {
			mu.Lock()
			regions = append(regions, region)
			mu.Unlock()
			return fake(ctx, region)
		}
	})
	t.Run("check_accepts_every_stack_key_and_keeps_only_region", func(t *testing.T) {
		resp, err := e.srv.CheckConfig(p.CheckRequest{Urn: providerURN, Inputs: stackConfig("eu-west-1")})
		if err != nil || len(resp.Failures) > 0 {
			t.Fatalf("CheckConfig: %v %+v", err, resp.Failures)
		}
		if get(resp.Inputs, "region") != "eu-west-1" || resp.Inputs.Get("environment").IsString() || resp.Inputs.Get("database").Secret() {
			t.Fatalf("checked config = %v; want region only", resp.Inputs)
		}
	})
	t.Run("rejects_malformed_region", func(t *testing.T) {
		resp, err := e.srv.CheckConfig(p.CheckRequest{Urn: providerURN, Inputs: stackConfig("Frankfurt")})
		if err != nil || len(resp.Failures) != 1 || resp.Failures[0].Property != "region" {
			t.Fatalf("CheckConfig = %+v, %v; want one failure on region", resp.Failures, err)
		}
	})
	t.Run("other_stack_keys_changing_do_not_replace_the_provider", func(t *testing.T) {
		news := stackConfig("eu-west-1").Set("environment", str("prod")).Set("logRetentionDays", str("365"))
		resp, err := e.srv.DiffConfig(p.DiffRequest{Urn: providerURN, OldInputs: stackConfig("eu-west-1"), State: stackConfig("eu-west-1"), Inputs: news})
		if err != nil || resp.HasChanges {
			t.Fatalf("DiffConfig = %+v, %v; want no change", resp, err)
		}
	})
	t.Run("region_change_replaces_the_provider", func(t *testing.T) {
		resp, err := e.srv.DiffConfig(p.DiffRequest{Urn: providerURN, OldInputs: stackConfig("eu-west-1"), Inputs: stackConfig("us-east-1")})
		if err != nil || !resp.HasChanges || resp.DetailedDiff["region"].Kind != p.UpdateReplace {
			t.Fatalf("DiffConfig = %+v, %v; want region to replace", resp, err)
		}
	})
	t.Run("configure_ignores_unknown_keys_and_uses_region", func(t *testing.T) {
		if err := e.srv.Configure(p.ConfigureRequest{Args: stackConfig("eu-west-1")}); err != nil {
			t.Fatalf("Configure: %v", err)
		}
		e.create(runtimeType, "r", runtimeInputs("agent_region"))
		mu.Lock()
		defer mu.Unlock()
		if len(regions) != 1 || regions[0] != "eu-west-1" {
			t.Fatalf("clients built for regions %q; want [eu-west-1]", regions)
		}
	})
}

func TestMissingRegionIsExplained(t *testing.T) {
	t.Parallel()
	e := newEnv(t, func(o *provider.Options) {
		o.AWSConfig = func(context.Context, string) (aws.Config, error) { return aws.Config{}, nil }
	})
	_, err := e.srv.Create(p.CreateRequest{Urn: urn(runtimeType, "r"), Properties: e.check(runtimeType, "r", property.Map{}, runtimeInputs("agent_x"))})
	if err == nil || !strings.Contains(err.Error(), "bidopsai:region") {
		t.Fatalf("create without a region: %v; want advice naming bidopsai:region", err)
	}
}
