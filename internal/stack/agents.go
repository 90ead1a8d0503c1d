package stack

import (
	"maps"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/bidopsai/bidopsai-infra/components/access"
	"github.com/bidopsai/bidopsai-infra/components/agentcore"
	"github.com/bidopsai/bidopsai-infra/components/dataautomation"
	"github.com/bidopsai/bidopsai-infra/components/encryption"
	"github.com/bidopsai/bidopsai-infra/components/network"
	"github.com/bidopsai/bidopsai-infra/components/observability"
	"github.com/bidopsai/bidopsai-infra/internal/config"
	"github.com/bidopsai/bidopsai-infra/internal/naming"
	"github.com/bidopsai/bidopsai-infra/sdk/bidopsai"
)

func (b *builder) buildKey() error {
	if !b.cfg.KMS.CustomerManagedKey {
		return nil
	}
	args := b.cfg.KMS.Key
	args.AccountID, args.Protect = b.account, b.cfg.Protect
	k, err := encryption.NewStackKey(b.ctx, b.prefix, &args)
	if err != nil {
		return err
	}
	b.key = k
	b.exportFrom("encryption", k, "")
	return nil
}

// buildProvider pins the bidopsai provider to the stack's region, whatever the caller's AWS
// environment says.
func (b *builder) buildProvider() error {
	p, err := bidopsai.NewProvider(b.ctx, "bidopsai", &bidopsai.ProviderArgs{Region: pulumi.String(b.cfg.Region)})
	b.provider = p
	return err
}

func (b *builder) buildParser() error {
	args := b.cfg.DataAutomation
	args.ProjectName = "bidopsai-document-parser-" + b.cfg.Name
	args.DocumentsBucket, args.ProcessedBucket = b.buckets.DocumentsBucketName, b.buckets.ProcessedBucketName
	// No stack key: the project's KMS use would need Bedrock grants the key does not give.
	args.Tags = b.stackTags()
	args.ParameterName = "/bidopsai/" + b.cfg.Name + "/agents/data-automation/config"
	p, err := dataautomation.NewDocumentParser(b.ctx, b.prefix+"-parser", &args, pulumi.Providers(b.provider))
	if err != nil {
		return err
	}
	b.parser = p
	b.exportFrom("dataautomation", p, "")
	return nil
}

func (b *builder) buildNetwork() error {
	if !b.cfg.PrivateNetwork() {
		return nil
	}
	group, err := naming.FlowLogGroup(b.cfg.Name)
	if err != nil {
		return err
	}
	s, args := b.buckets, b.cfg.Network
	args.AccountID, args.FlowLogGroupName, args.KMSKeyArn, args.Protect = b.account, group, b.keyArn(), b.cfg.Protect
	args.BucketArns = pulumi.StringArray{s.DocumentsBucketArn, s.ArtifactsBucketArn, s.ProcessedBucketArn}
	v, err := network.NewNetwork(b.ctx, b.prefix, &args)
	if err != nil {
		return err
	}
	b.vpc = v
	b.exportFrom("network", v, "")
	return nil
}

func (b *builder) buildAccess() error {
	sys, err := naming.SystemLogGroup(b.cfg.Name)
	if err != nil {
		return err
	}
	var agents []access.Agent
	for _, a := range b.agents {
		secrets, user := b.settings.ReadWriteSecretArns(), b.cfg.Settings.Database.Username
		if a.Access == access.ReadOnly {
			secrets, user = b.settings.ReadOnlySecretArns(), b.cfg.Settings.Database.ReadOnlyUsername
		}
		agents = append(agents, access.Agent{ID: a.ID, Access: a.Access, RepositoryArn: b.repos[a.ID].RepositoryArn,
			RuntimeName: a.Runtime, LogGroup: a.LogGroup, SecretArns: secrets, DatabaseUser: user})
	}
	r, err := access.NewAgentRoles(b.ctx, b.prefix, &access.AgentRolesArgs{
		AccountID: b.account, Region: b.cfg.Region,
		Agents: agents, SystemLogGroup: sys,
		MetricsNamespace:         config.MetricsNamespace,
		ParameterPathArn:         b.settings.ParameterPathArn,
		Models:                   b.invokedModels(),
		JWTAuthorizer:            b.cfg.Runtime.JWTAuthorizer,
		KMSKeyArn:                b.keyArn(),
		DocumentsBucketArn:       b.buckets.DocumentsBucketArn,
		ArtifactsBucketArn:       b.buckets.ArtifactsBucketArn,
		ProcessedBucketArn:       b.buckets.ProcessedBucketArn,
		DataAutomationProjectArn: b.parser.ProjectArn,
		DatabaseIAMAuth:          b.cfg.DatabaseIAMAuth,
	})
	if err != nil {
		return err
	}
	b.roles = r
	for _, a := range b.agents {
		b.export(map[string]pulumi.Input{a.Output + "RoleArn": r.Roles[a.ID].Arn, a.Output + "RoleName": r.Roles[a.ID].Name})
	}
	return nil
}

