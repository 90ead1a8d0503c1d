package provider

import (
	"context"
	"fmt"
	"strings"

	"github.com/bidopsai/bidopsai-infra/internal/awsvalues"

	"github.com/pulumi/pulumi-go-provider/infer"
)

// RuntimeNameRE is the runtime name pattern AgentCore enforces (awsvalues.RuntimeName).
var RuntimeNameRE = awsvalues.RuntimeName

// Runtime defaults, the values AgentCore itself applies when they are left out.
const (
	defaultNetworkMode    = "PUBLIC"
	defaultServerProtocol = "HTTP"
	defaultIdleTimeout    = 900
	defaultMaxLifetime    = 28800
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
	f.check(in, "agentRuntimeName", awsvalues.RuntimeNameProblem(a.AgentRuntimeName))
	f.check(in, "description", descriptionProblem(a.Description))
	if in.known("containerUri") {
		if reason := checkContainerURI(a.ContainerURI); reason != "" {
			f.add("containerUri", "containerUri %s", reason)
		}
	}
	f.check(in, "roleArn", awsvalues.RoleArnProblem(a.RoleArn))
	a.validateNetwork(in, f)
	f.check(in, "serverProtocol", awsvalues.ServerProtocolProblem(a.ServerProtocol))
	a.validateLifecycle(in, f)
	if in.known("environmentVariables") {
		f.addAll("environmentVariables", awsvalues.EnvironmentProblems(a.EnvironmentVariables))
	}
	if a.Authorizer != nil && in.known("authorizer", "discoveryUrl") {
		f.check(in, "authorizer.discoveryUrl", awsvalues.DiscoveryURLProblem(a.Authorizer.DiscoveryURL))
	}
	if in.known("tags") {
		checkTags(f, awsvalues.AgentCoreTags, a.Tags)
	}
}

// descriptionProblem: an empty description is not sent, so only a sent one is bounded.
func descriptionProblem(d string) string {
	if d == "" {
		return ""
	}
	return awsvalues.RuntimeDescriptionProblem(d)
}

// checkContainerURI returns why uri is not an ECR image reference pinned by digest or by a
// version tag, or "".
func checkContainerURI(uri string) string {
	if reason := awsvalues.ContainerURIProblem(uri); reason != "" {
		return reason
	}
	if strings.Contains(uri, "@") {
		if !awsvalues.PinnedByDigest(uri) {
			return fmt.Sprintf("%q has a malformed digest; expected @sha256:<64 hex digits>", uri)
		}
		return ""
	}
	_, tag, ok := strings.Cut(uri[strings.LastIndex(uri, "/")+1:], ":")
	switch {
	case !ok:
		return fmt.Sprintf("%q must be pinned: add an @sha256: digest or an explicit version tag", uri)
	case tag == "latest":
		return fmt.Sprintf("%q must not use the mutable latest tag: pin an @sha256: digest or a version tag", uri)
	}
	return ""
}

func (a *AgentRuntimeArgs) validateNetwork(in inputs, f *failures) {
	if !in.known("networkMode") {
		return
	}
	switch a.NetworkMode {
	case "VPC":
		if in.known("subnetIds") {
			f.check(in, "subnetIds", awsvalues.SubnetsProblem(a.SubnetIDs))
		}
		if in.known("securityGroupIds") {
			f.check(in, "securityGroupIds", awsvalues.SecurityGroupsProblem(a.SecurityGroupIDs))
		}
	case "PUBLIC":
		if len(a.SubnetIDs) > 0 || len(a.SecurityGroupIDs) > 0 {
			f.add("networkMode", "subnetIds and securityGroupIds apply only when networkMode is VPC")
		}
	default:
		f.add("networkMode", "networkMode %s", awsvalues.NetworkModeProblem(a.NetworkMode))
	}
}

func (a *AgentRuntimeArgs) validateLifecycle(in inputs, f *failures) {
	idleOK := in.known("idleRuntimeSessionTimeout")
	maxOK := in.known("maxLifetime")
	if idleOK {
		f.check(in, "idleRuntimeSessionTimeout", awsvalues.SessionSecondsProblem(a.IdleRuntimeSessionTimeout))
	}
	if maxOK {
		f.check(in, "maxLifetime", awsvalues.SessionSecondsProblem(a.MaxLifetime))
	}
	if idleOK && maxOK {
		f.check(in, "idleRuntimeSessionTimeout", awsvalues.LifecycleOrderProblem(a.IdleRuntimeSessionTimeout, a.MaxLifetime))
	}
}
