package config

import (
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strings"

	"github.com/bidopsai/bidopsai-infra/internal/awsvalues"
	"github.com/bidopsai/bidopsai-infra/internal/redact"
)

// awsNS is the AWS provider's config namespace.
const awsNS = "aws:"

// namespaces are the config namespaces a stack may set keys in.
var namespaces = []string{Namespace, "aws"}

// checkKeys refuses every key set that the program does not read: a misspelt key, a misspelt
// namespace (bidops:...) or an aws: key the provider does not know would otherwise be ignored
// silently. Our own keys are exactly those parse asked for; aws: keys are the provider's.
func checkKeys(r *reader) {
	keys := r.src.Keys()
	sort.Strings(keys)
	for _, key := range keys {
		v, _ := r.src.Get(key)
		nsName, name, ok := strings.Cut(key, ":")
		switch {
		case !ok || strings.Contains(name, ":"):
			r.invalid(key, v, "not a config key: want <namespace>:<name> with namespace "+strings.Join(namespaces, " or "))
		case nsName == Namespace:
			if !r.read[key] {
				r.invalid(key, v, "unknown key; the keys of "+Namespace+" are declared in Pulumi.yaml (a typo?)")
			}
		case nsName == "aws":
			if !contains(awsvalues.ProviderConfigKeys, name) {
				r.invalid(key, v, "unknown key of the AWS provider; its keys are "+strings.Join(awsvalues.ProviderConfigKeys, ", "))
			}
		default:
			r.invalid(key, v, fmt.Sprintf("unknown namespace %s; keys live under %s (a typo of %s:%s?)", redact.Show(nsName),
				strings.Join(namespaces, " or "), Namespace, name))
		}
		if r.src.IsSecret(key) && !contains(secretAllowed(), key) {
			r.invalid(key, v, "is set as a secret but is not secret data: the program would use it in plaintext "+
				"(resource inputs, the plan), so set it with `pulumi config set` without --secret; "+
				"only "+strings.Join(secretAllowed(), ", ")+" are secrets")
		}
	}
}

// secretAllowed lists the keys that may (and must) be set as secrets.
func secretAllowed() []string {
	out := SecretKeys()
	for _, name := range awsvalues.CredentialConfigKeys {
		out = append(out, awsNS+name)
	}
	return out
}

// readAWSCredentials refuses provider credentials written in plaintext, like our own secrets.
func readAWSCredentials(r *reader) {
	for _, name := range awsvalues.CredentialConfigKeys {
		key := awsNS + name
		if _, ok := r.get(key); ok && !r.src.IsSecret(key) {
			refusePlaintext(r, key)
		}
	}
}

// envKeys lists the keys of PULUMI_CONFIG, where the language host hands a program its config
// (sdk go/pulumi/run.go EnvConfig); nil when unset (inline programs, mocks).
func envKeys() []string {
	raw, ok := os.LookupEnv("PULUMI_CONFIG")
	if !ok {
		return nil
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal([]byte(raw), &m); err != nil {
		return nil
	}
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}
