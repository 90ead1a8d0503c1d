package plan

import "github.com/bidopsai/bidopsai-infra/internal/stackfile"

// Project is what the plan needs from Pulumi.yaml.
type Project = stackfile.Project

// StackConfig is a stack file's config as the program would receive it.
type StackConfig = stackfile.Config

// LoadProject reads Pulumi.yaml in dir.
func LoadProject(dir string) (*Project, error) { return stackfile.LoadProject(dir) }

// LoadStack merges Pulumi.yaml defaults with Pulumi.<stack>.yaml values, as the CLI does, and
// opens `secure:` values with the stack's passphrase.
func LoadStack(dir string, p *Project, stack string) (*StackConfig, error) {
	d := &decrypter{}
	return p.Load(dir, stack, d.decrypt)
}
