package agentcore

import (
	"errors"
	"fmt"
	"regexp"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
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
	// NetworkMode is PUBLIC or VPC. Default: PUBLIC.
	NetworkMode string
	// SubnetIDs and SecurityGroupIDs place a VPC-mode runtime; required in VPC mode only.
	SubnetIDs, SecurityGroupIDs pulumi.StringArrayInput
	// Protocol is HTTP, MCP or A2A. Default: HTTP.
	Protocol string
	// IdleTimeoutSeconds and MaxLifetimeSeconds bound a session (60-28800, idle <= lifetime).
	IdleTimeoutSeconds, MaxLifetimeSeconds int
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
	runtimeNamePattern = regexp.MustCompile(`^[a-zA-Z][a-zA-Z0-9_]{0,47}$`)
	envNamePattern     = regexp.MustCompile(`^[A-Z_][A-Z0-9_]*$`)
	// secretLooking env names would put a secret value into state and the runtime's configuration.
	secretLooking = regexp.MustCompile(`(PASSWORD|SECRET_VALUE|TOKEN|API_KEY|PRIVATE_KEY)$`)
)

func (a *RuntimeArgs) validate() error {
	if a == nil {
		return errors.New("args are required")
	}
	var errs []error
	bad := func(field, format string, v ...any) {
		errs = append(errs, fmt.Errorf("%s: "+format, append([]any{field}, v...)...))
	}
	if !runtimeNamePattern.MatchString(a.RuntimeName) {
		bad("RuntimeName", "%q must match %s (no hyphens)", a.RuntimeName, runtimeNamePattern)
	}
	if a.Agent == "" {
		bad("Agent", "is required")
	}
	if a.ContainerURI == nil {
		bad("ContainerURI", "is required (the image digest)")
	}
	if a.RoleArn == nil {
		bad("RoleArn", "is required")
	}
	switch a.NetworkMode {
	case "", "PUBLIC":
	case "VPC":
		if a.SubnetIDs == nil || a.SecurityGroupIDs == nil {
			bad("SubnetIDs", "and SecurityGroupIDs are required in VPC mode")
		}
	default:
		bad("NetworkMode", "%q must be one of PUBLIC, VPC", a.NetworkMode)
	}
	switch a.Protocol {
	case "", "HTTP", "MCP", "A2A":
	default:
		bad("Protocol", "%q must be one of HTTP, MCP, A2A", a.Protocol)
	}
	if a.IdleTimeoutSeconds < 60 || a.IdleTimeoutSeconds > 28800 {
		bad("IdleTimeoutSeconds", "%d must be between 60 and 28800", a.IdleTimeoutSeconds)
	}
	if a.MaxLifetimeSeconds < a.IdleTimeoutSeconds || a.MaxLifetimeSeconds > 28800 {
		bad("MaxLifetimeSeconds", "%d must be between IdleTimeoutSeconds and 28800", a.MaxLifetimeSeconds)
	}
	for _, k := range RequiredEnvironment {
		if a.Environment[k] == nil {
			bad("Environment", "lacks %s", k)
		}
	}
	for k := range a.Environment {
		if !envNamePattern.MatchString(k) {
			bad("Environment", "name %q must be upper case letters, digits and underscores", k)
		} else if secretLooking.MatchString(k) {
			bad("Environment", "%s looks like a secret value; pass the secret's name and read it at run time", k)
		}
	}
	if a.JWT != nil && (a.JWT.DiscoveryURL == nil || a.JWT.AllowedClients == nil) {
		bad("JWT", "needs DiscoveryURL and AllowedClients")
	}
	return errors.Join(errs...)
}

// invocationURL is the data-plane URL that invokes the runtime's DEFAULT endpoint.
func invocationURL(region, arn string) string {
	escaped := strings.NewReplacer(":", "%3A", "/", "%2F").Replace(arn)
	return fmt.Sprintf("https://bedrock-agentcore.%s.amazonaws.com/runtimes/%s/invocations?qualifier=DEFAULT",
		region, escaped)
}
