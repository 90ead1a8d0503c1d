// Package preflight checks, before `make preview` / `make up` start the Pulumi CLI, that the
// machine has what a real deployment needs, and says how to fix each thing that is missing.
package preflight

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"
)

// Purpose is what the checks are for: a preview needs no Docker (images are built on up only).
type Purpose string

// The purposes: `make preview` and `make up` (and deploy-agent).
const (
	Preview Purpose = "preview"
	Up      Purpose = "up"
)

// Machine is what the checks look at; tests give a fake one.
type Machine interface {
	// LookPath finds a program on PATH (a name) or checks that a path is an executable.
	LookPath(name string) (string, error)
	// Run runs a program and returns its standard output (and an error when it fails).
	Run(name string, args ...string) (string, error)
	// Getenv reads an environment variable.
	Getenv(key string) string
	// ReadFile reads a file.
	ReadFile(path string) ([]byte, error)
	// AWSCredentials resolves credentials the way the AWS SDK does; it returns their source.
	AWSCredentials() (string, error)
}

// Check is one result: what was checked, whether it passed, and the fix when it did not.
type Check struct {
	Name   string
	OK     bool
	Detail string
	Fix    string
}

// Options are the stack and repository the checks are for.
type Options struct {
	Stack   string
	RepoDir string
	Purpose Purpose
	// MinPulumi is the oldest CLI that serves this program's SDK (e.g. "3.252.0").
	MinPulumi string
}

// Run performs every check (it does not stop at the first failure) and returns them in order.
func Run(m Machine, o Options) []Check {
	checks := []Check{pulumiCLI(m, o.MinPulumi), goLanguageHost(m), noStandins(m), stackFile(m, o), passphrase(m, o)}
	if o.Purpose == Up {
		checks = append(checks, docker(m))
	}
	return append(checks, awsCredentials(m))
}

// Report writes the checks and returns false when any failed.
func Report(w io.Writer, checks []Check) bool {
	ok := true
	var b strings.Builder
	for _, c := range checks {
		if c.OK {
			fmt.Fprintf(&b, "  ok       %-22s %s\n", c.Name, c.Detail)
			continue
		}
		ok = false
		fmt.Fprintf(&b, "  MISSING  %-22s %s\n           fix: %s\n", c.Name, c.Detail, c.Fix)
	}
	_, _ = io.WriteString(w, b.String())
	return ok
}

func pulumiCLI(m Machine, minVersion string) Check {
	c := Check{Name: "Pulumi CLI", Fix: "install a released Pulumi CLI v" + minVersion +
		" or later (it ships the Go language host): see the README, \"Deploying for real\""}
	path, err := m.LookPath("pulumi")
	if err != nil {
		c.Detail = "pulumi is not on PATH"
		return c
	}
	out, err := m.Run(path, "version")
	v := strings.TrimPrefix(strings.TrimSpace(out), "v")
	if err != nil || v == "" {
		c.Detail = path + " does not report a version"
		return c
	}
	if olderThan(v, minVersion) {
		c.Detail = fmt.Sprintf("%s is v%s, older than the SDK this program uses (v%s)", path, v, minVersion)
		c.Fix = "upgrade the Pulumi CLI to v" + minVersion + " or later"
		return c
	}
	c.OK, c.Detail = true, "v"+v+" at "+path
	return c
}

// goLanguageHost: `runtime: go` needs pulumi-language-go, beside the CLI or on PATH. The CLI
// that `make tools` builds for the offline tests has none, so it cannot deploy.
func goLanguageHost(m Machine) Check {
	c := Check{Name: "Go language host", Fix: "install a released Pulumi CLI (its archive holds pulumi-language-go " +
		"beside pulumi); the CLI `make tools` builds into bin/ is for the offline tests and has none"}
	if cli, err := m.LookPath("pulumi"); err == nil {
		beside := filepath.Join(filepath.Dir(cli), "pulumi-language-go")
		if _, err := m.LookPath(beside); err == nil {
			c.OK, c.Detail = true, beside
			return c
		}
	}
	if p, err := m.LookPath("pulumi-language-go"); err == nil {
		c.OK, c.Detail = true, p
		return c
	}
	c.Detail = "pulumi-language-go is neither beside pulumi nor on PATH"
	return c
}

// StandinMarker is the binary `make e2e-plugins` puts beside the test stand-ins of the provider
// plugins (e2e/standin): a PATH directory that holds it holds stand-ins.
const StandinMarker = "pulumi-resource-standin"

// noStandins: the e2e stand-ins answer with made-up outputs; a real deploy must never use them.
func noStandins(m Machine) Check {
	c := Check{Name: "real provider plugins", OK: true, Detail: "no test stand-in on PATH"}
	for _, dir := range filepath.SplitList(m.Getenv("PATH")) {
		if _, err := m.LookPath(filepath.Join(dir, StandinMarker)); err == nil {
			c.OK = false
			c.Detail = dir + " holds the test stand-ins of the provider plugins (e2e/standin)"
			c.Fix = "remove " + dir + " from PATH; the real plugins are downloaded by the Pulumi CLI"
			return c
		}
	}
	return c
}

