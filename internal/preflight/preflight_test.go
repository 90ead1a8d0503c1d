package preflight

import (
	"errors"
	"io/fs"
	"strings"
	"testing"
)

// machine is a fake machine: files on "PATH", program outputs, environment, stack files.
type machine struct {
	path  map[string]string // name or full path -> resolved path
	runs  map[string]string // "name args..." -> stdout; missing: the program fails
	env   map[string]string
	files map[string]string
	creds error
}

func (m machine) LookPath(name string) (string, error) {
	if p, ok := m.path[name]; ok {
		return p, nil
	}
	return "", errors.New("not found")
}

func (m machine) Run(name string, args ...string) (string, error) {
	out, ok := m.runs[strings.Join(append([]string{name}, args...), " ")]
	if !ok {
		return "", errors.New("exit status 1")
	}
	return out, nil
}

func (m machine) Getenv(k string) string { return m.env[k] }

func (m machine) ReadFile(p string) ([]byte, error) {
	if s, ok := m.files[p]; ok {
		return []byte(s), nil
	}
	return nil, fs.ErrNotExist
}

func (m machine) AWSCredentials() (string, error) {
	if m.creds != nil {
		return "", m.creds
	}
	return "EnvConfigCredentials", nil
}

// ready is a machine that has everything a passphrase-protected dev stack needs for up.
func ready() machine {
	return machine{
		path: map[string]string{
			"pulumi": "/opt/pulumi/pulumi", "/opt/pulumi/pulumi-language-go": "/opt/pulumi/pulumi-language-go",
			"docker": "/usr/bin/docker",
		},
		runs: map[string]string{
			"/opt/pulumi/pulumi version":                  "v3.260.1\n",
			"docker version --format {{.Server.Version}}": "28.2.2",
			"docker buildx inspect --bootstrap":           "Platforms: linux/amd64, linux/arm64\n",
		},
		env:   map[string]string{"PULUMI_CONFIG_PASSPHRASE": "x"},
		files: map[string]string{"repo/Pulumi.dev.yaml": "encryptionsalt: v1:abc\nconfig:\n  aws:region: us-east-1\n"},
	}
}

func run(m machine, purpose Purpose) map[string]Check {
	out := map[string]Check{}
	for _, c := range Run(m, Options{Stack: "dev", RepoDir: "repo", Purpose: purpose, MinPulumi: "3.252.0"}) {
		out[c.Name] = c
	}
	return out
}

func TestReadyMachinePassesEveryCheck(t *testing.T) {
	for name, c := range run(ready(), Up) {
		if !c.OK {
			t.Errorf("%s failed on a ready machine: %s", name, c.Detail)
		}
	}
}

func TestEachMissingThingIsNamedWithItsFix(t *testing.T) {
	cases := []struct {
		name, check, fix string
		breakIt          func(*machine)
	}{
		{"no_cli", "Pulumi CLI", "install a released Pulumi CLI", func(m *machine) { delete(m.path, "pulumi") }},
		{"old_cli", "Pulumi CLI", "upgrade", func(m *machine) { m.runs["/opt/pulumi/pulumi version"] = "v3.200.0" }},
		{"cli_without_language_host", "Go language host", "make tools", func(m *machine) {
			delete(m.path, "/opt/pulumi/pulumi-language-go")
		}},
		{"standin_on_path", "real provider plugins", "remove /work/build/e2e-plugins from PATH", func(m *machine) {
			m.env["PATH"] = "/opt/pulumi:/work/build/e2e-plugins:/usr/bin"
			m.path["/work/build/e2e-plugins/"+StandinMarker] = "/work/build/e2e-plugins/" + StandinMarker
		}},
		{"no_stack_file", "stack dev", "copy a committed stack file", func(m *machine) { delete(m.files, "repo/Pulumi.dev.yaml") }},
		{"no_secrets_provider", "stack dev", "pulumi stack init dev --secrets-provider", func(m *machine) {
			m.files["repo/Pulumi.dev.yaml"] = "config:\n  aws:region: us-east-1\n"
		}},
		{"no_passphrase", "secrets passphrase", "PULUMI_CONFIG_PASSPHRASE", func(m *machine) { delete(m.env, "PULUMI_CONFIG_PASSPHRASE") }},
		{"no_docker_engine", "Docker buildx arm64", "install Docker", func(m *machine) {
			delete(m.runs, "docker version --format {{.Server.Version}}")
		}},
		{"no_arm64_builder", "Docker buildx arm64", "binfmt", func(m *machine) {
			m.runs["docker buildx inspect --bootstrap"] = "Platforms: linux/amd64\n"
		}},
		{"no_aws_credentials", "AWS credentials", "aws sso login", func(m *machine) { m.creds = errors.New("no EC2 IMDS role found") }},
	}
	// Checks that cannot pass either, for the same reason: no CLI, no language host beside it.
	alsoFails := map[string]string{"no_cli": "Go language host"}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			m := ready()
			tc.breakIt(&m)
			checks := run(m, Up)
			c := checks[tc.check]
			if c.OK {
				t.Fatalf("%s passed; want it to fail", tc.check)
			}
			if !strings.Contains(c.Fix, tc.fix) {
				t.Errorf("fix %q does not contain %q", c.Fix, tc.fix)
			}
			for name, other := range checks {
				if name != tc.check && name != alsoFails[tc.name] && !other.OK {
					t.Errorf("%s failed too (%s): one missing thing must fail one check", name, other.Detail)
				}
			}
		})
	}
}

func TestPreviewNeedsNoDocker(t *testing.T) {
	m := ready()
	delete(m.path, "docker")
	if c, ok := run(m, Preview)["Docker buildx arm64"]; ok {
		t.Errorf("preview checked Docker (%s); images are built on up only", c.Detail)
	}
	if c := run(m, Up)["Docker buildx arm64"]; c.OK {
		t.Error("up passed without docker")
	}
}

func TestSecretsProviderOtherThanPassphraseNeedsNoPassphrase(t *testing.T) {
	m := ready()
	delete(m.env, "PULUMI_CONFIG_PASSPHRASE")
	m.files["repo/Pulumi.dev.yaml"] = "secretsprovider: awskms://alias/bidopsai\nencryptedkey: abc\nconfig: {}\n"
	if c := run(m, Preview)["secrets passphrase"]; !c.OK {
		t.Errorf("a KMS-protected stack asked for a passphrase: %s", c.Detail)
	}
}

func TestReportListsEveryFailureAndReturnsFalse(t *testing.T) {
	var b strings.Builder
	ok := Report(&b, []Check{{Name: "a", OK: true, Detail: "fine"}, {Name: "b", Detail: "gone", Fix: "get it"}})
	if ok || !strings.Contains(b.String(), "MISSING  b") || !strings.Contains(b.String(), "fix: get it") {
		t.Errorf("report = %t\n%s", ok, b.String())
	}
}
