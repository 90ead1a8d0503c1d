package provider

import (
	"context"
	"maps"
	"regexp"
	"slices"
	"strings"

	"github.com/pulumi/pulumi-go-provider/infer"
)

// Patterns AgentCore enforces; checking them here fails the preview instead of the apply.
var (
	RuntimeNameRE = regexp.MustCompile(`^[a-zA-Z][a-zA-Z0-9_]{0,47}$`)
	roleArnRE     = regexp.MustCompile(`^arn:aws(-[a-z]+)*:iam::[0-9]{12}:role/[\w+=,.@/-]+$`)
	digestRE      = regexp.MustCompile(`@sha256:[a-f0-9]{64}$`)
	envNameRE     = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]{0,99}$`)
)

// Runtime defaults, the values AgentCore itself applies when they are left out.
const (
	defaultNetworkMode    = "PUBLIC"
	defaultServerProtocol = "HTTP"
	defaultIdleTimeout    = 900
	defaultMaxLifetime    = 28800
	maxEnvironmentVars    = 50
)

// Check decodes the inputs, fills the defaults, normalises set-like lists and validates
// every known value; unknown values (preview) are left for the next check.
func (r *AgentRuntime) Check(ctx context.Context, req infer.CheckRequest) (infer.CheckResponse[AgentRuntimeArgs], error) {
	args, fails, err := infer.DefaultCheck[AgentRuntimeArgs](ctx, req.NewInputs)
	if err != nil || len(fails) > 0 {
		return infer.CheckResponse[AgentRuntimeArgs]{Inputs: args, Failures: fails}, err
	}
	in := inputs{req.NewInputs}
	args.fillDefaults(in)
	var f failures
	args.validate(in, &f)
	return infer.CheckResponse[AgentRuntimeArgs]{Inputs: args, Failures: f}, nil
}

func (a *AgentRuntimeArgs) fillDefaults(in inputs) {
	if in.absent("networkMode") {
		a.NetworkMode = defaultNetworkMode
	}
	if in.absent("serverProtocol") {
		a.ServerProtocol = defaultServerProtocol
	}
	if in.absent("idleRuntimeSessionTimeout") {
		a.IdleRuntimeSessionTimeout = defaultIdleTimeout
	}
	if in.absent("maxLifetime") {
		a.MaxLifetime = defaultMaxLifetime
	}
	if in.known("subnetIds") {
		a.SubnetIDs = sorted(a.SubnetIDs)
	}
	if in.known("securityGroupIds") {
		a.SecurityGroupIDs = sorted(a.SecurityGroupIDs)
	}
	if in.known("environmentVariables") {
		a.EnvironmentVariables = nilIfEmpty(a.EnvironmentVariables)
	}
	if in.known("tags") {
		a.Tags = nilIfEmpty(a.Tags)
	}
	if a.Authorizer != nil && in.known("authorizer") {
		a.Authorizer.AllowedClients = sorted(a.Authorizer.AllowedClients)
		a.Authorizer.AllowedAudience = sorted(a.Authorizer.AllowedAudience)
	}
}

func (a *AgentRuntimeArgs) validate(in inputs, f *failures) {
	if in.known("agentRuntimeName") && !RuntimeNameRE.MatchString(a.AgentRuntimeName) {
		f.add("agentRuntimeName", "agentRuntimeName %q must match %s: a letter, then up to 47 letters, digits "+
			"or underscores (no hyphens)", a.AgentRuntimeName, RuntimeNameRE)
	}
	if in.known("containerUri") {
		if reason := checkContainerURI(a.ContainerURI); reason != "" {
			f.add("containerUri", "containerUri %q %s", a.ContainerURI, reason)
		}
	}
	if in.known("roleArn") && !roleArnRE.MatchString(a.RoleArn) {
		f.add("roleArn", "roleArn %q is not an IAM role ARN (arn:aws:iam::<account>:role/<name>)", a.RoleArn)
	}
	a.validateNetwork(in, f)
	if in.known("serverProtocol") && !oneOf(a.ServerProtocol, "HTTP", "MCP", "A2A") {
		f.add("serverProtocol", "serverProtocol %q must be one of HTTP, MCP, A2A", a.ServerProtocol)
	}
	a.validateLifecycle(in, f)
	if in.known("environmentVariables") {
		validateEnv(a.EnvironmentVariables, f)
	}
	if a.Authorizer != nil && in.known("authorizer", "discoveryUrl") {
		u := a.Authorizer.DiscoveryURL
		if !strings.HasPrefix(u, "https://") || !strings.HasSuffix(u, "/.well-known/openid-configuration") {
			f.add("authorizer.discoveryUrl", "authorizer.discoveryUrl %q must be an https URL ending in "+
				"/.well-known/openid-configuration", u)
		}
	}
	if in.known("tags") {
		checkTags(f, a.Tags)
	}
}

// checkContainerURI returns why uri is not a pinned image reference, or "".
func checkContainerURI(uri string) string {
	if uri == "" {
		return "is required"
	}
	if strings.Contains(uri, "@") {
		if !digestRE.MatchString(uri) {
			return "has a malformed digest; expected @sha256:<64 hex digits>"
		}
		return ""
	}
	repo, tag, ok := strings.Cut(uri[strings.LastIndex(uri, "/")+1:], ":")
	switch {
	case !ok || repo == "" || tag == "":
		return "must be pinned: add an @sha256: digest or an explicit version tag"
	case tag == "latest":
		return "must not use the mutable latest tag: pin an @sha256: digest or a version tag"
	}
	return ""
}

func (a *AgentRuntimeArgs) validateNetwork(in inputs, f *failures) {
	if !in.known("networkMode") {
		return
	}
	switch a.NetworkMode {
	case "VPC":
		if in.known("subnetIds") && len(a.SubnetIDs) == 0 {
			f.add("subnetIds", "subnetIds is required when networkMode is VPC")
		}
		if in.known("securityGroupIds") && len(a.SecurityGroupIDs) == 0 {
			f.add("securityGroupIds", "securityGroupIds is required when networkMode is VPC")
		}
	case "PUBLIC":
		if len(a.SubnetIDs) > 0 || len(a.SecurityGroupIDs) > 0 {
			f.add("networkMode", "subnetIds and securityGroupIds apply only when networkMode is VPC")
		}
	default:
		f.add("networkMode", "networkMode %q must be one of PUBLIC, VPC", a.NetworkMode)
	}
}

func (a *AgentRuntimeArgs) validateLifecycle(in inputs, f *failures) {
	idleOK := in.known("idleRuntimeSessionTimeout")
	maxOK := in.known("maxLifetime")
	if idleOK && (a.IdleRuntimeSessionTimeout < 60 || a.IdleRuntimeSessionTimeout > 28800) {
		f.add("idleRuntimeSessionTimeout", "idleRuntimeSessionTimeout %d must be between 60 and 28800 seconds",
			a.IdleRuntimeSessionTimeout)
	}
	if maxOK && (a.MaxLifetime < 60 || a.MaxLifetime > 28800) {
		f.add("maxLifetime", "maxLifetime %d must be between 60 and 28800 seconds", a.MaxLifetime)
	}
	if idleOK && maxOK && a.IdleRuntimeSessionTimeout > a.MaxLifetime {
		f.add("idleRuntimeSessionTimeout", "idleRuntimeSessionTimeout %d must not exceed maxLifetime %d",
			a.IdleRuntimeSessionTimeout, a.MaxLifetime)
	}
}

func validateEnv(env map[string]string, f *failures) {
	if len(env) > maxEnvironmentVars {
		f.add("environmentVariables", "at most %d environment variables are allowed, got %d", maxEnvironmentVars, len(env))
	}
	for _, k := range slices.Sorted(maps.Keys(env)) {
		if !envNameRE.MatchString(k) {
			f.add("environmentVariables", "environment variable name %q must match %s", k, envNameRE)
		}
	}
}

func oneOf(v string, allowed ...string) bool { return slices.Contains(allowed, v) }
