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

// runtimePrefix starts every runtime name: bidopsai_<stack>_<agent>.
const runtimePrefix = "bidopsai_"

// RuntimeName is the AgentCore runtime name of an agent: bidopsai_<stack>_<agent>, with
// hyphens turned into underscores because the API allows none.
func RuntimeName(stack, agent string) (string, error) {
	n := strings.ReplaceAll(runtimePrefix+stack+"_"+agent, "-", "_")
	if p := awsvalues.RuntimeNameProblem(n); p != "" {
		return "", fmt.Errorf("runtime name %s", p)
	}
	return n, nil
}

// MaxAgentID is the longest agent id whose runtime name fits with a stack name of stackLen.
func MaxAgentID(stackLen int) int {
	return awsvalues.RuntimeNameMax - len(runtimePrefix+"_") - stackLen
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

// Names are the names derived from one agent id (workflow, ai-assistant): one function, so a
// new agent's resources and outputs are named like the others.
type Names struct {
	Runtime  string // AgentCore runtime name
	LogGroup string // application log group
	Output   string // stack output prefix: workflowAgent, aiAssistantAgent
}

// ForAgent derives every name of an agent of a stack.
func ForAgent(stack, id string) (Names, error) {
	rt, err := RuntimeName(stack, id)
	if err != nil {
		return Names{}, err
	}
	lg, err := AgentLogGroup(stack, id)
	if err != nil {
		return Names{}, err
	}
	return Names{Runtime: rt, LogGroup: lg, Output: OutputPrefix(id)}, nil
}

// OutputPrefix is the prefix of an agent's stack outputs: ai-assistant -> aiAssistantAgent.
func OutputPrefix(id string) string { return camel(id) + "Agent" }

// camel turns kebab-case into lowerCamelCase: ai-assistant -> aiAssistant.
func camel(id string) string {
	parts := strings.Split(id, "-")
	for i := 1; i < len(parts); i++ {
		if parts[i] != "" {
			parts[i] = strings.ToUpper(parts[i][:1]) + parts[i][1:]
		}
	}
	return strings.Join(parts, "")
}
