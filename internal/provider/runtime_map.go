package provider

import (
	"math"

	"github.com/aws/aws-sdk-go-v2/aws"
	ac "github.com/aws/aws-sdk-go-v2/service/bedrockagentcorecontrol"
	"github.com/aws/aws-sdk-go-v2/service/bedrockagentcorecontrol/types"
)

// runtimeSpec is the configuration both create and update send in full.
type runtimeSpec struct {
	artifact    types.AgentRuntimeArtifact
	network     *types.NetworkConfiguration
	protocol    *types.ProtocolConfiguration
	lifecycle   *types.LifecycleConfiguration
	authorizer  types.AuthorizerConfiguration
	description *string
}

func (a AgentRuntimeArgs) spec() runtimeSpec {
	s := runtimeSpec{
		artifact: &types.AgentRuntimeArtifactMemberContainerConfiguration{
			Value: types.ContainerConfiguration{ContainerUri: aws.String(a.ContainerURI)},
		},
		network:  &types.NetworkConfiguration{NetworkMode: types.NetworkMode(a.NetworkMode)},
		protocol: &types.ProtocolConfiguration{ServerProtocol: types.ServerProtocol(a.ServerProtocol)},
		lifecycle: &types.LifecycleConfiguration{
			IdleRuntimeSessionTimeout: aws.Int32(clampInt32(a.IdleRuntimeSessionTimeout)),
			MaxLifetime:               aws.Int32(clampInt32(a.MaxLifetime)),
		},
	}
	if a.NetworkMode == "VPC" {
		s.network.NetworkModeConfig = &types.VpcConfig{Subnets: a.SubnetIDs, SecurityGroups: a.SecurityGroupIDs}
	}
	if a.Authorizer != nil {
		s.authorizer = &types.AuthorizerConfigurationMemberCustomJWTAuthorizer{Value: types.CustomJWTAuthorizerConfiguration{
			DiscoveryUrl:    aws.String(a.Authorizer.DiscoveryURL),
			AllowedClients:  a.Authorizer.AllowedClients,
			AllowedAudience: a.Authorizer.AllowedAudience,
		}}
	}
	if a.Description != "" {
		s.description = aws.String(a.Description)
	}
	return s
}

// createInput is the create request; tags are what the runtime carries (the program's tags
// and the owner tag).
func (a AgentRuntimeArgs) createInput(token string, tags map[string]string) *ac.CreateAgentRuntimeInput {
	s := a.spec()
	return &ac.CreateAgentRuntimeInput{
		AgentRuntimeName: aws.String(a.AgentRuntimeName), AgentRuntimeArtifact: s.artifact, RoleArn: aws.String(a.RoleArn),
		NetworkConfiguration: s.network, ProtocolConfiguration: s.protocol, LifecycleConfiguration: s.lifecycle,
		AuthorizerConfiguration: s.authorizer, Description: s.description,
		EnvironmentVariables: a.EnvironmentVariables, Tags: tags, ClientToken: aws.String(token),
	}
}

// updateInput is the complete desired configuration: AgentCore replaces the whole runtime
// configuration on update, so anything left out would be dropped.
func (a AgentRuntimeArgs) updateInput(id, token string) *ac.UpdateAgentRuntimeInput {
	s := a.spec()
	return &ac.UpdateAgentRuntimeInput{
		AgentRuntimeId: aws.String(id), AgentRuntimeArtifact: s.artifact, RoleArn: aws.String(a.RoleArn),
		NetworkConfiguration: s.network, ProtocolConfiguration: s.protocol, LifecycleConfiguration: s.lifecycle,
		AuthorizerConfiguration: s.authorizer, Description: s.description,
		EnvironmentVariables: a.EnvironmentVariables, ClientToken: aws.String(token),
	}
}

// runtimeArgsFromLive rebuilds the inputs from what AgentCore reports, normalised like Check.
func runtimeArgsFromLive(out *ac.GetAgentRuntimeOutput, tags map[string]string) AgentRuntimeArgs {
	a := AgentRuntimeArgs{
		AgentRuntimeName: aws.ToString(out.AgentRuntimeName), Description: aws.ToString(out.Description),
		RoleArn: aws.ToString(out.RoleArn), NetworkMode: defaultNetworkMode, ServerProtocol: defaultServerProtocol,
		IdleRuntimeSessionTimeout: defaultIdleTimeout, MaxLifetime: defaultMaxLifetime,
		EnvironmentVariables: nilIfEmpty(out.EnvironmentVariables), Tags: nilIfEmpty(tags),
	}
	if c, ok := out.AgentRuntimeArtifact.(*types.AgentRuntimeArtifactMemberContainerConfiguration); ok {
		a.ContainerURI = aws.ToString(c.Value.ContainerUri)
	}
	if n := out.NetworkConfiguration; n != nil {
		a.NetworkMode = string(n.NetworkMode)
		if v := n.NetworkModeConfig; v != nil {
			a.SubnetIDs, a.SecurityGroupIDs = sorted(v.Subnets), sorted(v.SecurityGroups)
		}
	}
	if p := out.ProtocolConfiguration; p != nil && p.ServerProtocol != "" {
		a.ServerProtocol = string(p.ServerProtocol)
	}
	if l := out.LifecycleConfiguration; l != nil {
		if l.IdleRuntimeSessionTimeout != nil {
			a.IdleRuntimeSessionTimeout = int(*l.IdleRuntimeSessionTimeout)
		}
		if l.MaxLifetime != nil {
			a.MaxLifetime = int(*l.MaxLifetime)
		}
	}
	if j, ok := out.AuthorizerConfiguration.(*types.AuthorizerConfigurationMemberCustomJWTAuthorizer); ok {
		a.Authorizer = &JWTAuthorizer{DiscoveryURL: aws.ToString(j.Value.DiscoveryUrl),
			AllowedClients: sorted(j.Value.AllowedClients), AllowedAudience: sorted(j.Value.AllowedAudience)}
	}
	return a
}

// observe copies what AgentCore assigned into the state.
func (s *AgentRuntimeState) observe(out *ac.GetAgentRuntimeOutput) {
	s.AgentRuntimeID, s.AgentRuntimeArn = aws.ToString(out.AgentRuntimeId), aws.ToString(out.AgentRuntimeArn)
	s.AgentRuntimeVersion, s.Status = aws.ToString(out.AgentRuntimeVersion), string(out.Status)
	s.FailureReason = aws.ToString(out.FailureReason)
	if w := out.WorkloadIdentityDetails; w != nil {
		s.WorkloadIdentityArn = aws.ToString(w.WorkloadIdentityArn)
	}
}

// clampInt32 narrows a validated int for the API; Check has already bounded it.
func clampInt32(v int) int32 {
	return int32(max(min(v, math.MaxInt32), math.MinInt32))
}
