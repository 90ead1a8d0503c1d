package provider

import (
	"context"

	p "github.com/pulumi/pulumi-go-provider"
	"github.com/pulumi/pulumi-go-provider/infer"
)

// runtimeFields are the runtime's inputs as Diff compares them; only the name replaces.
var runtimeFields = []fieldDiff[AgentRuntimeArgs]{
	{"agentRuntimeName", func(a AgentRuntimeArgs) any { return a.AgentRuntimeName }, true},
	{"description", func(a AgentRuntimeArgs) any { return a.Description }, false},
	{"containerUri", func(a AgentRuntimeArgs) any { return a.ContainerURI }, false},
	{"roleArn", func(a AgentRuntimeArgs) any { return a.RoleArn }, false},
	{"networkMode", func(a AgentRuntimeArgs) any { return a.NetworkMode }, false},
	{"subnetIds", func(a AgentRuntimeArgs) any { return sorted(a.SubnetIDs) }, false},
	{"securityGroupIds", func(a AgentRuntimeArgs) any { return sorted(a.SecurityGroupIDs) }, false},
	{"serverProtocol", func(a AgentRuntimeArgs) any { return a.ServerProtocol }, false},
	{"environmentVariables", func(a AgentRuntimeArgs) any { return nilIfEmpty(a.EnvironmentVariables) }, false},
	{"idleRuntimeSessionTimeout", func(a AgentRuntimeArgs) any { return a.IdleRuntimeSessionTimeout }, false},
	{"maxLifetime", func(a AgentRuntimeArgs) any { return a.MaxLifetime }, false},
	{"authorizer", func(a AgentRuntimeArgs) any { return normAuthorizer(a.Authorizer) }, false},
	{"tags", func(a AgentRuntimeArgs) any { return nilIfEmpty(a.Tags) }, false},
}

func normAuthorizer(j *JWTAuthorizer) *JWTAuthorizer {
	if j == nil {
		return nil
	}
	return &JWTAuthorizer{DiscoveryURL: j.DiscoveryURL, AllowedClients: sorted(j.AllowedClients),
		AllowedAudience: sorted(j.AllowedAudience)}
}

// sameRuntimeSpec reports whether two inputs need no UpdateAgentRuntime (tags excluded:
// they have their own API).
func sameRuntimeSpec(a, b AgentRuntimeArgs) bool {
	d := diffFields(runtimeFields, a, b)
	delete(d, "tags")
	return len(d) == 0
}

// Diff names each changed property. A name change replaces; so does a runtime that failed
// to create, deleting first because the new one needs the same name.
func (r *AgentRuntime) Diff(_ context.Context, req infer.DiffRequest[AgentRuntimeArgs, AgentRuntimeState]) (infer.DiffResponse, error) {
	d := diffFields(runtimeFields, req.State.AgentRuntimeArgs, req.Inputs)
	resp := infer.DiffResponse{DetailedDiff: d}
	if req.State.Status == "CREATE_FAILED" {
		d["status"] = p.PropertyDiff{Kind: p.UpdateReplace}
		_, renamed := d["agentRuntimeName"]
		resp.DeleteBeforeReplace = !renamed
	}
	resp.HasChanges = len(d) > 0
	return resp, nil
}
