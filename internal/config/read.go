package config

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"github.com/bidopsai/bidopsai-infra/components/registry"
	"github.com/bidopsai/bidopsai-infra/internal/stackfile"
	"github.com/bidopsai/bidopsai-infra/internal/tier"
)

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
	c.Protect = readProtect(r)
	c.ForceDestroy = r.boolean(ns+"forceDestroy", true)
	c.DefaultTags = readDefaultTags(r)
}

// StackTagKeys are the stack-wide tags every resource carries: through the aws provider's default
// tags, and given explicitly to the bidopsai provider's resources (the budget filters on them).
var StackTagKeys = []string{"project", "environment", "stack", "managed-by"}

// readProtect reads bidopsai:protect through stackfile.ReadProtect, as the destroy guard does.
func readProtect(r *reader) bool {
	v, set := r.get(stackfile.ProtectKey)
	on, err := stackfile.ReadProtect(v, set)
	if err != nil {
		r.invalid(stackfile.ProtectKey, v, err.Error())
	}
	return on
}

// readDefaultTags checks the provider default tags carry the stack-wide tags and that AWS would
// take them on every resource, alongside each tier's component tag.
func readDefaultTags(r *reader) map[string]string {
	const key = "aws:defaultTags"
	const need = "it must set tags project, environment, stack and managed-by (see Pulumi.dev.yaml)"
	if _, ok := r.get(key); !ok {
		r.fail(key, "missing; "+need)
		return nil
	}
	o := r.object(key, "tags")
	raw, ok := o.fields["tags"]
	if !ok {
		r.fail(key+".tags", "missing; "+need)
		return nil
	}
	var v map[string]string
	if err := json.Unmarshal(raw, &v); err != nil || v == nil {
		r.invalid(key+".tags", string(raw), "must be an object of tag names to text values")
		return nil
	}
	for _, t := range StackTagKeys {
		if v[t] == "" {
			r.fail(key+".tags."+t, "missing; every resource must carry the %s tag", t)
		}
	}
	tier.CheckTags(key+".tags", v, func(field string, value any, rule string) {
		r.invalid(field, fmt.Sprint(value), rule)
	})
	return v
}

func readTiers(r *reader, c *Config) {
	r.decodeTier(&c.ECR)
	r.decodeTier(&c.Storage)
	r.decodeTier(&c.Cognito)
	readModels(r, c)
	c.Settings.FeatureFlags = readFeatureFlags(r)
	r.decodeTier(&c.Settings)
	c.DatabaseIAMAuth = r.object(ns+"database", "iamAuth").boolean("iamAuth", false)
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

// checkBuildPaths checks, when the project directory is known, that an image built from the
// agent's context (a directory) and Dockerfile (a file) would find them inside the project,
// symbolic links included.
func checkBuildPaths(r *reader, o *object, a Agent) {
	root := r.src.Root()
	if root == "" {
		return
	}
	for field, want := range map[string]struct {
		path string
		dir  bool
	}{"context": {a.Context, true}, "dockerfile": {a.Dockerfile, false}} {
		if relativePath(want.path) != "" {
			continue // already refused
		}
		kind := map[bool]string{true: "directory", false: "file"}[want.dir]
		resolved, err := stackfile.Inside(root, want.path)
		if err != nil {
			r.invalid(o.name(field), want.path, "must be an existing "+kind+" inside the project directory ("+err.Error()+")")
			continue
		}
		if info, err := os.Stat(resolved); err != nil || info.IsDir() != want.dir {
			r.invalid(o.name(field), want.path, "must be an existing "+kind+" inside the project directory")
		}
	}
}

// requirement is an invariant an environment's values must meet; this is validation data,
// the only place an environment's name selects anything. shown, when set, gives the values at
// fault for the message.
type requirement struct {
	key   string
	ok    func(c *Config) bool
	want  string
	shown func(c *Config) string
}

// publicURLs is the requirement that a list of URLs holds only public https ones.
func publicURLs(key string, list func(c *Config) []string) requirement {
	local := func(c *Config) []string {
		var bad []string
		for _, u := range list(c) {
			if !publicHTTPS(u) {
				bad = append(bad, u)
			}
		}
		return bad
	}
	return requirement{
		key:   key,
		ok:    func(c *Config) bool { return len(local(c)) == 0 },
		want:  "https URLs of a public host (no http, localhost or loopback address)",
		shown: func(c *Config) string { return strings.Join(local(c), " ") },
	}
}

var requirements = map[string][]requirement{
	"staging": {
		{ns + "protect", func(c *Config) bool { return c.Protect }, "true", nil},
		{ns + "forceDestroy", func(c *Config) bool { return !c.ForceDestroy }, "false", nil},
		{ns + "ecr.tagMutability", func(c *Config) bool { return c.ECR.TagMutability == registry.Immutable }, "IMMUTABLE", nil},
		publicURLs(ns+"cognito.callbackUrls", func(c *Config) []string { return c.Cognito.CallbackURLs }),
		publicURLs(ns+"cognito.logoutUrls", func(c *Config) []string { return c.Cognito.LogoutURLs }),
		publicURLs(ns+"cors.allowedOrigins", func(c *Config) []string { return c.Storage.CorsAllowedOrigins }),
	},
	"prod": {
		publicURLs(ns+"cognito.callbackUrls", func(c *Config) []string { return c.Cognito.CallbackURLs }),
		publicURLs(ns+"cognito.logoutUrls", func(c *Config) []string { return c.Cognito.LogoutURLs }),
		publicURLs(ns+"cors.allowedOrigins", func(c *Config) []string { return c.Storage.CorsAllowedOrigins }),
		{ns + "protect", func(c *Config) bool { return c.Protect }, "true", nil},
		{ns + "forceDestroy", func(c *Config) bool { return !c.ForceDestroy }, "false", nil},
		{ns + "ecr.tagMutability", func(c *Config) bool { return c.ECR.TagMutability == registry.Immutable }, "IMMUTABLE", nil},
		{ns + "secretRecoveryWindowDays", func(c *Config) bool { return c.Settings.RecoveryWindowDays == 30 }, "30", nil},
		{ns + "cognito.mfa", func(c *Config) bool { return c.Cognito.MFA == "ON" }, "ON", nil},
		{ns + "cognito.deletionProtection", func(c *Config) bool { return c.Cognito.DeletionProtection }, "true", nil},
		{ns + "kms.customerManagedKey", func(c *Config) bool { return c.KMS.CustomerManagedKey }, "true", nil},
		{ns + "alarms.enabled", func(c *Config) bool { return c.Monitoring.Alarms.Enabled }, "true", nil},
		{ns + "tracing.samplingRate", func(c *Config) bool { return c.Monitoring.Tracing.SamplingRate < 1 }, "below 1 (sampling every request costs without need)", nil},
	},
}

func checkEnvironment(r *reader, c *Config) {
	for _, req := range requirements[c.Environment] {
		if req.ok(c) {
			continue
		}
		rule := fmt.Sprintf("must be %s when %senvironment is %s", req.want, ns, c.Environment)
		if req.shown != nil {
			r.invalid(req.key, req.shown(c), rule)
		} else {
			r.fail(req.key, "%s", rule)
		}
	}
	if env := c.DefaultTags["environment"]; c.DefaultTags != nil && env != "" && c.Environment != "" && env != c.Environment {
		r.invalid("aws:defaultTags.tags.environment", env, fmt.Sprintf("must equal %senvironment (%s)", ns, c.Environment))
	}
}
