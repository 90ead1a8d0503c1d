// Package settings is the agents' configuration tier: the SSM parameters under
// /bidopsai/<stack>/agents/ and the five Secrets Manager secrets the agents read.
package settings

import (
	"fmt"

	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/ssm"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/bidopsai/bidopsai-infra/internal/awsvalues"
	"github.com/bidopsai/bidopsai-infra/internal/tier"
)

// TypeToken is the component's type token; renaming it needs pulumi.Aliases.
const TypeToken = "bidopsai:settings:AgentSettings"

// component is the value of the tier's `component` tag.
const component = "settings"

// AgentSettings is the agents' SSM parameter set and secrets.
type AgentSettings struct {
	pulumi.ResourceState

	// ParameterPath is the parameter prefix, /bidopsai/<stack>/agents.
	ParameterPath pulumi.StringOutput `pulumi:"parameterPath"`
	// ParameterPathArn is the ARN pattern of every parameter under ParameterPath, for IAM policies.
	ParameterPathArn pulumi.StringOutput `pulumi:"parameterPathArn"`
	// DatabaseSecretName is the name of the database credentials secret.
	DatabaseSecretName pulumi.StringOutput `pulumi:"databaseSecretName"`
	// DatabaseSecretArn is the ARN of the database credentials secret.
	DatabaseSecretArn pulumi.StringOutput `pulumi:"databaseSecretArn"`
	// ReadOnlyDatabaseSecretName is the name of the read-only database user's secret (AI assistant).
	ReadOnlyDatabaseSecretName pulumi.StringOutput `pulumi:"readOnlyDatabaseSecretName"`
	// ReadOnlyDatabaseSecretArn is the ARN of the read-only database user's secret.
	ReadOnlyDatabaseSecretArn pulumi.StringOutput `pulumi:"readOnlyDatabaseSecretArn"`
	// AWSCredentialsSecretName is the name of the external-integration AWS credentials secret.
	AWSCredentialsSecretName pulumi.StringOutput `pulumi:"awsCredentialsSecretName"`
	// AWSCredentialsSecretArn is the ARN of the external-integration AWS credentials secret.
	AWSCredentialsSecretArn pulumi.StringOutput `pulumi:"awsCredentialsSecretArn"`
	// SlackSecretName is the name of the Slack credentials secret.
	SlackSecretName pulumi.StringOutput `pulumi:"slackSecretName"`
	// SlackSecretArn is the ARN of the Slack credentials secret.
	SlackSecretArn pulumi.StringOutput `pulumi:"slackSecretArn"`
	// LangfuseSecretName is the name of the Langfuse credentials secret.
	LangfuseSecretName pulumi.StringOutput `pulumi:"langfuseSecretName"`
	// LangfuseSecretArn is the ARN of the Langfuse credentials secret.
	LangfuseSecretArn pulumi.StringOutput `pulumi:"langfuseSecretArn"`
}

// ReadWriteSecretArns are the secrets a read/write agent reads: the read/write database user,
// the integrations (AWS, Slack) and Langfuse.
func (c *AgentSettings) ReadWriteSecretArns() pulumi.StringArrayOutput {
	return pulumi.StringArray{c.DatabaseSecretArn, c.AWSCredentialsSecretArn, c.SlackSecretArn,
		c.LangfuseSecretArn}.ToStringArrayOutput()
}

// ReadOnlySecretArns are the secrets a read-only agent reads: the read-only database user and
// Langfuse; never the read/write database user or the integration AWS keys.
func (c *AgentSettings) ReadOnlySecretArns() pulumi.StringArrayOutput {
	return pulumi.StringArray{c.ReadOnlyDatabaseSecretArn, c.LangfuseSecretArn}.ToStringArrayOutput()
}

// NewAgentSettings validates args, then creates the parameters and secrets under one component.
func NewAgentSettings(ctx *pulumi.Context, name string, args *AgentSettingsArgs,
	opts ...pulumi.ResourceOption) (*AgentSettings, error) {
	if args == nil {
		return nil, tier.NilArgs(component, name)
	}
	a := *args
	if err := tier.ApplyDefaults(&a); err != nil {
		return nil, err
	}
	if err := a.Validate(name); err != nil {
		return nil, err
	}
	params, err := parameters(a)
	if err != nil {
		return nil, fmt.Errorf("settings %q: %w", name, err)
	}

	c := &AgentSettings{}
	if err := ctx.RegisterComponentResource(TypeToken, name, c, opts...); err != nil {
		return nil, fmt.Errorf("settings %q: register component: %w", name, err)
	}
	path := fmt.Sprintf("/bidopsai/%s/agents", a.Stack)
	for _, p := range params {
		_, err := ssm.NewParameter(ctx, name+"-"+p.key+"-config", &ssm.ParameterArgs{
			Name:        pulumi.String(path + "/" + p.key + "/config"),
			Description: pulumi.String(p.description),
			Type:        pulumi.String("String"),
			Tier:        pulumi.String("Standard"),
			// Non-secret config: InsecureValue keeps it readable in previews (Value is always masked).
			InsecureValue: pulumi.String(p.value),
			Tags:          tier.TagsFor(component, a.Tags),
		}, pulumi.Parent(c))
		if err != nil {
			return nil, fmt.Errorf("create %s parameter: %w", p.key, err)
		}
	}

	specs, err := c.secretSpecs(ctx, name, a)
	if err != nil {
		return nil, err
	}
	// Each secret's outputs, by its key.
	targets := map[string][2]*pulumi.StringOutput{
		"database":          {&c.DatabaseSecretName, &c.DatabaseSecretArn},
		"database-readonly": {&c.ReadOnlyDatabaseSecretName, &c.ReadOnlyDatabaseSecretArn},
		"aws-credentials":   {&c.AWSCredentialsSecretName, &c.AWSCredentialsSecretArn},
		"slack":             {&c.SlackSecretName, &c.SlackSecretArn},
		"langfuse":          {&c.LangfuseSecretName, &c.LangfuseSecretArn},
	}
	for _, s := range specs {
		secret, err := c.newSecret(ctx, name, a, s)
		if err != nil {
			return nil, err
		}
		out := targets[s.key]
		*out[0], *out[1] = secret.Name, secret.Arn
	}
	c.ParameterPath = pulumi.String(path).ToStringOutput()
	c.ParameterPathArn = pulumi.String(fmt.Sprintf("arn:%s:ssm:%s:%s:parameter%s/*",
		awsvalues.Partition(a.Region), a.Region, a.AccountID, path)).ToStringOutput()

	if err := tier.RegisterOutputs(ctx, c); err != nil {
		return nil, fmt.Errorf("register settings %q outputs: %w", name, err)
	}
	return c, nil
}
