package agentcore

import (
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/bidopsai/bidopsai-infra/internal/awsvalues"
	"github.com/bidopsai/bidopsai-infra/internal/tier"
)

// RuntimeArgs configure one agent's AgentCore runtime.
type RuntimeArgs struct {
	// RuntimeName is the AgentCore runtime name (internal/naming.RuntimeName). Required.
	RuntimeName string
	// Agent is the agent type passed to the container as AGENT_TYPE (workflow, ai-assistant). Required.
	Agent string
	// Description of the runtime. Default: none.
	Description string
	// ContainerURI is the image pinned by digest (repo@sha256:...). Required.
	ContainerURI pulumi.StringInput
	// RoleArn is the execution role, trusting bedrock-agentcore.amazonaws.com. Required.
	RoleArn pulumi.StringInput
	// DependsOn are what the role needs before the runtime may use it: its policy attachments
	// (access.AgentRoles.*RoleReady), so the runtime never starts unable to pull its image.
	// Default: none.
	DependsOn []pulumi.Resource
	// NetworkMode is NetworkPublic or NetworkVPC. Required.
	NetworkMode string `config:"network.mode" default:"PUBLIC"`
	// SubnetIDs and SecurityGroupIDs place a VPC-mode runtime; required in VPC mode only.
	SubnetIDs, SecurityGroupIDs pulumi.StringArrayInput
	// Protocol is one of Protocols. Required.
	Protocol string `config:"runtime.protocol" default:"HTTP"`
	// IdleTimeoutSeconds and MaxLifetimeSeconds bound a session (60-28800, idle <= lifetime).
	IdleTimeoutSeconds int `config:"runtime.idleTimeoutSeconds" default:"900"`
	MaxLifetimeSeconds int `config:"runtime.maxLifetimeSeconds" default:"28800"`
	// Environment is the container's environment: names and non-secret values only (secret
	// names, never secret values). Required keys: see RequiredEnvironment.
	Environment map[string]pulumi.StringInput
	// JWT, when set, accepts only tokens from this OpenID issuer and these client ids.
	JWT *JWTArgs
	// Protect protects the runtime and retains it on delete. Default: false.
	Protect bool
	// Tags are extra tags; the component adds component=agentcore. Default: none.
	Tags map[string]string
}

// JWTArgs configure the runtime's inbound JWT authorizer (a Cognito user pool, say).
type JWTArgs struct {
	DiscoveryURL   pulumi.StringInput
	AllowedClients pulumi.StringArrayInput
}

// RequiredEnvironment are the variables every agent container reads at start.
var RequiredEnvironment = []string{"ENVIRONMENT", "LOG_LEVEL", "AGENT_TYPE", "AGENT_VERSION", "AWS_REGION",
	"SSM_PARAMETER_PREFIX", "METRICS_NAMESPACE"}

var (
	envNamePattern = regexp.MustCompile(`^[A-Z_][A-Z0-9_]*$`)
	// secretLooking env names would put a secret value into state and the runtime's configuration.
	secretLooking = regexp.MustCompile(`(PASSWORD|SECRET_VALUE|TOKEN|API_KEY|PRIVATE_KEY)$`)
)

// Network modes: AgentCore's own network, or private subnets of a VPC (components/network).
const (
	NetworkPublic = "PUBLIC"
	NetworkVPC    = "VPC"
)

// Protocols are the server protocols the agents may speak (AgentCore also takes AGUI, which no
// agent here implements).
var Protocols = []string{"HTTP", "MCP", "A2A"}

// maxSessionSeconds is AgentCore's longest session (LifecycleConfiguration: 60-28800 seconds).
const maxSessionSeconds = 28800

// Validate returns every problem with args at once, each naming the field.
func (a *RuntimeArgs) Validate(name string) error {
	if a == nil {
		return tier.NilArgs(component, name)
	}
	c := tier.NewChecker(component, name, "RuntimeArgs")
	c.Check(awsvalues.RuntimeName.MatchString(a.RuntimeName), "RuntimeName", a.RuntimeName, awsvalues.RuntimeNameRule)
	c.Check(a.Agent != "", "Agent", a.Agent, "required")
	c.Check(a.ContainerURI != nil, "ContainerURI", nil, "required (the image pinned by digest)")
	c.Check(a.RoleArn != nil, "RoleArn", nil, "required")
	c.OneOf("NetworkMode", a.NetworkMode, []string{NetworkPublic, NetworkVPC})
	if a.NetworkMode == NetworkVPC {
		c.Check(a.SubnetIDs != nil && a.SecurityGroupIDs != nil, "SubnetIDs", nil,
			"SubnetIDs and SecurityGroupIDs are required in VPC mode")
	}
	c.OneOf("Protocol", a.Protocol, Protocols)
	c.Between("IdleTimeoutSeconds", a.IdleTimeoutSeconds, 60, maxSessionSeconds)
	c.Between("MaxLifetimeSeconds", a.MaxLifetimeSeconds, 60, maxSessionSeconds)
	c.Check(a.IdleTimeoutSeconds <= a.MaxLifetimeSeconds, "IdleTimeoutSeconds", a.IdleTimeoutSeconds,
		fmt.Sprintf("must not exceed the session's maximum lifetime (maxLifetimeSeconds, %d)", a.MaxLifetimeSeconds))
	for _, k := range RequiredEnvironment {
		c.Check(a.Environment[k] != nil, "Environment", k, "lacks this required variable")
	}
	for _, k := range slices.Sorted(maps.Keys(a.Environment)) {
		if !envNamePattern.MatchString(k) {
			c.Bad("Environment", k, "names must be upper case letters, digits and underscores")
		} else if secretLooking.MatchString(k) {
			c.Bad("Environment", k, "looks like a secret value; pass the secret's name and read it at run time")
		}
	}
	c.Check(a.JWT == nil || (a.JWT.DiscoveryURL != nil && a.JWT.AllowedClients != nil), "JWT", nil,
		"needs DiscoveryURL and AllowedClients")
	c.Tags("Tags", a.Tags)
	return c.Err()
}

// invocationURL is the data-plane URL that invokes the runtime's DEFAULT endpoint.
func invocationURL(region, arn string) string {
	escaped := strings.NewReplacer(":", "%3A", "/", "%2F").Replace(arn)
	return fmt.Sprintf("https://bedrock-agentcore.%s.amazonaws.com/runtimes/%s/invocations?qualifier=DEFAULT",
		region, escaped)
}
