package stack

import (
	"fmt"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/bidopsai/bidopsai-infra/components/access"
	"github.com/bidopsai/bidopsai-infra/components/agentcore"
	"github.com/bidopsai/bidopsai-infra/components/budget"
	"github.com/bidopsai/bidopsai-infra/components/dataautomation"
	"github.com/bidopsai/bidopsai-infra/components/encryption"
	"github.com/bidopsai/bidopsai-infra/components/identity"
	"github.com/bidopsai/bidopsai-infra/components/network"
	"github.com/bidopsai/bidopsai-infra/components/observability"
	"github.com/bidopsai/bidopsai-infra/components/registry"
	"github.com/bidopsai/bidopsai-infra/components/settings"
	"github.com/bidopsai/bidopsai-infra/components/storage"
	"github.com/bidopsai/bidopsai-infra/internal/config"
	"github.com/bidopsai/bidopsai-infra/internal/naming"
	"github.com/bidopsai/bidopsai-infra/sdk/bidopsai"
)

// agent is one bidopsai:agents entry with the names derived from its id.
type agent struct {
	config.Agent
	naming.Names
}

// agentsOf derives each configured agent's names, in config order (sorted by id).
func agentsOf(c *config.Config) ([]agent, error) {
	out := make([]agent, 0, len(c.Agents))
	for _, a := range c.Agents {
		n, err := naming.ForAgent(c.Name, a.ID)
		if err != nil {
			return nil, fmt.Errorf("%sagents.%s: %w", config.Namespace+":", a.ID, err)
		}
		out = append(out, agent{a, n})
	}
	return out, nil
}

// tiers are the components built so far.
type tiers struct {
	key      *encryption.StackKey // nil without bidopsai:kms.customerManagedKey
	buckets  *storage.Buckets
	repos    map[string]*registry.Repository
	settings *settings.AgentSettings
	pool     *identity.UserPool
	parser   *dataautomation.DocumentParser
	vpc      *network.Network // nil in PUBLIC mode
	roles    *access.AgentRoles
	runtimes map[string]*agentcore.Runtime
	monitor  *observability.Monitoring
	budget   *budget.Budget
	provider *bidopsai.Provider
}

// keyArn is the stack key's ARN, or nil (AWS-managed keys) when the stack has none.
func (b *builder) keyArn() pulumi.StringInput {
	if b.key == nil {
		return nil
	}
	return b.key.KeyArn
}

func (b *builder) buildStorage() error {
	c := b.cfg
	args := c.Storage
	args.AccountID, args.Protect, args.ForceDestroy, args.KMSKeyArn = b.account, c.Protect, c.ForceDestroy, b.keyArn()
	s, err := storage.NewBuckets(b.ctx, b.prefix, &args)
	if err != nil {
		return err
	}
	b.buckets = s
	b.exportFrom("storage", s, "")
	b.export(map[string]pulumi.Input{"s3Region": pulumi.String(c.Region)})
	return nil
}

func (b *builder) buildRegistry() error {
	b.repos = map[string]*registry.Repository{}
	for _, a := range b.agents {
		args := b.cfg.ECR
		args.AccountID, args.ForceDelete, args.Protect, args.KMSKeyArn = b.account, b.cfg.ForceDestroy, b.cfg.Protect, b.keyArn()
		image := a.ImageArgs
		args.Image = &image
		r, err := registry.NewRepository(b.ctx, b.prefix+"-"+a.ID, &args)
		if err != nil {
			return err
		}
		b.repos[a.ID] = r
		b.exportFrom("registry", r, a.Output)
	}
	b.export(map[string]pulumi.Input{"ecrRegion": pulumi.String(b.cfg.Region)})
	return nil
}

func (b *builder) buildSettings() error {
	c := b.cfg
	args := c.Settings
	args.Stack, args.AccountID, args.Supervisors = c.Name, b.account, b.supervisors()
	args.SupervisorModelID, args.SubAgentModelID = c.Models.Supervisor, c.Models.SubAgent
	args.MetricsNamespace, args.LangfuseEnabled = config.MetricsNamespace, true
	args.DatabasePassword, args.DatabaseReadOnlyPassword = c.Secrets.DatabasePassword, c.Secrets.DatabaseReadOnlyPassword
	args.SlackCredentials, args.LangfuseCredentials = c.Secrets.SlackCredentials, c.Secrets.LangfuseCredentials
	args.IntegrationAWSCredentials = c.Secrets.IntegrationAWSCredentials
	args.KMSKeyArn, args.Protect = b.keyArn(), c.Protect
	s, err := settings.NewAgentSettings(b.ctx, b.prefix, &args)
	if err != nil {
		return err
	}
	b.settings = s
	b.exportFrom("settings", s, "")
	return nil
}

func (b *builder) buildIdentity() error {
	args := b.cfg.Cognito
	args.Protect = b.cfg.Protect
	p, err := identity.NewUserPool(b.ctx, b.prefix, &args)
	if err != nil {
		return err
	}
	b.pool = p
	b.exportFrom("identity", p, "")
	b.export(map[string]pulumi.Input{"cognitoRegion": pulumi.String(b.cfg.Region)})
	return nil
}

// supervisors are the agents' supervisor configurations.
func (b *builder) supervisors() []settings.Supervisor {
	out := make([]settings.Supervisor, 0, len(b.agents))
	for _, a := range b.agents {
		out = append(out, settings.Supervisor{Agent: a.ID, TimeoutSeconds: a.TimeoutSeconds})
	}
	return out
}
