package config

import "encoding/json"

// Environments are the allowed values of bidopsai:environment.
var Environments = []string{"dev", "staging", "prod"}

const ns = Namespace + ":"

func readCore(r *reader, c *Config) {
	if v, ok := r.require(ns+"environment", "must be one of dev, staging, prod", "dev"); ok {
		c.Environment = r.checkOneOf(ns+"environment", v, "", Environments)
	}
	if v, ok := r.require("aws:region", "must be an AWS region code", "us-east-1"); ok {
		if msg := region(v); msg != "" {
			r.invalid("aws:region", v, msg)
		}
		c.Region = v
	}
	c.LogRetentionDays = r.integer(ns+"logRetentionDays", 30, retention)
	c.LogLevel = r.oneOf(ns+"logLevel", "INFO", "DEBUG", "INFO", "WARN", "ERROR")
	c.Protect = r.boolean(ns+"protect", false)
	c.ForceDestroy = r.boolean(ns+"forceDestroy", true)
	c.SecretRecoveryWindowDays = r.integer(ns+"secretRecoveryWindowDays", 0, recoveryWindow)
	c.DefaultTags = readDefaultTags(r)
}

// StackTagKeys are the stack-wide tags every resource carries: through the aws provider's default
// tags, and given explicitly to the bidopsai provider's resources (the budget filters on them).
var StackTagKeys = []string{"project", "environment", "stack", "managed-by"}

// readDefaultTags checks the provider default tags carry the stack-wide tags.
func readDefaultTags(r *reader) map[string]string {
	const key = "aws:defaultTags"
	raw, ok := r.src.Get(key)
	if !ok {
		r.fail(key, "missing; it must set tags project, environment, stack and managed-by (see Pulumi.dev.yaml)")
		return nil
	}
	var v struct {
		Tags map[string]string `json:"tags"`
	}
	if err := json.Unmarshal([]byte(raw), &v); err != nil {
		r.fail(key, "must be an object {tags: {project: ..., environment: ..., stack: ..., managed-by: ...}}")
		return nil
	}
	for _, t := range StackTagKeys {
		if v.Tags[t] == "" {
			r.fail(key+".tags."+t, "missing; every resource must carry the %s tag", t)
		}
	}
	return v.Tags
}

func readTiers(r *reader, c *Config) {
	e := r.object(ns+"ecr", "tagMutability", "keepTaggedImages", "keepUntaggedImages", "maxImageAgeDays")
	c.ECR = ECR{
		TagMutability:      e.oneOf("tagMutability", "MUTABLE", "MUTABLE", "IMMUTABLE"),
		KeepTaggedImages:   e.integer("keepTaggedImages", 10, between(1, 1000)),
		KeepUntaggedImages: e.integer("keepUntaggedImages", 5, between(1, 1000)),
		MaxImageAgeDays:    e.integer("maxImageAgeDays", 90, between(1, 3650)),
	}
	s := r.object(ns+"storage", "accessLogExpirationDays", "processedExpirationDays",
		"processedNoncurrentDays", "processedVersioning", "processedTransitionToIA")
	c.Storage = Storage{
		AccessLogExpirationDays: s.integer("accessLogExpirationDays", 90, between(1, 3650)),
		ProcessedExpirationDays: s.integer("processedExpirationDays", 90, between(1, 3650)),
		ProcessedNoncurrentDays: s.integer("processedNoncurrentDays", 30, between(1, 3650)),
		ProcessedVersioning:     s.boolean("processedVersioning", false),
		ProcessedTransitionToIA: s.boolean("processedTransitionToIA", false),
	}
	if c.Storage.ProcessedTransitionToIA && c.Storage.ProcessedExpirationDays <= 90 {
		r.fail(ns+"storage.processedExpirationDays", "invalid value %d: must be over 90 when "+
			"processedTransitionToIA is true (objects move to Standard-IA at 90 days)", c.Storage.ProcessedExpirationDays)
	}
	g := r.object(ns+"cognito", "mfa", "deletionProtection", "callbackUrls", "logoutUrls", "domainPrefix")
	c.Cognito = Cognito{
		MFA:                g.oneOf("mfa", "OPTIONAL", "OFF", "OPTIONAL", "ON"),
		DeletionProtection: g.boolean("deletionProtection", false),
		CallbackURLs:       g.strings("callbackUrls", []string{"http://localhost:3000/callback"}, redirectURL),
		LogoutURLs:         g.strings("logoutUrls", []string{"http://localhost:3000"}, redirectURL),
		DomainPrefix:       g.str("domainPrefix", "", domainPrefix),
	}
	if c.Cognito.DomainPrefix == "" {
		r.fail(ns+"cognito.domainPrefix", "missing; the Cognito hosted-UI domain prefix (globally unique per region), e.g. bidopsai-dev")
	}
	for field, list := range map[string][]string{"callbackUrls": c.Cognito.CallbackURLs, "logoutUrls": c.Cognito.LogoutURLs} {
		if len(list) == 0 {
			r.fail(ns+"cognito."+field, "must list at least one URL")
		}
	}
	o := r.object(ns+"cors", "allowedOrigins")
	c.CORS = CORS{AllowedOrigins: o.strings("allowedOrigins", []string{"http://localhost:3000"}, origin)}
	readModels(r, c)
	c.FeatureFlags = readFeatureFlags(r)
	d := r.object(ns+"database", "host", "port", "name", "username", "readOnlyUsername", "iamAuth")
	c.Database = Database{
		Host:             d.str("host", "", hostname),
		Port:             d.integer("port", 5432, between(1, 65535)),
		Name:             d.str("name", "bidopsai", pgIdent),
		Username:         d.str("username", "bidopsai_agent", pgIdent),
		ReadOnlyUsername: d.str("readOnlyUsername", "bidopsai_assistant", pgIdent),
		IAMAuth:          d.boolean("iamAuth", false),
	}
	if c.Database.Username == c.Database.ReadOnlyUsername {
		r.fail(ns+"database.readOnlyUsername", "must differ from username, so the AI assistant connects read-only")
	}
}

