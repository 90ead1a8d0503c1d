package config

import (
	"encoding/json"
	"sort"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// secretKeys are the config keys that hold secret values, with the JSON fields each must have
// (nil: a plain string). They must be set with `pulumi config set --secret`.
var secretKeys = map[string][]string{
	"databasePassword":          nil,
	"databaseReadOnlyPassword":  nil,
	"slackCredentials":          {"bot_token", "signing_secret", "app_token", "workspace_id"},
	"langfuseCredentials":       {"public_key", "secret_key", "host"},
	"integrationAwsCredentials": {"aws_access_key_id", "aws_secret_access_key", "aws_region"},
}

// SecretKeys lists the full names of the keys that must be set as secrets.
func SecretKeys() []string {
	out := make([]string, 0, len(secretKeys))
	for k := range secretKeys {
		out = append(out, ns+k)
	}
	sort.Strings(out)
	return out
}

func readSecrets(r *reader, c *Config) {
	read := func(name string) pulumi.StringInput {
		key := ns + name
		v, ok := r.get(key)
		if !ok || v == "" { // Pulumi.yaml declares "" as the default: unset
			return nil
		}
		if !r.src.IsSecret(key) {
			refusePlaintext(r, key)
			return nil
		}
		if msg := checkSecretJSON(v, secretKeys[name]); msg != "" {
			r.fail(key, "invalid value [secret]: %s", msg)
			return nil
		}
		return pulumi.ToSecret(pulumi.String(v)).(pulumi.StringOutput)
	}
	c.Secrets = Secrets{
		DatabasePassword:          read("databasePassword"),
		DatabaseReadOnlyPassword:  read("databaseReadOnlyPassword"),
		SlackCredentials:          read("slackCredentials"),
		LangfuseCredentials:       read("langfuseCredentials"),
		IntegrationAWSCredentials: read("integrationAwsCredentials"),
	}
}

// refusePlaintext is the refusal of a secret written in plaintext; the value is never shown.
func refusePlaintext(r *reader, key string) {
	r.fail(key, "invalid value %s: must be a secret; the plaintext value was not used. Remove it with `pulumi config rm %s` "+
		"and set it with `pulumi config set --secret %s <value>`", "[secret]", key, key)
}

// checkSecretJSON validates shape only; the message never contains the value.
func checkSecretJSON(v string, fields []string) string {
	if fields == nil {
		if len(v) < 16 || strings.TrimSpace(v) != v {
			return "must be at least 16 characters without surrounding spaces"
		}
		return ""
	}
	var m map[string]string
	if err := json.Unmarshal([]byte(v), &m); err != nil {
		return "must be a JSON object of strings with fields " + strings.Join(fields, ", ")
	}
	for k := range m {
		if !contains(fields, k) {
			return "unknown field " + k + "; allowed fields are " + strings.Join(fields, ", ")
		}
	}
	for _, f := range fields {
		if m[f] == "" {
			return "missing field " + f + "; required fields are " + strings.Join(fields, ", ")
		}
	}
	return ""
}

func sortStrings(s []string) { sort.Strings(s) }
