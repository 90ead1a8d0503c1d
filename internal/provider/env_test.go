package provider_test

import (
	"strings"
	"testing"

	"github.com/blang/semver"
	p "github.com/pulumi/pulumi-go-provider"
	"github.com/pulumi/pulumi-go-provider/integration"
	"github.com/pulumi/pulumi/sdk/v3/go/property"

	"github.com/bidopsai/bidopsai-infra/internal/fakeaws"
	"github.com/bidopsai/bidopsai-infra/internal/provider"
)

// Not parallel: it sets process environment, as the engine would for the provider binary.
func TestEndpointOverrideThroughEnvironmentOnly(t *testing.T) {
	fake := fakeaws.New(fakeaws.Options{})
	t.Cleanup(fake.Close)
	for _, kv := range fake.Env() {
		k, v, _ := strings.Cut(kv, "=")
		t.Setenv(k, v)
	}
	t.Setenv("AWS_CONFIG_FILE", t.TempDir()+"/none")
	t.Setenv("AWS_SHARED_CREDENTIALS_FILE", t.TempDir()+"/none")
	if provider.EndpointEnvAgentCore != "AWS_ENDPOINT_URL_BEDROCK_AGENTCORE_CONTROL" ||
		provider.EndpointEnvDataAutomation != "AWS_ENDPOINT_URL_BEDROCK_DATA_AUTOMATION" {
		t.Fatal("endpoint variable names drifted from the SDK service ids")
	}
	prov, err := provider.New(provider.Options{Poll: provider.Schedule{Initial: 1, Max: 1}})
	if err != nil {
		t.Fatal(err)
	}
	srv, err := integration.NewServer(t.Context(), provider.Name, semver.MustParse(provider.Version), integration.WithProvider(prov))
	if err != nil {
		t.Fatal(err)
	}
	check := func(typ string, in property.Map) property.Map {
		resp, err := srv.Check(p.CheckRequest{Urn: urn(typ, "x"), Inputs: in})
		if err != nil || len(resp.Failures) > 0 {
			t.Fatalf("Check: %v %+v", err, resp.Failures)
		}
		return resp.Inputs
	}
	if _, err := srv.Create(p.CreateRequest{Urn: urn(runtimeType, "x"), Properties: check(runtimeType, runtimeInputs("agent_env"))}); err != nil {
		t.Fatalf("runtime create through env override: %v", err)
	}
	if _, err := srv.Create(p.CreateRequest{Urn: urn(projectType, "x"), Properties: check(projectType, projectInputs("env-project"))}); err != nil {
		t.Fatalf("project create through env override: %v", err)
	}
	if len(fake.Runtimes()) != 1 || len(fake.Projects()) != 1 {
		t.Fatalf("fake holds %d runtimes and %d projects; want one each", len(fake.Runtimes()), len(fake.Projects()))
	}
}
