//go:build e2e

package e2e

import (
	"bufio"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/pulumi/pulumi/sdk/v3/go/auto"

	"github.com/bidopsai/bidopsai-infra/internal/fakeaws"
	"github.com/bidopsai/bidopsai-infra/internal/preflight"
	"github.com/bidopsai/bidopsai-infra/internal/stack"
)

// The whole program (internal/stack.Program, what main.go runs) through the real engine, with the
// repository's own Pulumi.yaml and stack files in a temporary copy: the CLI reads and validates
// them exactly as `pulumi preview` does. The aws, docker and random plugins are the
// stand-ins of e2e/standin (make e2e-plugins); the bidopsai provider runs against the fake AWS.

const (
	pluginsEnv     = "E2E_PLUGINS"
	standinDirEnv  = "BIDOPSAI_STANDIN_DIR"
	standinLatency = "BIDOPSAI_STANDIN_LATENCY"
	realProject    = "bidopsai"
)

// projectOptions adjust one whole-program stack.
type projectOptions struct {
	// from names the committed stack file to copy; the stack is named stackName in the copy.
	from string
	// latency is the stand-ins' per-type latency (BIDOPSAI_STANDIN_LATENCY); empty: none.
	latency string
}

// projectEnv is env plus what the whole program needs: the repository copy and the stand-ins'
// directory (their call log and the resources they hold).
type projectEnv struct {
	*env
	repo, standins, state string
}

// repoRoot is the repository root (the e2e package runs in e2e/).
func repoRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatalf("locating the repository root: %v", err)
	}
	return root
}

// standinDir is where make e2e-plugins put the stand-ins; they are never on the user's PATH.
func standinDir(t *testing.T) string {
	t.Helper()
	dir := os.Getenv(pluginsEnv)
	if dir == "" {
		dir = filepath.Join(repoRoot(t), "build", "e2e-plugins")
	}
	if _, err := os.Stat(filepath.Join(dir, preflight.StandinMarker)); err != nil {
		t.Fatalf("stand-in plugins missing: %v (run `make e2e-plugins`, or `make e2e` which builds them)", err)
	}
	return dir
}

// copyProject lays out what `pulumi preview` reads in a fresh directory: Pulumi.yaml, the stack
// file (renamed to stackName), bin/ with the provider binary (Pulumi.yaml's plugin path), and the
// agents' build contexts.
func copyProject(t *testing.T, dst, from, stackName string) {
	t.Helper()
	root := repoRoot(t)
	copyFile(t, filepath.Join(root, "Pulumi.yaml"), filepath.Join(dst, "Pulumi.yaml"))
	copyFile(t, filepath.Join(root, "Pulumi."+from+".yaml"), filepath.Join(dst, "Pulumi."+stackName+".yaml"))
	if stackName != from {
		personalise(t, filepath.Join(dst, "Pulumi."+stackName+".yaml"), from, stackName)
	}
	if err := os.MkdirAll(filepath.Join(dst, "bin"), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(root, "bin", providerBinary), filepath.Join(dst, "bin", providerBinary)); err != nil {
		t.Fatal(err)
	}
	// The agents' build contexts must lie inside the project (a link out of it is refused).
	sample := filepath.Join("agents", "sample")
	if err := os.CopyFS(filepath.Join(dst, sample), os.DirFS(filepath.Join(root, sample))); err != nil {
		t.Fatal(err)
	}
}

// personalise makes a copied stack file a personal stack's, as the README's runbook says: its
// own stack tag and hosted-UI domain (the program refuses a copy that still names its origin).
func personalise(t *testing.T, path, from, stackName string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Replace(string(b), "      stack: "+from+"\n", "      stack: "+stackName+"\n", 1)
	text = strings.Replace(text, "domainPrefix: bidopsai-"+from+"\n", "domainPrefix: bidopsai-"+stackName+"\n", 1)
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
}

func copyFile(t *testing.T, src, dst string) {
	t.Helper()
	in, err := os.Open(src)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
}

