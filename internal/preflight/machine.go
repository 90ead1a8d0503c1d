package preflight

import (
	"context"
	"os"
	"os/exec"
	"time"

	awsconfig "github.com/aws/aws-sdk-go-v2/config"
)

// Local is the machine the command runs on.
type Local struct{}

var _ Machine = Local{}

// LookPath finds a program on PATH, or checks a path.
func (Local) LookPath(name string) (string, error) { return exec.LookPath(name) }

// Getenv reads an environment variable.
func (Local) Getenv(key string) string { return os.Getenv(key) }

// ReadFile reads a stack file of the repository.
func (Local) ReadFile(path string) ([]byte, error) {
	return os.ReadFile(path) //nolint:gosec // G304: the stack file the user named, checked before use
}

// Run gives each program 60 s: buildx may start its builder the first time.
func (Local) Run(name string, args ...string) (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	out, err := exec.CommandContext(ctx, name, args...).Output() //nolint:gosec // G204: fixed programs (pulumi, docker)
	return string(out), err
}

// AWSCredentials resolves credentials with the SDK's default chain (environment, shared
// files, SSO, web identity, container and instance roles), as the providers will.
func (Local) AWSCredentials() (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	cfg, err := awsconfig.LoadDefaultConfig(ctx)
	if err != nil {
		return "", err
	}
	creds, err := cfg.Credentials.Retrieve(ctx)
	if err != nil {
		return "", err
	}
	return creds.Source, nil
}
