package bidopsai

import (
	"errors"
	"fmt"
	"reflect"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// AgentRuntime is a Bedrock AgentCore runtime managed by the bidopsai provider.
type AgentRuntime struct {
	pulumi.CustomResourceState

	AgentRuntimeName    pulumi.StringOutput `pulumi:"agentRuntimeName"`
	ContainerURI        pulumi.StringOutput `pulumi:"containerUri"`
	AgentRuntimeID      pulumi.StringOutput `pulumi:"agentRuntimeId"`
	AgentRuntimeArn     pulumi.StringOutput `pulumi:"agentRuntimeArn"`
	AgentRuntimeVersion pulumi.StringOutput `pulumi:"agentRuntimeVersion"`
	Status              pulumi.StringOutput `pulumi:"status"`
	WorkloadIdentityArn pulumi.StringOutput `pulumi:"workloadIdentityArn"`
}

// AgentRuntimeArgs are the runtime's inputs.
type AgentRuntimeArgs struct {
	// AgentRuntimeName is the runtime name, ^[a-zA-Z][a-zA-Z0-9_]{0,47}$ (no hyphens). Required;
	// changing it replaces the runtime.
	AgentRuntimeName pulumi.StringInput `pulumi:"agentRuntimeName"`
	// Description is free text. Default: none.
	Description pulumi.StringPtrInput `pulumi:"description"`
	// ContainerURI is the image, pinned by @sha256: digest (or a version tag, never latest). Required.
	ContainerURI pulumi.StringInput `pulumi:"containerUri"`
	// RoleArn is the execution role; it must trust bedrock-agentcore.amazonaws.com. Required.
	RoleArn pulumi.StringInput `pulumi:"roleArn"`
	// NetworkMode is PUBLIC or VPC. Default: PUBLIC.
	NetworkMode pulumi.StringPtrInput `pulumi:"networkMode"`
	// SubnetIDs are the subnets for VPC mode (required there, forbidden in PUBLIC).
	SubnetIDs pulumi.StringArrayInput `pulumi:"subnetIds"`
	// SecurityGroupIDs are the security groups for VPC mode (required there, forbidden in PUBLIC).
	SecurityGroupIDs pulumi.StringArrayInput `pulumi:"securityGroupIds"`
	// ServerProtocol is HTTP, MCP or A2A. Default: HTTP.
	ServerProtocol pulumi.StringPtrInput `pulumi:"serverProtocol"`
	// EnvironmentVariables of the container: names and non-secret values only. Default: none.
	EnvironmentVariables pulumi.StringMapInput `pulumi:"environmentVariables"`
	// IdleRuntimeSessionTimeout in seconds, 60-28800. Default: 900.
	IdleRuntimeSessionTimeout pulumi.IntPtrInput `pulumi:"idleRuntimeSessionTimeout"`
	// MaxLifetime of a session in seconds, 60-28800, at least the idle timeout. Default: 28800.
	MaxLifetime pulumi.IntPtrInput `pulumi:"maxLifetime"`
	// Authorizer is an optional inbound JWT authorizer (for example Cognito). Default: none.
	Authorizer *JWTAuthorizerArgs `pulumi:"authorizer"`
	// Tags of the runtime. Default: none.
	Tags pulumi.StringMapInput `pulumi:"tags"`
}

// JWTAuthorizerArgs configure the runtime's inbound JWT authorizer.
type JWTAuthorizerArgs struct {
	// DiscoveryURL is the https OpenID discovery URL ending in /.well-known/openid-configuration. Required.
	DiscoveryURL pulumi.StringInput `pulumi:"discoveryUrl"`
	// AllowedClients are the client ids accepted. Default: none.
	AllowedClients pulumi.StringArrayInput `pulumi:"allowedClients"`
	// AllowedAudience are the audiences accepted. Default: none.
	AllowedAudience pulumi.StringArrayInput `pulumi:"allowedAudience"`
}

type agentRuntimeArgs struct {
	AgentRuntimeName          string            `pulumi:"agentRuntimeName"`
	Description               *string           `pulumi:"description"`
	ContainerURI              string            `pulumi:"containerUri"`
	RoleArn                   string            `pulumi:"roleArn"`
	NetworkMode               *string           `pulumi:"networkMode"`
	SubnetIDs                 []string          `pulumi:"subnetIds"`
	SecurityGroupIDs          []string          `pulumi:"securityGroupIds"`
	ServerProtocol            *string           `pulumi:"serverProtocol"`
	EnvironmentVariables      map[string]string `pulumi:"environmentVariables"`
	IdleRuntimeSessionTimeout *int              `pulumi:"idleRuntimeSessionTimeout"`
	MaxLifetime               *int              `pulumi:"maxLifetime"`
	Authorizer                *jwtAuthorizer    `pulumi:"authorizer"`
	Tags                      map[string]string `pulumi:"tags"`
}

type jwtAuthorizer struct {
	DiscoveryURL    string   `pulumi:"discoveryUrl"`
	AllowedClients  []string `pulumi:"allowedClients"`
	AllowedAudience []string `pulumi:"allowedAudience"`
}

// ElementType implements pulumi.Input.
func (AgentRuntimeArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*agentRuntimeArgs)(nil)).Elem()
}

// ElementType implements pulumi.Input.
func (JWTAuthorizerArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*jwtAuthorizer)(nil)).Elem()
}

// NewAgentRuntime registers an AgentCore runtime.
func NewAgentRuntime(ctx *pulumi.Context, name string, args *AgentRuntimeArgs, opts ...pulumi.ResourceOption) (*AgentRuntime, error) {
	if err := args.validate(); err != nil {
		return nil, fmt.Errorf("bidopsai.NewAgentRuntime %s: %w", name, err)
	}
	var res AgentRuntime
	if err := ctx.RegisterResource(AgentRuntimeType, name, args, &res, opts...); err != nil {
		return nil, fmt.Errorf("registering agent runtime %s: %w", name, err)
	}
	return &res, nil
}

func (a *AgentRuntimeArgs) validate() error {
	if a == nil {
		return errors.New("args are required (agentRuntimeName, containerUri, roleArn)")
	}
	switch {
	case a.AgentRuntimeName == nil:
		return errors.New("agentRuntimeName is required")
	case a.ContainerURI == nil:
		return errors.New("containerUri is required")
	case a.RoleArn == nil:
		return errors.New("roleArn is required")
	case a.Authorizer != nil && a.Authorizer.DiscoveryURL == nil:
		return errors.New("authorizer.discoveryUrl is required when authorizer is set")
	}
	if v, ok := knownString(a.AgentRuntimeName); ok && !runtimeNameRE.MatchString(v) {
		return fmt.Errorf("agentRuntimeName %q must match %s (letters, digits, underscores; no hyphens)", v, runtimeNameRE)
	}
	if v, ok := knownStringPtr(a.NetworkMode); ok && v != "PUBLIC" && v != "VPC" {
		return fmt.Errorf("networkMode %q must be one of PUBLIC, VPC", v)
	}
	return nil
}
