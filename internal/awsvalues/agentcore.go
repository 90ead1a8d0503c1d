package awsvalues

import (
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"
)

// RuntimeName is an agent runtime name (AC model: AgentRuntimeName).
var RuntimeName = regexp.MustCompile(`^[a-zA-Z][a-zA-Z0-9_]{0,47}$`)

// RuntimeNameMax is RuntimeName's length limit: its first letter and up to 47 more.
const RuntimeNameMax = 48

// RuntimeNameRule is what a message says about a name RuntimeName refuses.
const RuntimeNameRule = "must match ^[a-zA-Z][a-zA-Z0-9_]{0,47}$: a letter, then up to 47 letters, digits or " +
	"underscores (no hyphens)"

// RuntimeNameProblem says why name is not a runtime name, or "".
func RuntimeNameProblem(name string) string {
	if RuntimeName.MatchString(name) {
		return ""
	}
	return fmt.Sprintf("%q %s", name, RuntimeNameRule)
}

// ecrImageURI is an image in a private ECR registry or ECR Public, with an optional tag and
// digest (AC model: RuntimeContainerUri pattern, 1-1024 characters).
var ecrImageURI = regexp.MustCompile(`^(([0-9]{12})\.dkr\.ecr\.([a-z0-9-]+)\.amazonaws\.com(\.cn)?|public\.ecr\.aws)/` +
	`((?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*)(?::([^:@]{1,300}))?(?:@(.+))?$`)

const containerURIMax = 1024

// ContainerURIProblem says why uri is not an ECR image URI AgentCore accepts, or "".
func ContainerURIProblem(uri string) string {
	if p := lengthProblem(uri, 1, containerURIMax); p != "" {
		return p
	}
	if !ecrImageURI.MatchString(uri) {
		return fmt.Sprintf("%q is not an ECR image URI (<account>.dkr.ecr.<region>.amazonaws.com/<repository>[:tag][@digest] "+
			"or public.ecr.aws/<repository>...)", uri)
	}
	return ""
}

// roleArn is an IAM role ARN, 1-2048 characters (AC model: RoleArn).
var roleArn = regexp.MustCompile(`^arn:aws(-[^:]+)?:iam::([0-9]{12})?:role/.+$`)

const roleArnMax = 2048

// RoleArnProblem says why arn is not an IAM role ARN, or "".
func RoleArnProblem(arn string) string {
	if p := lengthProblem(arn, 1, roleArnMax); p != "" {
		return p
	}
	if !roleArn.MatchString(arn) {
		return fmt.Sprintf("%q is not an IAM role ARN (arn:aws:iam::<account>:role/<name>)", arn)
	}
	return ""
}

// RuntimeDescriptionMax is the longest runtime description; a description, when sent, has
// at least one character (AC model: Description, 1-4096).
const RuntimeDescriptionMax = 4096

// RuntimeDescriptionProblem says why a description that is sent is too long or empty, or "".
func RuntimeDescriptionProblem(d string) string { return lengthProblem(d, 1, RuntimeDescriptionMax) }

// Environment variable limits (AC model: EnvironmentVariablesMap max 50,
// EnvironmentVariableKey 1-100, EnvironmentVariableValue 0-5000; no character pattern).
const (
	MaxEnvironmentVariables = 50
	envKeyMax               = 100
	envValueMax             = 5000
)

// EnvironmentProblems lists why env breaks the limits, names in sorted order. Values are
// never quoted: they may be sensitive (the model marks the map sensitive).
func EnvironmentProblems(env map[string]string) []string {
	var out []string
	if len(env) > MaxEnvironmentVariables {
		out = append(out, fmt.Sprintf("at most %d environment variables are allowed, got %d", MaxEnvironmentVariables, len(env)))
	}
	for _, k := range slices.Sorted(maps.Keys(env)) {
		if p := lengthProblem(k, 1, envKeyMax); p != "" {
			out = append(out, fmt.Sprintf("environment variable name %q %s", k, p))
		}
		if p := lengthProblem(env[k], 0, envValueMax); p != "" {
			out = append(out, fmt.Sprintf("environment variable %q value %s", k, p))
		}
	}
	return out
}

