package config

import (
	"fmt"
	"regexp"
	"strings"
)

// maxStackName bounds a stack's name: it is part of runtime names (bidopsai_<stack>_ai_assistant,
// at most 48), X-Ray group names (bidopsai-<stack>, at most 32) and auto-named resources.
const maxStackName = 20

// personalSuffix is the <name> of a personal stack <environment>-<name>.
var personalSuffix = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// StackName is a stack's own name, without any org/project prefix: what every physical name
// and path derives from.
func StackName(stack string) string {
	return stack[strings.LastIndex(stack, "/")+1:]
}

// StackEnvironment is the environment a stack name declares: prod for prod, dev for dev-alice;
// "" when the name starts with no environment.
func StackEnvironment(name string) string {
	for _, env := range Environments {
		if name == env {
			return env
		}
		if rest, ok := strings.CutPrefix(name, env+"-"); ok && personalSuffix.MatchString(rest) {
			return env
		}
	}
	return ""
}

// checkStackName requires the stack's name to be an environment or <environment>-<name> and to
// agree with bidopsai:environment: Pulumi.prod.yaml saying environment dev would drop every prod
// safeguard. It sets c.Name, the identity every physical name uses.
func checkStackName(r *reader, c *Config) {
	name := StackName(c.Stack)
	declared := StackEnvironment(name)
	switch {
	case declared == "" || len(name) > maxStackName:
		r.fail(ns+"environment", "stack %q cannot be planned: a stack is named dev, staging or prod, or "+
			"<environment>-<name> such as dev-alice (lowercase letters, digits and hyphens, at most %d characters), "+
			"so its names and its environment are known", name, maxStackName)
	case c.Environment != "" && declared != c.Environment:
		r.invalid(ns+"environment", c.Environment, fmt.Sprintf("stack %q must declare environment %s "+
			"(a stack named %s or %s-<name> is that environment)", name, declared, declared, declared))
	default:
		c.Name = name
		checkStackIdentity(r, c)
	}
}

// checkStackIdentity catches what a personal stack copied from its environment's file would
// share with it: the stack tag and the globally unique hosted-UI domain.
func checkStackIdentity(r *reader, c *Config) {
	if tag := c.DefaultTags["stack"]; c.DefaultTags != nil && tag != "" && tag != c.Name {
		r.invalid("aws:defaultTags.tags.stack", tag, "must equal the stack's name "+c.Name)
	}
	if p := c.Cognito.DomainPrefix; c.Name != c.Environment && p != "" && !strings.Contains(p, c.Name) {
		r.invalid(ns+"cognito.domainPrefix", p, "a personal stack needs its own hosted-UI domain "+
			"containing its name, such as bidopsai-"+c.Name)
	}
}
