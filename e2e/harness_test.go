//go:build e2e

// Package e2e runs the real Pulumi engine (bin/pulumi) with the bidopsai provider binary
// against the fake AWS control plane, through Automation API inline programs: create, no-op,
// update, failed operations, drift and destroy. Run it with `make e2e`.
package e2e

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	sdk "github.com/pulumi/pulumi/sdk/v3"
	"github.com/pulumi/pulumi/sdk/v3/go/auto"
	"github.com/pulumi/pulumi/sdk/v3/go/common/tokens"
	"github.com/pulumi/pulumi/sdk/v3/go/common/workspace"

	"github.com/bidopsai/bidopsai-infra/internal/fakeaws"
)

const (
	projectName    = "bidopsai-e2e"
	providerBinary = "pulumi-resource-bidopsai"
	// passphrase protects only throw-away state in a temporary directory.
	passphrase = "bidopsai-e2e-passphrase"
)

// tools are the Pulumi CLI and the directory holding the provider binary.
type tools struct {
	pulumi    auto.PulumiCommand
	pluginDir string
}

// findTools locates bin/pulumi and bin/pulumi-resource-bidopsai at the repository root. A
// missing CLI skips the test unless E2E_REQUIRE is set (as `make e2e` does); anything else
// missing fails it.
func findTools(t *testing.T) tools {
	t.Helper()
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatalf("locating the repository root: %v", err)
	}
	bin := filepath.Join(root, "bin")
	if _, err := os.Stat(filepath.Join(bin, "pulumi")); err != nil {
		if os.Getenv("E2E_REQUIRE") == "" {
			t.Skipf("skipping end-to-end tests: %s/pulumi is missing; `make e2e` builds it (make tools) and runs them", bin)
		}
		t.Fatalf("E2E_REQUIRE is set but the Pulumi CLI is missing: %v (run `make tools`)", err)
	}
	if _, err := exec.LookPath(filepath.Join(bin, providerBinary)); err != nil {
		t.Fatalf("the provider binary is missing: %v (run `make provider`, or `make e2e` which builds it)", err)
	}
	// Root makes the SDK run <root>/bin/pulumi; Version refuses a CLI older than this SDK.
	cmd, err := auto.NewPulumiCommand(&auto.PulumiCommandOptions{Root: root, Version: sdk.Version})
	if err != nil {
		t.Fatalf("using %s/pulumi: %v", bin, err)
	}
	return tools{pulumi: cmd, pluginDir: bin}
}

// env is one stack with its own fake control plane, file backend and Pulumi home, so stacks
// in parallel tests share nothing.
type env struct {
	fake  *fakeaws.Server
	stack auto.Stack

	mu  sync.Mutex
	log bytes.Buffer // the CLI's output of every operation, shown when the test fails
}

// newEnv starts a fake with quick scripts and creates the stack with the inline program.
func newEnv(t *testing.T, stackName string) *env {
	t.Helper()
	tl := findTools(t)
	e := &env{fake: fakeaws.New(fakeaws.Options{Region: region, Account: account})}
	t.Cleanup(e.fake.Close)
	e.quickScripts(t)
	dir := t.TempDir()
	mkdir := func(name string) string {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(p, 0o700); err != nil {
			t.Fatalf("creating %s: %v", p, err)
		}
		return p
	}
	proj := workspace.Project{
		Name:    tokens.PackageName(projectName),
		Runtime: workspace.NewProjectRuntimeInfo("go", nil),
		Backend: &workspace.ProjectBackend{URL: "file://" + mkdir("state")},
		Plugins: &workspace.Plugins{Providers: []workspace.PluginOptions{{Name: "bidopsai", Path: tl.pluginDir}}},
	}
	stack, err := auto.UpsertStackInlineSource(t.Context(), stackName, projectName, program,
		auto.Pulumi(tl.pulumi), auto.Project(proj), auto.WorkDir(mkdir("work")), auto.PulumiHome(mkdir("home")),
		auto.SecretsProvider("passphrase"), auto.EnvVars(e.environment(mkdir("aws"))))
	if err != nil {
		t.Fatalf("creating stack %s: %v", stackName, err)
	}
	e.stack = stack
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("pulumi output of stack %s:\n%s", stackName, e.output())
		}
	})
	return e
}

// environment is what the CLI, and through it the provider binary, runs with: offline
// Pulumi settings, and the fake's endpoints and credentials with no shared AWS files.
func (e *env) environment(awsDir string) map[string]string {
	vars := map[string]string{
		"PULUMI_CONFIG_PASSPHRASE":                    passphrase,
		"PULUMI_SKIP_UPDATE_CHECK":                    "true",
		"PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION": "true",
		// A developer's AWS profile must not reach the provider: empty files, no profile.
		"AWS_CONFIG_FILE":             filepath.Join(awsDir, "config"),
		"AWS_SHARED_CREDENTIALS_FILE": filepath.Join(awsDir, "credentials"),
		"AWS_PROFILE":                 "",
		"AWS_SESSION_TOKEN":           "",
	}
	for _, kv := range e.fake.Env() {
		k, v, _ := strings.Cut(kv, "=")
		vars[k] = v
	}
	return vars
}

// quickScripts end creates and deletes at the first read and updates at the second, so an
// update is seen UPDATING before READY while every wait stays about a second long.
func (e *env) quickScripts(t *testing.T) {
	t.Helper()
	e.script(t, fakeaws.KindRuntime, fakeaws.PhaseCreate, fakeaws.Script{AfterGets: 1})
	e.script(t, fakeaws.KindRuntime, fakeaws.PhaseUpdate, fakeaws.Script{AfterGets: 2})
	e.script(t, fakeaws.KindRuntime, fakeaws.PhaseDelete, fakeaws.Script{AfterGets: 1})
	e.script(t, fakeaws.KindProject, fakeaws.PhaseCreate, fakeaws.Script{AfterGets: 1})
	e.script(t, fakeaws.KindProject, fakeaws.PhaseUpdate, fakeaws.Script{AfterGets: 1})
	e.script(t, fakeaws.KindProject, fakeaws.PhaseDelete, fakeaws.Script{AfterGets: 1})
}

func (e *env) script(t *testing.T, kind fakeaws.Kind, phase fakeaws.Phase, sc fakeaws.Script) {
	t.Helper()
	if err := e.fake.SetScript(kind, phase, sc); err != nil {
		t.Fatalf("scripting the fake: %v", err)
	}
}

// Write collects the CLI's progress output.
func (e *env) Write(p []byte) (int, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.log.Write(p)
}

func (e *env) output() string {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.log.String()
}
