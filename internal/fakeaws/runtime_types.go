package fakeaws

import "time"

// RuntimeSpec is the configuration part of an agent runtime, in the service's JSON shape.
type RuntimeSpec struct {
	AgentRuntimeArtifact    *Artifact         `json:"agentRuntimeArtifact,omitempty"`
	RoleArn                 string            `json:"roleArn,omitempty"`
	NetworkConfiguration    *NetworkConfig    `json:"networkConfiguration,omitempty"`
	ProtocolConfiguration   *ProtocolConfig   `json:"protocolConfiguration,omitempty"`
	EnvironmentVariables    map[string]string `json:"environmentVariables,omitempty"`
	LifecycleConfiguration  *Lifecycle        `json:"lifecycleConfiguration,omitempty"`
	AuthorizerConfiguration *Authorizer       `json:"authorizerConfiguration,omitempty"`
	Description             *string           `json:"description,omitempty"`
}

// Artifact is agentRuntimeArtifact (only the container variant is modelled).
type Artifact struct {
	ContainerConfiguration *Container `json:"containerConfiguration,omitempty"`
}

// Container is agentRuntimeArtifact.containerConfiguration.
type Container struct {
	ContainerURI string `json:"containerUri"`
}

// NetworkConfig is networkConfiguration.
type NetworkConfig struct {
	NetworkMode       string     `json:"networkMode"`
	NetworkModeConfig *VPCConfig `json:"networkModeConfig,omitempty"`
}

// VPCConfig is networkConfiguration.networkModeConfig.
type VPCConfig struct {
	SecurityGroups []string `json:"securityGroups"`
	Subnets        []string `json:"subnets"`
}

// ProtocolConfig is protocolConfiguration.
type ProtocolConfig struct {
	ServerProtocol string `json:"serverProtocol"`
}

// Lifecycle is lifecycleConfiguration, in seconds.
type Lifecycle struct {
	IdleRuntimeSessionTimeout *int `json:"idleRuntimeSessionTimeout,omitempty"`
	MaxLifetime               *int `json:"maxLifetime,omitempty"`
}

// Authorizer is authorizerConfiguration (only the custom JWT variant is modelled).
type Authorizer struct {
	CustomJWTAuthorizer *JWTAuthorizer `json:"customJWTAuthorizer,omitempty"`
}

// JWTAuthorizer is authorizerConfiguration.customJWTAuthorizer.
type JWTAuthorizer struct {
	DiscoveryURL    string   `json:"discoveryUrl"`
	AllowedAudience []string `json:"allowedAudience,omitempty"`
	AllowedClients  []string `json:"allowedClients,omitempty"`
}

// Runtime is the fake's record of one agent runtime.
type Runtime struct {
	ID, ARN, Name, Version string
	Status, FailureReason  string
	WorkloadIdentityArn    string
	ClientToken            string // token of the create request
	Spec                   RuntimeSpec
	Tags                   map[string]string
	CreatedAt, UpdatedAt   time.Time

	pending     *pending
	updateToken string
}

type createRuntimeRequest struct {
	RuntimeSpec
	AgentRuntimeName string            `json:"agentRuntimeName"`
	ClientToken      string            `json:"clientToken,omitempty"`
	Tags             map[string]string `json:"tags,omitempty"`
}

type updateRuntimeRequest struct {
	RuntimeSpec
	ClientToken string `json:"clientToken,omitempty"`
}

type workloadIdentity struct {
	WorkloadIdentityArn string `json:"workloadIdentityArn"`
}

// runtimeSummary is the shape of create, update and delete replies.
type runtimeSummary struct {
	AgentRuntimeArn         string            `json:"agentRuntimeArn,omitempty"`
	AgentRuntimeID          string            `json:"agentRuntimeId"`
	AgentRuntimeVersion     string            `json:"agentRuntimeVersion,omitempty"`
	Status                  string            `json:"status"`
	CreatedAt               string            `json:"createdAt,omitempty"`
	LastUpdatedAt           string            `json:"lastUpdatedAt,omitempty"`
	WorkloadIdentityDetails *workloadIdentity `json:"workloadIdentityDetails,omitempty"`
}

type getRuntimeReply struct {
	RuntimeSpec
	runtimeSummary
	AgentRuntimeName string `json:"agentRuntimeName"`
	FailureReason    string `json:"failureReason,omitempty"`
}

// clone deep-copies a record so callers outside the lock can't race with handlers.
func (r *Runtime) clone() Runtime {
	out := *r
	out.pending = nil
	out.Tags = cloneMap(r.Tags)
	out.Spec.EnvironmentVariables = cloneMap(r.Spec.EnvironmentVariables)
	return out
}

func cloneMap(m map[string]string) map[string]string {
	if m == nil {
		return nil
	}
	out := make(map[string]string, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

func stamp(t time.Time) string { return t.UTC().Format(time.RFC3339) }
