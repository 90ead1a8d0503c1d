package policy

import (
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/bidopsai/bidopsai-infra/internal/awsvalues"
	"github.com/bidopsai/bidopsai-infra/internal/inventory"
)

// agentCoreRules are §1.11 and §1.12 of the rules file. SR-AC-5 (endpoint version wiring) has no
// check: the program creates no endpoint resource, and the DEFAULT endpoint follows the latest
// version. SR-BDA-1 is our id for §1.12's "KMS key set to a CMK in prod (A)", which has none.
var agentCoreRules = []Rule{
	{ID: "SR-AC-1", Description: "the runtime's execution role is a role of this stack that trusts bedrock-agentcore.amazonaws.com (SR-IAM-6/7 then vouch for it)",
		Types: []string{typeAgentRuntime}, Levels: mmm, Check: checkExecutionRole},
	{ID: "SR-AC-2", Description: "containerUri is pinned by @sha256 digest or an immutable tag, never latest",
		Types: []string{typeAgentRuntime}, Levels: amm, Check: checkPinnedImage},
	{ID: "SR-AC-3", Description: "runtime environment variables hold no secrets (pass secret names or ARNs)",
		Types: []string{typeAgentRuntime}, Levels: mmm, Check: checkRuntimeEnv},
	{ID: "SR-AC-4", Description: "agentRuntimeName matches ^[a-zA-Z][a-zA-Z0-9_]{0,47}$",
		Types: []string{typeAgentRuntime}, Levels: mmm, Check: checkRuntimeName},
	{ID: "SR-AC-6", Description: "runtimes bound sessions: idleRuntimeSessionTimeout and maxLifetime set, 60-28800 s, idle <= lifetime",
		Types: []string{typeAgentRuntime}, Levels: amm, Check: checkSessionBounds},
	{ID: "SR-AC-7", Description: "runtimes set custom create, update and delete timeouts",
		Types: []string{typeAgentRuntime}, Levels: amm, Check: checkTimeouts},
	{ID: "SR-AC-8", Description: "runtimes are protected",
		Types: []string{typeAgentRuntime}, Levels: xmm, Check: protected},
	{ID: "SR-AC-9", Description: "agent images are built for linux/arm64",
		Types: []string{typeImage}, Levels: mmm,
		Check: func(_ *View, r inventory.Resource) Finding { return wantString(r, "build.platform", "linux/arm64") }},
	// Issue 16 raised the rules file's A to M in prod, where the stack file runs VPC mode.
	{ID: "SR-AC-10", Description: "runtimes use VPC network mode",
		Types: []string{typeAgentRuntime}, Levels: xam,
		Check: func(_ *View, r inventory.Resource) Finding { return wantString(r, "networkMode", "VPC") }},
	{ID: "SR-BDA-1", Description: "the Data Automation project encrypts with a customer-managed KMS key",
		Types: []string{typeDataAutomation}, Levels: xaa,
		Check: func(_ *View, r inventory.Resource) Finding { return customerKey(r, "kmsKeyId") }},
}

func checkExecutionRole(v *View, r inventory.Resource) Finding {
	if !v.whole() {
		return na()
	}
	arn := in(r, "roleArn")
	role, ok, unk := v.target(r, "roleArn", typeRole)
	switch {
	case unk:
		return unknown("roleArn")
	case !ok:
		return fail("roleArn %s is not a role this stack creates, so its trust and policies are unchecked", arn.show())
	}
	doc, f, ok := readDocument(role, "assumeRolePolicy")
	if !ok {
		return f
	}
	for _, s := range doc.Statements {
		if s.Allow && len(s.Principal.Service) == 1 && s.Principal.Service[0] == agentCoreService {
			return pass()
		}
	}
	return fail("execution role %s does not trust %s", role.Name, agentCoreService)
}

// tagRef splits an image reference without a digest into repository and tag.
var tagRef = regexp.MustCompile(`^([^@]+?)(?::([A-Za-z0-9_][A-Za-z0-9_.-]{0,127}))?$`)

func checkPinnedImage(v *View, r inventory.Resource) Finding {
	i := in(r, "containerUri")
	return i.unknownOr(func() Finding {
		uri, _ := i.str()
		if awsvalues.PinnedByDigest(uri) {
			return pass()
		}
		m := tagRef.FindStringSubmatch(uri)
		if m == nil || m[2] == "" || m[2] == "latest" {
			return fail("containerUri %s is not pinned; use the pushed image's @sha256 digest", i.show())
		}
		repoName := m[1][strings.Index(m[1], "/")+1:]
		if !v.whole() {
			return fail("containerUri %s uses tag %q, which this check cannot prove immutable alone; pin the @sha256 digest", i.show(), m[2])
		}
		for _, repo := range v.ofType(typeRepository) {
			if namedBy(repoName, repo) {
				if s, _ := in(repo, "imageTagMutability").str(); s == "IMMUTABLE" {
					return pass()
				}
				return fail("containerUri %s uses tag %q of a MUTABLE repository; pin the @sha256 digest", i.show(), m[2])
			}
		}
		return fail("containerUri %s uses tag %q of a repository outside this stack; pin the @sha256 digest", i.show(), m[2])
	})
}

