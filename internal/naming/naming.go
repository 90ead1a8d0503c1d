// Package naming builds the few physical names that AWS or a consumer fixes (AgentCore runtime
// names, log group names), checking each service's rules. Everything else is auto-named.
package naming

import (
	"fmt"
	"regexp"
	"strings"
)

var (
	runtimePattern  = regexp.MustCompile(`^[a-zA-Z][a-zA-Z0-9_]{0,47}$`)
	logGroupPattern = regexp.MustCompile(`^[.\-_/#A-Za-z0-9]{1,512}$`)
)

// RuntimeName is the AgentCore runtime name of an agent: bidopsai_<environment>_<agent>, with
// hyphens turned into underscores because the API allows none.
func RuntimeName(environment, agent string) (string, error) {
	n := strings.ReplaceAll("bidopsai_"+environment+"_"+agent, "-", "_")
	if !runtimePattern.MatchString(n) {
		return "", fmt.Errorf("runtime name %q must match %s (letters, digits, underscores; at most 48)",
			n, runtimePattern)
	}
	return n, nil
}

// AgentLogGroup is the application log group of one agent.
func AgentLogGroup(environment, agent string) (string, error) {
	return logGroup("/bidopsai/" + environment + "/agents/" + agent)
}

// SystemLogGroup is the stack-wide system log group.
func SystemLogGroup(environment string) (string, error) {
	return logGroup("/bidopsai/" + environment + "/system")
}

// FlowLogGroup is where the stack's VPC flow logs go.
func FlowLogGroup(environment string) (string, error) {
	return logGroup("/bidopsai/" + environment + "/vpc-flow-logs")
}

// RuntimeLogGroupPrefix is where AgentCore writes runtime logs
// (/aws/bedrock-agentcore/runtimes/<runtime id>-<endpoint>).
const RuntimeLogGroupPrefix = "/aws/bedrock-agentcore/runtimes/"

func logGroup(n string) (string, error) {
	if !logGroupPattern.MatchString(n) {
		return "", fmt.Errorf("log group name %q must be 1-512 characters of letters, digits and . - _ / #", n)
	}
	return n, nil
}
