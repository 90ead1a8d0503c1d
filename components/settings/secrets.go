package settings

import (
	"encoding/json"
	"fmt"

	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/secretsmanager"
	"github.com/pulumi/pulumi-random/sdk/v4/go/random"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/bidopsai/bidopsai-infra/internal/tier"
)

// placeholder marks a credential an operator must fill in after the first deployment.
const placeholder = "<PLACEHOLDER>"

// secretSpec is one secret: logical-name key, name suffix, description and initial value. An
// unmanaged value is written once and later manual edits are kept.
type secretSpec struct {
	key, path, description string
	managed                bool
	initial                pulumi.StringOutput
}

// dbCredentials is the database secret's JSON shape (the RDS-style credential document).
type dbCredentials struct {
	Username string `json:"username"`
	Host     string `json:"host"`
	Port     int    `json:"port"`
	DBName   string `json:"dbname"`
	Password string `json:"password"`
}

// secretSpecs builds the five secrets' specs in output order (database, read-only database,
// aws-credentials, slack, langfuse); it creates generated database passwords when needed.
func (c *AgentSettings) secretSpecs(ctx *pulumi.Context, name string, a AgentSettingsArgs) ([]secretSpec, error) {
	var specs []secretSpec
	for _, db := range []dbUser{
		{"database", "database/credentials", "PostgreSQL database credentials for AgentCore (read/write user, workflow agent)",
			"DatabasePassword", a.Database.Username, a.DatabasePassword},
		{"database-readonly", "database/readonly-credentials", "PostgreSQL read-only credentials for the AI assistant agent",
			"DatabaseReadOnlyPassword", a.Database.ReadOnlyUsername, a.DatabaseReadOnlyPassword},
	} {
		spec, err := c.databaseSpec(ctx, name, a, db)
		if err != nil {
			return nil, err
		}
		specs = append(specs, spec)
	}
	for _, cs := range []struct {
		key, path, description, field string
		given                         pulumi.StringInput
		initial                       map[string]string
	}{
		{"aws-credentials", "aws/credentials", "AWS access credentials for external integrations",
			"IntegrationAWSCredentials", a.IntegrationAWSCredentials, map[string]string{
				"aws_access_key_id": placeholder, "aws_secret_access_key": placeholder, "aws_region": a.Region}},
		{"slack", "integrations/slack", "Slack integration credentials for notifications",
			"SlackCredentials", a.SlackCredentials, map[string]string{
				"bot_token": placeholder, "signing_secret": placeholder, "app_token": placeholder, "workspace_id": placeholder}},
		{"langfuse", "observability/langfuse", "Langfuse API credentials for observability",
			"LangfuseCredentials", a.LangfuseCredentials, map[string]string{
				"public_key": placeholder, "secret_key": placeholder, "host": "https://cloud.langfuse.com"}},
	} {
		spec, err := credentialSpec(name, cs.key, cs.path, cs.description, cs.field, cs.given, cs.initial)
		if err != nil {
			return nil, err
		}
		specs = append(specs, spec)
	}
	return specs, nil
}

// dbUser is one database user's secret: its key and path, the args field of its password, the
// user name and the given password (nil: generated).
type dbUser struct {
	key, path, description, field, user string
	given                               pulumi.StringInput
}

