package provider

import "github.com/pulumi/pulumi-go-provider/infer"

// AgentRuntime is the bidopsai:index:AgentRuntime resource: one Bedrock AgentCore runtime.
type AgentRuntime struct{ d *deps }

// AgentRuntimeArgs are the runtime's inputs. Check fills the defaults, so state always holds
// them explicitly and a program that omits one never sees a perpetual diff.
type AgentRuntimeArgs struct {
	AgentRuntimeName          string            `pulumi:"agentRuntimeName"`
	Description               string            `pulumi:"description,optional"`
	ContainerURI              string            `pulumi:"containerUri"`
	RoleArn                   string            `pulumi:"roleArn"`
	NetworkMode               string            `pulumi:"networkMode,optional"`
	SubnetIDs                 []string          `pulumi:"subnetIds,optional"`
	SecurityGroupIDs          []string          `pulumi:"securityGroupIds,optional"`
	ServerProtocol            string            `pulumi:"serverProtocol,optional"`
	EnvironmentVariables      map[string]string `pulumi:"environmentVariables,optional"`
	IdleRuntimeSessionTimeout int               `pulumi:"idleRuntimeSessionTimeout,optional"`
	MaxLifetime               int               `pulumi:"maxLifetime,optional"`
	Authorizer                *JWTAuthorizer    `pulumi:"authorizer,optional"`
	Tags                      map[string]string `pulumi:"tags,optional"`
}

// JWTAuthorizer is the runtime's optional inbound JWT authorizer (for example Cognito).
type JWTAuthorizer struct {
	DiscoveryURL    string   `pulumi:"discoveryUrl"`
	AllowedClients  []string `pulumi:"allowedClients,optional"`
	AllowedAudience []string `pulumi:"allowedAudience,optional"`
}

// AgentRuntimeState is the runtime's recorded state: its inputs and what AWS assigned.
type AgentRuntimeState struct {
	AgentRuntimeArgs
	AgentRuntimeID      string `pulumi:"agentRuntimeId"`
	AgentRuntimeArn     string `pulumi:"agentRuntimeArn"`
	AgentRuntimeVersion string `pulumi:"agentRuntimeVersion"`
	Status              string `pulumi:"status"`
	WorkloadIdentityArn string `pulumi:"workloadIdentityArn"`
	FailureReason       string `pulumi:"failureReason,optional"`
}

// Annotate documents the resource.
func (r *AgentRuntime) Annotate(a infer.Annotator) {
	a.Describe(&r, "A Bedrock AgentCore runtime running one agent container. Updates send the complete "+
		"configuration and create a new runtime version; a name change replaces the runtime.")
}

// Annotate documents the inputs.
func (a *AgentRuntimeArgs) Annotate(an infer.Annotator) {
	an.Describe(&a.AgentRuntimeName, "Runtime name, ^[a-zA-Z][a-zA-Z0-9_]{0,47}$ (no hyphens). Changing it replaces the runtime.")
	an.Describe(&a.Description, "Free-text description, at most 4096 characters.")
	an.Describe(&a.ContainerURI, "ECR image URI (private ECR or public.ecr.aws, at most 1024 characters), pinned: an @sha256: digest or an explicit tag other than latest.")
	an.Describe(&a.RoleArn, "Execution role ARN; it must trust bedrock-agentcore.amazonaws.com.")
	an.Describe(&a.NetworkMode, "PUBLIC (default) or VPC.")
	an.Describe(&a.SubnetIDs, "Subnets for VPC mode (required there, forbidden in PUBLIC).")
	an.Describe(&a.SecurityGroupIDs, "Security groups for VPC mode (required there, forbidden in PUBLIC).")
	an.Describe(&a.ServerProtocol, "HTTP (default), MCP or A2A.")
	an.Describe(&a.EnvironmentVariables, "Environment variables of the container (non-secret values only): at most 50, names of 1-100 and values of at most 5000 characters.")
	an.Describe(&a.IdleRuntimeSessionTimeout, "Seconds an idle session lives, 60-28800; default 900.")
	an.Describe(&a.MaxLifetime, "Seconds a session may live at most, 60-28800 and >= the idle timeout; default 28800.")
	an.Describe(&a.Authorizer, "Optional inbound JWT authorizer.")
	an.Describe(&a.Tags, "Tags of the runtime, at most 49: the provider adds bidopsai:owner, naming the resource that owns it.")
}

// Annotate documents the authorizer.
func (j *JWTAuthorizer) Annotate(a infer.Annotator) {
	a.Describe(&j.DiscoveryURL, "OpenID discovery URL, https://.../.well-known/openid-configuration.")
	a.Describe(&j.AllowedClients, "Client ids accepted in tokens.")
	a.Describe(&j.AllowedAudience, "Audiences accepted in tokens.")
}

// Annotate documents the outputs.
func (s *AgentRuntimeState) Annotate(a infer.Annotator) {
	a.Describe(&s.AgentRuntimeID, "Runtime id assigned by AgentCore.")
	a.Describe(&s.AgentRuntimeArn, "Runtime ARN.")
	a.Describe(&s.AgentRuntimeVersion, "Current runtime version; every update creates a new one.")
	a.Describe(&s.Status, "Last status seen: READY, or CREATE_FAILED / UPDATE_FAILED after a failure.")
	a.Describe(&s.WorkloadIdentityArn, "ARN of the runtime's workload identity.")
	a.Describe(&s.FailureReason, "AgentCore's reason for the last failure, if any.")
}