// stackFile: the stack's file must exist and carry its secrets provider (written by
// `pulumi stack init`), committed so every machine opens the same secrets.
func stackFile(m Machine, o Options) Check {
	name := "Pulumi." + o.Stack + ".yaml"
	c := Check{Name: "stack " + o.Stack}
	raw, err := m.ReadFile(filepath.Join(o.RepoDir, name))
	if err != nil {
		c.Detail = name + " does not exist"
		c.Fix = "copy a committed stack file (e.g. Pulumi.dev.yaml) to " + name + " and edit its values"
		return c
	}
	if salt, provider := topLevelKey(raw, "encryptionsalt"), topLevelKey(raw, "secretsprovider"); salt == "" && provider == "" {
		c.Detail = name + " has no secrets provider (encryptionsalt or secretsprovider)"
		c.Fix = "pulumi stack init " + o.Stack + " --secrets-provider passphrase (or awskms://alias/<key>), " +
			"then commit the line it adds to " + name
		return c
	}
	c.OK, c.Detail = true, name+" with its secrets provider"
	return c
}

// passphrase: a passphrase-protected stack (encryptionsalt, no secretsprovider) needs it.
func passphrase(m Machine, o Options) Check {
	c := Check{Name: "secrets passphrase", OK: true, Detail: "not needed (no passphrase provider)"}
	raw, err := m.ReadFile(filepath.Join(o.RepoDir, "Pulumi."+o.Stack+".yaml"))
	if err != nil || topLevelKey(raw, "encryptionsalt") == "" || topLevelKey(raw, "secretsprovider") != "" {
		return c
	}
	if m.Getenv("PULUMI_CONFIG_PASSPHRASE") != "" || m.Getenv("PULUMI_CONFIG_PASSPHRASE_FILE") != "" {
		c.Detail = "set"
		return c
	}
	c.OK = false
	c.Detail = "the stack's secrets are passphrase-protected and no passphrase is set"
	c.Fix = "export PULUMI_CONFIG_PASSPHRASE (or PULUMI_CONFIG_PASSPHRASE_FILE) with the stack's passphrase"
	return c
}

// docker: `up` builds the agent images for linux/arm64 with buildx.
func docker(m Machine) Check {
	c := Check{Name: "Docker buildx arm64", Fix: "install Docker with the buildx plugin and start the engine; on an " +
		"amd64 machine also register QEMU for arm64 (docker run --privileged --rm tonistiigi/binfmt --install arm64); " +
		"or pin every agent to a pushed image with bidopsai:agents.<agent>.digest"}
	if _, err := m.LookPath("docker"); err != nil {
		c.Detail = "docker is not on PATH"
		return c
	}
	if _, err := m.Run("docker", "version", "--format", "{{.Server.Version}}"); err != nil {
		c.Detail = "the Docker engine does not answer (docker version)"
		return c
	}
	out, err := m.Run("docker", "buildx", "inspect", "--bootstrap")
	if err != nil {
		c.Detail = "docker buildx is not available"
		return c
	}
	if !strings.Contains(out, "linux/arm64") {
		c.Detail = "the buildx builder cannot build linux/arm64"
		return c
	}
	c.OK, c.Detail = true, "buildx builds linux/arm64"
	return c
}

func awsCredentials(m Machine) Check {
	c := Check{Name: "AWS credentials", Fix: "sign in to the target account: aws sso login --profile <p> and " +
		"export AWS_PROFILE=<p>, or export AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, or use OIDC in CI"}
	src, err := m.AWSCredentials()
	if err != nil {
		c.Detail = "none found: " + firstLine(err.Error())
		return c
	}
	c.OK, c.Detail = true, "from "+src
	return c
}

// topLevelKey returns the value of a top-level "key: value" line of a YAML file, or "".
func topLevelKey(raw []byte, key string) string {
	for _, line := range strings.Split(string(raw), "\n") {
		if v, ok := strings.CutPrefix(line, key+":"); ok {
			return strings.Trim(strings.TrimSpace(v), `"'`)
		}
	}
	return ""
}

// olderThan compares dotted versions numerically (a pre-release suffix is ignored).
func olderThan(v, minVersion string) bool {
	a, b := strings.Split(strings.SplitN(v, "-", 2)[0], "."), strings.Split(minVersion, ".")
	for i := 0; i < len(b); i++ {
		var x, y int
		if i < len(a) {
			_, _ = fmt.Sscanf(a[i], "%d", &x)
		}
		_, _ = fmt.Sscanf(b[i], "%d", &y)
		if x != y {
			return x < y
		}
	}
	return false
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}
