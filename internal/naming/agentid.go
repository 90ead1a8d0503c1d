package naming

import "regexp"

// AgentIDPattern is an agent's id, its one spelling: lowercase kebab-case (workflow,
// ai-assistant). Log groups, runtimes, release tags and metric dimensions derive from it.
var AgentIDPattern = regexp.MustCompile(`^[a-z][a-z0-9]*(-[a-z0-9]+)*$`)

// AgentIDRule says what AgentIDPattern accepts, for error messages.
const AgentIDRule = "must be lowercase kebab-case (a-z, 0-9, single '-' between words), starting with a letter"
