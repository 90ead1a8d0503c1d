// Package naming builds the few physical names that AWS or a consumer fixes (AgentCore runtime
// names, log group names), checking each service's rules. Everything else is auto-named. Every
// name derives from the stack's name (dev, prod, dev-alice), never only from its environment,
// so personal stacks deploy beside dev in one account.
package naming

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/bidopsai/bidopsai-infra/internal/awsvalues"
)

var logGroupPattern = regexp.MustCompile(`^[.\-_/#A-Za-z0-9]{1,512}$`)

// RuntimeName is the AgentCore runtime name of an agent: bidopsai_<stack>_<agent>, with
// hyphens turned into underscores because the API allows none.
func RuntimeName(stack, agent string) (string, error) {
	n := strings.ReplaceAll("bidopsai_"+stack+"_"+agent, "-", "_")
	if p := awsvalues.RuntimeNameProblem(n); p != "" {
		return "", fmt.Errorf("runtime name %s", p)
	}
	return n, nil
}

// AgentLogGroup is the application log group of one agent.
func AgentLogGroup(stack, agent string) (string, error) {
	return logGroup("/bidopsai/" + stack + "/agents/" + agent)
}

// SystemLogGroup is the stack-wide system log group.
func SystemLogGroup(stack string) (string, error) {
	return logGroup("/bidopsai/" + stack + "/system")
}

// FlowLogGroup is where the stack's VPC flow logs go.
func FlowLogGroup(stack string) (string, error) {
	return logGroup("/bidopsai/" + stack + "/vpc-flow-logs")
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