// Secret-looking variable names and values (checkov CKV_AWS_45's idea for runtimes).
var (
	secretNameParts = []string{"PASSWORD", "PASSWD", "SECRET", "TOKEN", "API_KEY", "APIKEY", "PRIVATE_KEY", "ACCESS_KEY", "CREDENTIAL"}
	referenceSuffix = []string{"_ARN", "_NAME", "_ID", "_PATH", "_PARAMETER", "_PARAM", "_URL"}
	secretValue     = regexp.MustCompile(`\b(A[KS]IA[0-9A-Z]{16}|xox[abpr]-|sk-[A-Za-z0-9]{20,}|gh[po]_[A-Za-z0-9]{20,})|-----BEGIN`)
)

func checkRuntimeEnv(_ *View, r inventory.Resource) Finding {
	env := in(r, "environmentVariables")
	if env.unknown {
		return unknown("environmentVariables")
	}
	m, _ := env.object()
	names := make([]string, 0, len(m))
	for k := range m {
		names = append(names, k)
	}
	sort.Strings(names)
	parts := []Finding{pass()}
	for _, k := range names {
		i := lookup(m, k)
		i.path = "environmentVariables." + k
		parts = append(parts, envVar(k, i))
	}
	return all(parts...)
}

func envVar(name string, i input) Finding {
	upper := strings.ToUpper(name)
	sensitive := false
	for _, p := range secretNameParts {
		sensitive = sensitive || strings.Contains(upper, p)
	}
	for _, s := range referenceSuffix {
		sensitive = sensitive && !strings.HasSuffix(upper, s)
	}
	s, _ := i.str()
	switch {
	case i.secret:
		f := fail("%s holds a secret value, stored in plaintext in state and the runtime; pass the secret's ARN", i.path)
		f.Unwaivable = true
		return f
	case i.unknown:
		return unknown(i.path)
	case secretValue.MatchString(s):
		f := fail("%s looks like a credential; pass the secret's ARN and read it at runtime", i.path)
		f.Unwaivable = true
		return f
	case sensitive && !reference(s):
		return fail("%s is named like a secret and holds a value; pass the secret's ARN or name (…_ARN)", i.path)
	}
	return pass()
}

// reference is true for values that point at a secret rather than hold one (an ARN, a secret
// name or path) and for flags and numbers (SECRETS_MANAGER_ENABLED=true).
func reference(s string) bool {
	if _, err := strconv.ParseFloat(s, 64); err == nil {
		return true
	}
	if _, err := strconv.ParseBool(s); err == nil {
		return true
	}
	return strings.HasPrefix(s, "arn:") || strings.Contains(s, "/")
}

func checkRuntimeName(_ *View, r inventory.Resource) Finding {
	i := in(r, "agentRuntimeName")
	return i.unknownOr(func() Finding {
		if s, ok := i.str(); ok && awsvalues.RuntimeName.MatchString(s) {
			return pass()
		}
		return fail("agentRuntimeName is %s; it %s", i.show(), awsvalues.RuntimeNameRule)
	})
}

func checkSessionBounds(_ *View, r inventory.Resource) Finding {
	idle, life := in(r, "idleRuntimeSessionTimeout"), in(r, "maxLifetime")
	var parts []Finding
	vals := map[string]float64{}
	for _, i := range []input{idle, life} {
		switch n, ok := i.number(); {
		case i.unknown:
			parts = append(parts, unknown(i.path))
		case !ok || n < 60 || n > 28800:
			parts = append(parts, fail("%s is %s; set it to 60-28800 seconds", i.path, i.show()))
		default:
			vals[i.path] = n
		}
	}
	if len(vals) == 2 && vals[idle.path] > vals[life.path] {
		parts = append(parts, fail("idleRuntimeSessionTimeout (%g) exceeds maxLifetime (%g)", vals[idle.path], vals[life.path]))
	}
	return all(append(parts, pass())...)
}

func checkTimeouts(v *View, r inventory.Resource) Finding {
	if !v.optionsKnown {
		return na()
	}
	var missing []string
	for _, op := range []string{"create", "update", "delete"} {
		if r.CustomTimeouts[op] == "" {
			missing = append(missing, op)
		}
	}
	if len(missing) > 0 {
		return fail("no custom %s timeout; set pulumi.Timeouts (for example 30m)", strings.Join(missing, ", "))
	}
	return pass()
}