// FeatureFlags are the known flags and their defaults; agents read them from SSM.
var FeatureFlags = map[string]bool{
	"aiAssistant": true, "conversationHistory": true, "checkpointRecovery": true, "errorNotifications": true,
}

func readFeatureFlags(r *reader) map[string]bool {
	names := make([]string, 0, len(FeatureFlags))
	for n := range FeatureFlags {
		names = append(names, n)
	}
	sortStrings(names)
	o := r.object(ns+"featureFlags", names...)
	out := make(map[string]bool, len(names))
	for _, n := range names {
		out[n] = o.boolean(n, FeatureFlags[n])
	}
	return out
}

func readAgents(r *reader, c *Config) {
	fields := []string{"version", "context", "dockerfile", "platform", "digest"}
	a := r.object(ns+"agents", "workflow", "aiAssistant")
	read := func(name string) Agent {
		o := a.sub(name, fields...)
		return Agent{
			Version:    o.str("version", "1.0.0", semver),
			Context:    o.str("context", "agents/sample", relativePath),
			Dockerfile: o.str("dockerfile", "agents/sample/Dockerfile", relativePath),
			Platform:   o.oneOf("platform", "linux/arm64", "linux/arm64"),
			Digest:     o.str("digest", "", digest),
		}
	}
	c.Agents = Agents{Workflow: read("workflow"), AIAssistant: read("aiAssistant")}
}

// requirement is an invariant an environment's values must meet; this is validation data,
// the only place an environment's name selects anything.
type requirement struct {
	key  string
	ok   func(c *Config) bool
	want string
}

var requirements = map[string][]requirement{
	"staging": {
		{ns + "protect", func(c *Config) bool { return c.Protect }, "true"},
		{ns + "forceDestroy", func(c *Config) bool { return !c.ForceDestroy }, "false"},
		{ns + "ecr.tagMutability", func(c *Config) bool { return c.ECR.TagMutability == "IMMUTABLE" }, "IMMUTABLE"},
	},
	"prod": {
		{ns + "protect", func(c *Config) bool { return c.Protect }, "true"},
		{ns + "forceDestroy", func(c *Config) bool { return !c.ForceDestroy }, "false"},
		{ns + "ecr.tagMutability", func(c *Config) bool { return c.ECR.TagMutability == "IMMUTABLE" }, "IMMUTABLE"},
		{ns + "secretRecoveryWindowDays", func(c *Config) bool { return c.SecretRecoveryWindowDays == 30 }, "30"},
		{ns + "cognito.mfa", func(c *Config) bool { return c.Cognito.MFA == "ON" }, "ON"},
		{ns + "cognito.deletionProtection", func(c *Config) bool { return c.Cognito.DeletionProtection }, "true"},
		{ns + "kms.customerManagedKey", func(c *Config) bool { return c.KMS.CustomerManagedKey }, "true"},
		{ns + "alarms.enabled", func(c *Config) bool { return c.Alarms.Enabled }, "true"},
		{ns + "tracing.samplingRate", func(c *Config) bool { return c.Tracing.SamplingRate < 1 }, "below 1 (sampling every request costs without need)"},
	},
}

func checkEnvironment(r *reader, c *Config) {
	for _, req := range requirements[c.Environment] {
		if !req.ok(c) {
			r.fail(req.key, "must be %s when %senvironment is %s", req.want, ns, c.Environment)
		}
	}
	if env := c.DefaultTags["environment"]; c.DefaultTags != nil && env != "" && c.Environment != "" && env != c.Environment {
		r.fail("aws:defaultTags.tags.environment", "invalid value %q: must equal %senvironment (%s)",
			env, ns, c.Environment)
	}
}
