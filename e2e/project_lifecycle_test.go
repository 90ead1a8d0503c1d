//go:build e2e

package e2e

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
)

// TestDevThroughTheEngine deploys the committed dev stack from empty, runs it again, bumps one
// agent's version and destroys it; each step starts from the state the previous one left.
func TestDevThroughTheEngine(t *testing.T) {
	t.Parallel()
	p := newProjectEnv(t, "dev", projectOptions{})
	steps := []struct {
		name string
		run  func(*testing.T, *projectEnv)
	}{
		{"up_from_empty_creates_the_plan", upCreatesThePlan},
		{"components_register_their_tagged_outputs", componentsRegisterTheirTaggedOutputs},
		{"second_up_changes_nothing", secondUpChangesNothing},
		{"version_bump_updates_only_that_agent", versionBumpUpdatesOnlyThatAgent},
		{"destroy_leaves_nothing", destroyLeavesNothingAnywhere},
	}
	for _, s := range steps {
		if !t.Run(s.name, func(t *testing.T) { s.run(t, p) }) {
			return
		}
	}
}

func upCreatesThePlan(t *testing.T, p *projectEnv) {
	mustSucceed(t, "up", p.up(t))
	var want []string
	for _, r := range planResources(t, p, "dev") {
		if !strings.HasPrefix(r.Type, "pulumi:providers:") {
			want = append(want, r.URN)
		}
	}
	if got := stateURNs(t, p); !slices.Equal(got, want) {
		t.Errorf("state after up:\n%s\nwant the plan's:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// Everything the stand-ins created is in the state; runtimes and the project are in the fake.
	for _, urn := range p.live(t) {
		if !slices.Contains(want, urn) {
			t.Errorf("the stand-ins hold %s, which is not in the plan", urn)
		}
	}
	if n := len(p.fake.Runtimes()); n != 2 {
		t.Errorf("the fake holds %d runtimes, want 2", n)
	}
	if n := len(p.fake.Projects()); n != 1 {
		t.Errorf("the fake holds %d Data Automation projects, want 1", n)
	}
}

func secondUpChangesNothing(t *testing.T, p *projectEnv) {
	before, _ := p.calls(t)
	mark := p.mark()
	r := mustSucceed(t, "second up", p.up(t))
	if ch := changedResources(r); len(ch) > 0 {
		t.Errorf("a second up changed:\n%s", strings.Join(ch, "\n"))
	}
	after, _ := p.calls(t)
	if slices.ContainsFunc(after[len(before):], isMutating) {
		t.Errorf("a second up made mutating stand-in calls: %+v", after[len(before):])
	}
	if m := mutating(mark()); len(m) > 0 {
		t.Errorf("a second up made mutating calls to the fake: %+v", m)
	}
}

// versionBumpUpdatesOnlyThatAgent is what `make bump AGENT=workflow` then `make up` does.
func versionBumpUpdatesOnlyThatAgent(t *testing.T, p *projectEnv) {
	p.setPath(t, "bidopsai:agents.workflow.version", "1.0.1")
	r := mustSucceed(t, "up after the bump", p.up(t))
	changed := changedResources(r)
	var imageUpdated, runtimeUpdated bool
	for _, c := range changed {
		op, urn, _ := strings.Cut(c, " ")
		name, typ := resource.URN(urn).Name(), string(resource.URN(urn).Type())
		if op != "update" {
			t.Errorf("a version bump must only update, got %s", c)
		}
		if strings.Contains(name, "assistant") {
			t.Errorf("the other agent changed: %s", c)
		}
		if slices.Contains(dataTypes, typ) {
			t.Errorf("a resource holding data changed: %s", c)
		}
		imageUpdated = imageUpdated || (typ == "docker:index/image:Image" && strings.Contains(name, "workflow"))
		runtimeUpdated = runtimeUpdated || (typ == runtimeType && strings.Contains(name, "workflow"))
	}
	if !imageUpdated || !runtimeUpdated {
		t.Errorf("the bump must update the workflow image and runtime; changed:\n%s", strings.Join(changed, "\n"))
	}
	t.Logf("a version bump changed:\n%s", strings.Join(changed, "\n"))
}

// dataTypes hold data a version bump must never touch.
var dataTypes = []string{
	"aws:s3/bucketV2:BucketV2", "aws:ecr/repository:Repository", "aws:secretsmanager/secret:Secret",
	"aws:secretsmanager/secretVersion:SecretVersion", "aws:cloudwatch/logGroup:LogGroup",
	"aws:cognito/userPool:UserPool", "aws:kms/key:Key", "random:index/randomPassword:RandomPassword",
}

func destroyLeavesNothingAnywhere(t *testing.T, p *projectEnv) {
	mustSucceed(t, "destroy", p.destroy(t))
	if urns := stateURNs(t, p); len(urns) > 0 {
		t.Errorf("state after destroy still holds:\n%s", strings.Join(urns, "\n"))
	}
	if urns := p.live(t); len(urns) > 0 {
		t.Errorf("the stand-ins still hold after destroy:\n%s", strings.Join(urns, "\n"))
	}
	if n, m := len(p.fake.Runtimes()), len(p.fake.Projects()); n+m > 0 {
		t.Errorf("the fake still holds %d runtimes and %d projects after destroy", n, m)
	}
}

// TestSecretsNeverInTheClear sets the four secrets as Pulumi secrets, deploys, and looks for their
// values in the state file, the engine's output and the stand-ins' call log.
func TestSecretsNeverInTheClear(t *testing.T) {
	t.Parallel()
	p := newProjectEnv(t, "dev", projectOptions{})
	// needle is the most sensitive part of each value: what must never be seen in the clear.
	secrets := []struct{ key, value, needle string }{
		{"bidopsai:databasePassword", "e2e-db-password-0123456789", "e2e-db-password-0123456789"},
		{"bidopsai:slackCredentials", `{"bot_token":"e2e-slack-bot-7","signing_secret":"e2e-slack-signing-7","app_token":"e2e-slack-app-7","workspace_id":"T0E2E"}`, "e2e-slack-signing-7"},
		{"bidopsai:langfuseCredentials", `{"public_key":"pk-lf-e2e","secret_key":"sk-lf-e2e-7","host":"https://langfuse.example.com"}`, "sk-lf-e2e-7"},
		{"bidopsai:integrationAwsCredentials", `{"aws_access_key_id":"AKIAE2E0000000000007","aws_secret_access_key":"e2e-secret-access-key-7","aws_region":"us-east-1"}`, "e2e-secret-access-key-7"},
	}
	for _, s := range secrets {
		p.setSecret(t, s.key, s.value)
	}
	mustSucceed(t, "up with secrets", p.up(t))
	files := p.stateFiles(t)
	if len(files) == 0 {
		t.Fatal("the file backend wrote no state")
	}
	calls, log := p.calls(t)
	for _, s := range secrets {
		for path, text := range files {
			if strings.Contains(text, s.needle) {
				t.Errorf("%s's value is in plaintext in the state backend's %s", s.key, path)
			}
		}
		if stack := p.stackFile(t); strings.Contains(stack, s.needle) {
			t.Errorf("%s's value is in plaintext in the stack file", s.key)
		}
		if strings.Contains(p.output(), s.needle) {
			t.Errorf("%s's value is in the engine's output", s.key)
		}
		// Only the secret versions that store it may see it (they must, to write it to AWS).
		for _, c := range calls {
			if c.Type == "aws:secretsmanager/secretVersion:SecretVersion" && (c.Method == "Create" || c.Method == "Update") {
				continue
			}
			if line, _ := json.Marshal(c); strings.Contains(string(line), s.needle) {
				t.Errorf("%s's value reached the stand-ins in %s %s", s.key, c.Method, c.URN)
			}
		}
		if !strings.Contains(log, s.needle) {
			t.Errorf("%s's value never reached a secret version: it was not stored at all", s.key)
		}
	}
}

// TestProdDestroyIsRefusedByProtect deploys prod, then shows that destroy stops at the first
// protected resource with the fix in the message, and that once unprotected (the explicit,
// deliberate step) destroy leaves exactly the retain-on-delete resources of the plan behind.
func TestProdDestroyIsRefusedByProtect(t *testing.T) {
	t.Parallel()
	p := newProjectEnv(t, "prod", projectOptions{})
	mustSucceed(t, "up prod", p.up(t))
	r := p.destroy(t)
	if r.err == nil {
		t.Fatal("destroy of prod succeeded; protected resources must refuse it")
	}
	if msg := r.err.Error() + p.output(); !strings.Contains(msg, "protected") || !strings.Contains(msg, "unprotect") {
		t.Errorf("the refusal does not say what is protected and what to do:\n%s", msg)
	}
	if len(p.live(t)) == 0 {
		t.Fatal("the refused destroy deleted everything")
	}
	var retained []string
	for _, pr := range planResources(t, p, "prod") {
		if pr.RetainOnDelete && !strings.HasPrefix(pr.Type, "bidopsai:index:") && pr.Type != runtimeType {
			retained = append(retained, pr.URN)
		}
	}
	var env []string
	for k, v := range p.stack.Workspace().GetEnvVars() {
		env = append(env, k+"="+v)
	}
	cmd := p.stack.Workspace().PulumiCommand()
	if _, stderr, _, err := cmd.Run(t.Context(), p.repo, nil, nil, nil, env,
		"state", "unprotect", "--all", "--yes", "--stack", "prod"); err != nil {
		t.Fatalf("pulumi state unprotect --all: %v\n%s", err, stderr)
	}
	mustSucceed(t, "destroy after unprotect", p.destroy(t))
	if got := p.live(t); !slices.Equal(got, retained) {
		t.Errorf("left behind after destroy:\n%s\nwant exactly the plan's retain-on-delete resources:\n%s",
			strings.Join(got, "\n"), strings.Join(retained, "\n"))
	}
}