// newProjectEnv creates stack stackName of the real project, from the committed stack file.
func newProjectEnv(t *testing.T, stackName string, o projectOptions) *projectEnv {
	t.Helper()
	tl := findTools(t)
	plugins := standinDir(t)
	if o.from == "" {
		o.from = stackName
	}
	e := &env{fake: fakeaws.New(fakeaws.Options{Region: region, Account: account})}
	t.Cleanup(e.fake.Close)
	e.quickScripts(t)
	dir := t.TempDir()
	p := &projectEnv{env: e, repo: filepath.Join(dir, "repo"), standins: filepath.Join(dir, "standins"),
		state: filepath.Join(dir, "state")}
	for _, d := range []string{p.repo, p.standins, p.state, filepath.Join(dir, "home"), filepath.Join(dir, "aws")} {
		if err := os.MkdirAll(d, 0o700); err != nil {
			t.Fatal(err)
		}
	}
	copyProject(t, p.repo, o.from, stackName)
	vars := e.environment(filepath.Join(dir, "aws"))
	vars["PULUMI_BACKEND_URL"] = "file://" + p.state
	vars["PATH"] = plugins + string(os.PathListSeparator) + os.Getenv("PATH")
	vars[standinDirEnv] = p.standins
	vars[standinLatency] = o.latency
	// No auto.Project: the CLI reads the copy's own Pulumi.yaml and Pulumi.<stack>.yaml.
	st, err := auto.UpsertStackInlineSource(t.Context(), stackName, realProject, stack.Program,
		auto.Pulumi(tl.pulumi), auto.WorkDir(p.repo), auto.PulumiHome(filepath.Join(dir, "home")),
		auto.SecretsProvider("passphrase"), auto.EnvVars(vars))
	if err != nil {
		t.Fatalf("creating stack %s: %v", stackName, err)
	}
	e.stack = st
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("pulumi output of stack %s:\n%s", stackName, e.output())
		}
	})
	return p
}

// standinCall is one line of the stand-ins' call log (e2e/standin).
type standinCall struct {
	Method   string         `json:"method"`
	URN      string         `json:"urn"`
	Type     string         `json:"type"`
	Inputs   map[string]any `json:"inputs"`
	Changed  []string       `json:"changed"`
	Replaced []string       `json:"replaced"`
	Token    string         `json:"token"`
	At       time.Time      `json:"at"`
	Start    time.Time      `json:"start"`
	End      time.Time      `json:"end"`
}

// calls reads the stand-ins' call log; the raw text comes back too, for secret scans.
func (p *projectEnv) calls(t *testing.T) ([]standinCall, string) {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(p.standins, "calls.jsonl"))
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	var out []standinCall
	sc := bufio.NewScanner(strings.NewReader(string(raw)))
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for sc.Scan() {
		var c standinCall
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			t.Fatalf("stand-in call log: %v", err)
		}
		out = append(out, c)
	}
	return out, string(raw)
}

// live lists the URNs of the resources the stand-ins still hold.
func (p *projectEnv) live(t *testing.T) []string {
	t.Helper()
	entries, err := os.ReadDir(filepath.Join(p.standins, "live"))
	if err != nil {
		t.Fatal(err)
	}
	var urns []string
	for _, en := range entries {
		b, err := os.ReadFile(filepath.Join(p.standins, "live", en.Name()))
		if err != nil {
			t.Fatal(err)
		}
		var l struct {
			URN string `json:"urn"`
		}
		if err := json.Unmarshal(b, &l); err != nil {
			t.Fatal(err)
		}
		urns = append(urns, l.URN)
	}
	slices.Sort(urns)
	return urns
}

// stateFiles returns every file the file backend wrote (state, backups, history), by path.
func (p *projectEnv) stateFiles(t *testing.T) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(p.state, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(path)
		files[path] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// stackFile is the stack's Pulumi.<stack>.yaml as the CLI left it.
func (p *projectEnv) stackFile(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(p.repo, "Pulumi."+p.stack.Name()+".yaml"))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// setSecret sets a config key as a Pulumi secret, as `pulumi config set --secret` does.
func (p *projectEnv) setSecret(t *testing.T, key, value string) {
	t.Helper()
	if err := p.stack.SetConfig(t.Context(), key, auto.ConfigValue{Value: value, Secret: true}); err != nil {
		t.Fatalf("setting %s: %v", key, err)
	}
}
