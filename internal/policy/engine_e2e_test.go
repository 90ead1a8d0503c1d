//go:build e2e

package policy_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	sdk "github.com/pulumi/pulumi/sdk/v3"
	"github.com/pulumi/pulumi/sdk/v3/go/auto"
	"github.com/pulumi/pulumi/sdk/v3/go/auto/optpreview"
	"github.com/pulumi/pulumi/sdk/v3/go/common/tokens"
	"github.com/pulumi/pulumi/sdk/v3/go/common/workspace"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/bidopsai/bidopsai-infra/internal/fakeaws"
	"github.com/bidopsai/bidopsai-infra/sdk/bidopsai"
)

// TestPackThroughTheEngine runs `pulumi preview --policy-pack` with the real CLI (bin/pulumi),
// the provider binary and the pack built the way `make policy` builds it, against the fake AWS
// control plane. Run it with: go test -tags e2e -run TestPackThroughTheEngine ./internal/policy/
func TestPackThroughTheEngine(t *testing.T) {
	root, _ := filepath.Abs("../..")
	bin := filepath.Join(root, "bin")
	for _, tool := range []string{"pulumi", "pulumi-resource-bidopsai"} {
		if _, err := os.Stat(filepath.Join(bin, tool)); err != nil {
			t.Skipf("%s/%s is missing (make tools provider)", bin, tool)
		}
	}
	dir := t.TempDir()
	packBin, packDir := filepath.Join(dir, "packbin"), filepath.Join(dir, "pack")
	for _, d := range []string{packBin, packDir, filepath.Join(dir, "state"), filepath.Join(dir, "home"), filepath.Join(dir, "work"), filepath.Join(dir, "aws")} {
		if err := os.MkdirAll(d, 0o700); err != nil {
			t.Fatal(err)
		}
	}
	build := exec.Command("go", "build", "-o", filepath.Join(packBin, "pulumi-analyzer-policy-bidopsai"), "./cmd/bidopsai-policy")
	build.Dir = root
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building the pack: %v\n%s", err, out)
	}
	if err := os.WriteFile(filepath.Join(packDir, "PulumiPolicy.yaml"), []byte("runtime: bidopsai\nversion: 0.1.0\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	fake := fakeaws.New(fakeaws.Options{Region: "us-east-1", Account: "123456789012"})
	t.Cleanup(fake.Close)
	env := map[string]string{
		"PATH":                     packBin + string(os.PathListSeparator) + os.Getenv("PATH"),
		"PULUMI_CONFIG_PASSPHRASE": "policy-e2e", "PULUMI_SKIP_UPDATE_CHECK": "true",
		"PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION": "true",
		"AWS_CONFIG_FILE":             filepath.Join(dir, "aws", "config"),
		"AWS_SHARED_CREDENTIALS_FILE": filepath.Join(dir, "aws", "credentials"),
	}
	for _, kv := range fake.Env() {
		k, v, _ := strings.Cut(kv, "=")
		env[k] = v
	}
	cmd, err := auto.NewPulumiCommand(&auto.PulumiCommandOptions{Root: root, Version: sdk.Version})
	if err != nil {
		t.Fatal(err)
	}
	proj := workspace.Project{Name: tokens.PackageName("bidopsai-policy-e2e"), Runtime: workspace.NewProjectRuntimeInfo("go", nil),
		Backend: &workspace.ProjectBackend{URL: "file://" + filepath.Join(dir, "state")},
		Plugins: &workspace.Plugins{Providers: []workspace.PluginOptions{{Name: "bidopsai", Path: bin}}}}

	for _, c := range []struct {
		env            string
		wantFail       bool
		want, dontWant []string
	}{
		{"prod", true, []string{"SR-AC-3", "mandatory", "API_TOKEN", "unknown-inputs", "PROJECT_ARN", "SR-AC-10", "pack-coverage"}, nil},
		{"dev", true, []string{"SR-AC-3"}, []string{"SR-AC-10"}}, // SR-AC-10 is not applied in dev
	} {
		t.Run(c.env, func(t *testing.T) {
			stack, err := auto.UpsertStackInlineSource(t.Context(), c.env, "bidopsai-policy-e2e", program,
				auto.Pulumi(cmd), auto.Project(proj), auto.WorkDir(filepath.Join(dir, "work")),
				auto.PulumiHome(filepath.Join(dir, "home")), auto.SecretsProvider("passphrase"), auto.EnvVars(env))
			if err != nil {
				t.Fatal(err)
			}
			if err := stack.SetConfig(t.Context(), "bidopsai:environment", auto.ConfigValue{Value: c.env}); err != nil {
				t.Fatal(err)
			}
			var out bytes.Buffer
			_, err = stack.Preview(t.Context(), optpreview.PolicyPacks(packDir), optpreview.ProgressStreams(&out),
				optpreview.ErrorProgressStreams(&out))
			if (err != nil) != c.wantFail {
				t.Errorf("preview error %v, want failure %v", err, c.wantFail)
			}
			text := out.String()
			if err != nil {
				text += err.Error()
			}
			for _, w := range c.want {
				if !strings.Contains(text, w) {
					t.Errorf("preview output lacks %q", w)
				}
			}
			for _, w := range c.dontWant {
				if strings.Contains(text, w) {
					t.Errorf("preview output has %q", w)
				}
			}
			if t.Failed() || os.Getenv("POLICY_E2E_SHOW") != "" {
				t.Logf("preview output:\n%s", text)
			}
		})
	}
}

// program has two runtimes in PUBLIC network mode (SR-AC-10): one with a plaintext token in its
// environment (SR-AC-3), one with an input unknown during preview (the project's ARN).
func program(ctx *pulumi.Context) error {
	prov, err := bidopsai.NewProvider(ctx, "bidopsai-us-east-1", &bidopsai.ProviderArgs{Region: pulumi.String("us-east-1")})
	if err != nil {
		return err
	}
	project, err := bidopsai.NewDataAutomationProject(ctx, "parser", &bidopsai.DataAutomationProjectArgs{
		ProjectName: pulumi.String("policy-e2e-parser")}, pulumi.Provider(prov))
	if err != nil {
		return err
	}
	for name, env := range map[string]pulumi.StringMap{
		"agent": {"PROJECT_ARN": project.ProjectArn},         // unknown during preview
		"leaky": {"API_TOKEN": pulumi.String("plain-value")}, // SR-AC-3
	} {
		_, err = bidopsai.NewAgentRuntime(ctx, name, &bidopsai.AgentRuntimeArgs{
			AgentRuntimeName:     pulumi.String("policy_e2e_" + name),
			ContainerUri:         pulumi.String("123456789012.dkr.ecr.us-east-1.amazonaws.com/agent@sha256:" + strings.Repeat("a", 64)),
			RoleArn:              pulumi.String("arn:aws:iam::123456789012:role/agent"),
			NetworkMode:          pulumi.String("PUBLIC"),
			EnvironmentVariables: env,
		}, pulumi.Provider(prov))
		if err != nil {
			return err
		}
	}
	return nil
}
