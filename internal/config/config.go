// Package config loads and validates the stack configuration once, before any resource is
// registered. It is the only code that reads config: tiers receive plain values from main.go.
package config

import (
	"errors"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/bidopsai/bidopsai-infra/components/access"
	"github.com/bidopsai/bidopsai-infra/components/budget"
	"github.com/bidopsai/bidopsai-infra/components/dataautomation"
	"github.com/bidopsai/bidopsai-infra/components/identity"
	"github.com/bidopsai/bidopsai-infra/components/network"
	"github.com/bidopsai/bidopsai-infra/components/observability"
	"github.com/bidopsai/bidopsai-infra/components/registry"
	"github.com/bidopsai/bidopsai-infra/components/settings"
	"github.com/bidopsai/bidopsai-infra/components/storage"
	"github.com/bidopsai/bidopsai-infra/internal/cost"
	"github.com/bidopsai/bidopsai-infra/internal/stackfile"
)

// Namespace is the project's config namespace.
const Namespace = stackfile.Namespace

// MetricsNamespace is the one CloudWatch namespace agents emit to and dashboards/alarms read.
const MetricsNamespace = "BidOpsAI/Agents"

// Config is the validated stack configuration.
type Config struct {
	Project, Stack string
	// Name is the stack's own name (dev, prod, dev-alice): every physical name and path derives
	// from it, so personal stacks deploy beside dev in one account.
	Name string
	// Environment is dev, staging or prod, which the stack's name declares: it selects the
	// validation requirements and tags; behaviour differs only through the other values.
	Environment string
	Region      string
	// DefaultTags are the provider default tags (aws:defaultTags.tags).
	DefaultTags  map[string]string
	Protect      bool
	ForceDestroy bool
	ECR          registry.RepositoryArgs // every agent's repository
	Storage      storage.BucketsArgs     // bidopsai:storage and bidopsai:cors
	Cognito      identity.UserPoolArgs
	Models       Models
	// Settings are bidopsai:logLevel, featureFlags, database and secretRecoveryWindowDays.
	Settings settings.AgentSettingsArgs
	// DatabaseIAMAuth is bidopsai:database.iamAuth: the database is RDS/Aurora with IAM database
	// authentication on (components/access grants rds-db:connect).
	DatabaseIAMAuth bool
	Secrets         Secrets
	// Agents are the bidopsai:agents entries, sorted by ID.
	Agents          []Agent
	KMS             KMS
	Monitoring      observability.MonitoringArgs // bidopsai:alarms, tracing and logRetentionDays
	Network         network.NetworkArgs          // bidopsai:network; a VPC only when PrivateNetwork
	Runtime         Runtime
	DataAutomation  dataautomation.DocumentParserArgs
	CostAssumptions cost.Figures
	Budget          budget.BudgetArgs // bidopsai:budget
}

// Secrets are the optional secret config values; nil when unset. They stay Pulumi secrets.
type Secrets struct {
	DatabasePassword          pulumi.StringInput
	DatabaseReadOnlyPassword  pulumi.StringInput
	SlackCredentials          pulumi.StringInput
	LangfuseCredentials       pulumi.StringInput
	IntegrationAWSCredentials pulumi.StringInput
}

// Agent is one entry of bidopsai:agents: an agent runtime, its image and its access.
type Agent struct {
	// ID is the entry's key, lowercase kebab-case (workflow, ai-assistant); every name of the
	// agent's resources derives from it (internal/naming).
	ID string
	// Access decides the agent's role (components/access): read-write or read-only.
	Access access.Level
	// TimeoutSeconds is the agent's request timeout in its SSM supervisor configuration.
	TimeoutSeconds int
	// ImageArgs are the agent's image: version, build context, Dockerfile, platform, and the
	// digest that, when set, pins the runtime to an image already pushed (nothing is built).
	registry.ImageArgs
}

// Load reads and validates the configuration of the running stack. Unknown keys are refused
// when the language host lists the config (PULUMI_CONFIG); LoadKeys takes the list instead.
func Load(ctx *pulumi.Context) (*Config, error) {
	return LoadKeys(ctx, envKeys())
}

// LoadKeys is Load for a program whose config keys the caller knows (the offline plan).
func LoadKeys(ctx *pulumi.Context, keys []string) (*Config, error) {
	return parse(ctx.Project(), ctx.Stack(), ctxSource{ctx, keys})
}

type ctxSource struct {
	ctx  *pulumi.Context
	keys []string
}

func (s ctxSource) Get(key string) (string, bool) { return s.ctx.GetConfig(key) }
func (s ctxSource) IsSecret(key string) bool      { return s.ctx.IsConfigSecret(key) }
func (s ctxSource) Keys() []string                { return s.keys }
func (s ctxSource) Root() string                  { return s.ctx.RootDirectory() }

// parse validates everything and reports all problems at once.
func parse(project, stack string, src source) (*Config, error) {
	r := &reader{src: src}
	c := &Config{Project: project, Stack: stack}
	readCore(r, c)
	readTiers(r, c)
	readSecrets(r, c)
	readAgents(r, c)
	readOperations(r, c)
	readCost(r, c)
	readAWSCredentials(r)
	checkEnvironment(r, c)
	checkStackName(r, c)
	checkFields(r)
	checkKeys(r)
	if len(r.errs) > 0 {
		return nil, errors.New("invalid stack configuration:\n  " + strings.Join(r.errs, "\n  "))
	}
	return c, nil
}

// FromMap validates config given as plain values (as the CLI would pass them), for tools and
// tests that run without a Pulumi context. Build paths are checked against root when not "".
func FromMap(project, stack string, values map[string]string, secretKeys []string) (*Config, error) {
	return parse(project, stack, newMapSource(values, secretKeys, ""))
}

func newMapSource(values map[string]string, secretKeys []string, root string) mapSource {
	secret := map[string]bool{}
	for _, k := range secretKeys {
		secret[k] = true
	}
	return mapSource{values, secret, root}
}

type mapSource struct {
	values map[string]string
	secret map[string]bool
	root   string
}

func (m mapSource) Get(k string) (string, bool) { v, ok := m.values[k]; return v, ok }
func (m mapSource) IsSecret(k string) bool      { return m.secret[k] }
func (m mapSource) Root() string                { return m.root }
func (m mapSource) Keys() []string {
	out := make([]string, 0, len(m.values))
	for k := range m.values {
		out = append(out, k)
	}
	return out
}