func (b *builder) buildRuntimes() error {
	b.runtimes = map[string]*agentcore.Runtime{}
	for _, a := range b.agents {
		role := b.roles.Roles[a.ID]
		args := b.cfg.Runtime.Agent
		args.RuntimeName, args.Agent = a.Runtime, a.ID
		args.Description = "BidOps AI " + a.ID + " agent (" + b.cfg.Name + ")"
		args.ContainerURI, args.RoleArn, args.DependsOn = b.repos[a.ID].ImageDigest, role.Arn, role.Ready
		args.Environment, args.Tags, args.Protect = b.runtimeEnvironment(a), b.stackTags(), b.cfg.Protect
		if b.vpc != nil {
			args.SubnetIDs, args.SecurityGroupIDs = b.vpc.PrivateSubnetIDs, pulumi.StringArray{b.vpc.SecurityGroupID}
		}
		if b.cfg.Runtime.JWTAuthorizer {
			args.JWT = &agentcore.JWTArgs{DiscoveryURL: b.pool.DiscoveryURL,
				AllowedClients: pulumi.StringArray{b.pool.UserPoolClientID}}
		}
		rt, err := agentcore.NewRuntime(b.ctx, b.prefix+"-"+a.ID, &args, pulumi.Providers(b.provider))
		if err != nil {
			return err
		}
		b.runtimes[a.ID] = rt
		b.exportFrom("agentcore", rt, a.Output)
	}
	return nil
}

// stackTags are the stack-wide tags (aws:defaultTags) for the bidopsai provider's resources,
// which the aws provider's default tags never reach: without them the budget misses their cost.
func (b *builder) stackTags() map[string]string {
	return maps.Clone(b.cfg.DefaultTags)
}

// invokedModels are the configured models, resolved for the stack's Region, as IAM grants.
func (b *builder) invokedModels() []access.Model {
	var out []access.Model
	for _, m := range b.cfg.Models.Invoked {
		out = append(out, access.Model{ProfileID: m.ProfileID, FoundationModelID: m.FoundationModelID, Regions: m.Regions})
	}
	return out
}

// runtimeEnvironment is what each container reads at start: names and paths, never secret
// values, and only the secrets its role may read.
func (b *builder) runtimeEnvironment(a agent) map[string]pulumi.StringInput {
	c, s := b.cfg, b.settings
	env := map[string]pulumi.StringInput{
		"ENVIRONMENT":                   pulumi.String(c.Environment),
		"LOG_LEVEL":                     pulumi.String(c.Settings.LogLevel),
		"AGENT_TYPE":                    pulumi.String(a.ID),
		"AGENT_VERSION":                 pulumi.String(a.Version),
		"AWS_REGION":                    pulumi.String(c.Region),
		"SSM_PARAMETER_PREFIX":          s.ParameterPath,
		"METRICS_NAMESPACE":             pulumi.String(config.MetricsNamespace),
		"OTEL_SERVICE_NAME":             pulumi.String(observability.ServiceName(c.Name, a.ID)),
		"SECRETS_MANAGER_ENABLED":       pulumi.String("true"),
		"LANGFUSE_SECRET_NAME":          s.LangfuseSecretName,
		"DATA_AUTOMATION_PROJECT_ARN":   b.parser.ProjectArn,
		"DATA_AUTOMATION_OUTPUT_S3_URI": b.parser.ProcessedS3URI,
	}
	if a.Access == access.ReadOnly {
		// The read-only user's credentials, under the same variable the agents read.
		env["DATABASE_SECRET_NAME"] = s.ReadOnlyDatabaseSecretName
		return env
	}
	env["DATABASE_SECRET_NAME"] = s.DatabaseSecretName
	env["SLACK_SECRET_NAME"] = s.SlackSecretName
	env["INTEGRATION_AWS_SECRET_NAME"] = s.AWSCredentialsSecretName
	return env
}