// databaseSpec is one database user's credentials: the given password (managed from config) or
// a generated one written once, so a password changed in the database and the secret is kept.
func (c *AgentSettings) databaseSpec(ctx *pulumi.Context, name string, a AgentSettingsArgs, db dbUser) (secretSpec, error) {
	pw, managed := db.given, db.given != nil
	if !managed {
		generated, err := random.NewRandomPassword(ctx, name+"-"+dbPasswordName(db.key), &random.RandomPasswordArgs{
			Length: pulumi.Int(32), Special: pulumi.Bool(false),
			MinLower: pulumi.Int(1), MinUpper: pulumi.Int(1), MinNumeric: pulumi.Int(1),
		}, pulumi.Parent(c))
		if err != nil {
			return secretSpec{}, fmt.Errorf("create %s password: %w", db.key, err)
		}
		pw = generated.Result
	}
	value := pw.ToStringOutput().ApplyT(func(p string) (string, error) {
		if p == "" {
			c := tier.NewChecker(component, name, "AgentSettingsArgs")
			c.BadSecret(db.field, "must not be empty")
			return "", c.Err()
		}
		return renderJSON(dbCredentials{Username: db.user, Host: a.Database.Host,
			Port: a.Database.Port, DBName: a.Database.Name, Password: p})
	}).(pulumi.StringOutput)
	return secretSpec{key: db.key, path: db.path, description: db.description, managed: managed, initial: value}, nil
}

// dbPasswordName keeps the read/write password's logical name (db-password) so existing stacks
// keep their generated password.
func dbPasswordName(key string) string {
	if key == "database" {
		return "db-password"
	}
	return key + "-password"
}

// credentialSpec returns a managed spec for a given value (checked to be a JSON object when known)
// or a write-once placeholder spec.
func credentialSpec(name, key, path, description, field string, given pulumi.StringInput,
	initial map[string]string) (secretSpec, error) {
	s := secretSpec{key: key, path: path, description: description}
	if given == nil {
		// Placeholders hold no secret material; a map renders with sorted keys, so it is stable.
		text, err := renderJSON(initial)
		if err != nil {
			return s, fmt.Errorf("%s placeholder: %w", key, err)
		}
		s.initial = pulumi.String(text).ToStringOutput()
		return s, nil
	}
	s.managed = true
	s.initial = given.ToStringOutput().ApplyT(func(v string) (string, error) {
		var obj map[string]any
		if err := json.Unmarshal([]byte(v), &obj); err != nil || obj == nil {
			c := tier.NewChecker(component, name, "AgentSettingsArgs")
			c.BadSecret(field, "must be a JSON object string")
			return "", c.Err()
		}
		return v, nil
	}).(pulumi.StringOutput)
	return s, nil
}

// newSecret creates one secret and its version. Placeholder versions ignore secretString changes,
// so `pulumi up` never overwrites a value an operator set by hand.
func (c *AgentSettings) newSecret(ctx *pulumi.Context, name string, a AgentSettingsArgs, s secretSpec) (*secretsmanager.Secret, error) {
	args := &secretsmanager.SecretArgs{
		Name:                 pulumi.String(fmt.Sprintf("bidopsai/%s/%s", a.Stack, s.path)),
		Description:          pulumi.String(s.description),
		RecoveryWindowInDays: pulumi.Int(a.RecoveryWindowDays),
		Tags:                 tier.TagsFor(component, a.Tags),
	}
	if a.KMSKeyArn != nil {
		args.KmsKeyId = a.KMSKeyArn.ToStringOutput().ToStringPtrOutput()
	}
	secret, err := secretsmanager.NewSecret(ctx, name+"-"+s.key+"-secret", args,
		pulumi.Parent(c), tier.Stateful(a.Protect))
	if err != nil {
		return nil, fmt.Errorf("create %s secret: %w", s.key, err)
	}
	opts := []pulumi.ResourceOption{pulumi.Parent(c)}
	if !s.managed {
		opts = append(opts, pulumi.IgnoreChanges([]string{"secretString"}))
	}
	_, err = secretsmanager.NewSecretVersion(ctx, name+"-"+s.key+"-secret-version", &secretsmanager.SecretVersionArgs{
		SecretId:     secret.ID().ToStringOutput(),
		SecretString: pulumi.ToSecret(s.initial).(pulumi.StringOutput),
	}, opts...)
	if err != nil {
		return nil, fmt.Errorf("create %s secret version: %w", s.key, err)
	}
	return secret, nil
}

// renderJSON marshals v; struct fields keep their order and map keys are sorted.
func renderJSON(v any) (string, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return "", fmt.Errorf("render JSON: %w", err)
	}
	return string(b), nil
}