// Session lifecycle bounds in seconds. The AC model allows 60-1209600
// (LifecycleConfiguration*Integer), but that maximum is for runtimes on a capacity provider;
// a runtime on microVMs (every runtime here: none sets capacityProviderConfiguration) accepts
// at most 28800, and the idle timeout must not exceed maxLifetime (AgentCore Developer Guide,
// "Configure Amazon Bedrock AgentCore lifecycle settings", constraints).
const (
	SessionSecondsMin        = 60
	SessionSecondsMaxMicroVM = 28800
)

// SessionSecondsProblem says why v is not an allowed idle timeout or maximum lifetime, or "".
func SessionSecondsProblem(v int) string {
	if v < SessionSecondsMin || v > SessionSecondsMaxMicroVM {
		return fmt.Sprintf("%d must be between %d and %d seconds", v, SessionSecondsMin, SessionSecondsMaxMicroVM)
	}
	return ""
}

// LifecycleOrderProblem says why idle and maxLifetime do not fit together, or "".
func LifecycleOrderProblem(idle, maxLifetime int) string {
	if idle > maxLifetime {
		return fmt.Sprintf("%d must not exceed maxLifetime %d", idle, maxLifetime)
	}
	return ""
}

// Network and protocol values (AC model: NetworkMode and ServerProtocol enums; VpcConfig
// requires 1-16 subnets subnet-<8-17 alnum> and 1-16 security groups sg-<8-17 alnum>).
var (
	NetworkModes    = []string{"PUBLIC", "VPC"}
	ServerProtocols = []string{"HTTP", "MCP", "A2A", "AGUI"}
	subnetID        = regexp.MustCompile(`^subnet-[0-9a-zA-Z]{8,17}$`)
	securityGroupID = regexp.MustCompile(`^sg-[0-9a-zA-Z]{8,17}$`)
)

const maxVPCIDs = 16

// NetworkModeProblem says why mode is not a network mode, or "".
func NetworkModeProblem(mode string) string { return enumProblem(mode, NetworkModes) }

// ServerProtocolProblem says why p is not a server protocol, or "".
func ServerProtocolProblem(p string) string { return enumProblem(p, ServerProtocols) }

// SubnetsProblem says why ids are not the subnets of a VPC-mode runtime, or "".
func SubnetsProblem(ids []string) string { return idsProblem("subnet", ids, subnetID) }

// SecurityGroupsProblem says why ids are not the security groups of a VPC-mode runtime, or "".
func SecurityGroupsProblem(ids []string) string {
	return idsProblem("security group", ids, securityGroupID)
}

func idsProblem(what string, ids []string, re *regexp.Regexp) string {
	if len(ids) == 0 || len(ids) > maxVPCIDs {
		return fmt.Sprintf("needs 1 to %d %s ids when networkMode is VPC, got %d", maxVPCIDs, what, len(ids))
	}
	for _, id := range ids {
		if !re.MatchString(id) {
			return fmt.Sprintf("%s id %q must match %s", what, id, re)
		}
	}
	return ""
}

// DiscoveryURLProblem says why u is not a discovery URL of a JWT authorizer, or "". The AC
// model requires .../.well-known/openid-configuration (DiscoveryUrl pattern); SDK v1.78.0
// added RFC 8414 .../.well-known/oauth-authorization-server. https is the project's rule:
// token keys are never fetched in clear text.
func DiscoveryURLProblem(u string) string {
	discovery := strings.HasSuffix(u, "/.well-known/openid-configuration") ||
		strings.HasSuffix(u, "/.well-known/oauth-authorization-server")
	if !strings.HasPrefix(u, "https://") || !discovery {
		return fmt.Sprintf("%q must be an https URL ending in /.well-known/openid-configuration "+
			"(or /.well-known/oauth-authorization-server)", u)
	}
	return ""
}
