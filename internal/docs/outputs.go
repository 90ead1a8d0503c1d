package docs

import (
	"fmt"
	"slices"
	"strings"

	"github.com/bidopsai/bidopsai-infra/internal/stack"
)

// Outputs is the table of stack outputs (stack.Exports) by consumer, with the agent output
// prefixes the dev plan shows for the per-agent rows.
func Outputs(dir string) (string, error) {
	dev, err := planOf(dir, "dev")
	if err != nil {
		return "", err
	}
	var prefixes []string
	for name := range dev.inv.Outputs {
		row, ok := stack.LookupExport(name)
		suffix, perAgent := strings.CutPrefix(row.Name, stack.AgentPlaceholder)
		if p := strings.TrimSuffix(name, suffix); ok && perAgent && !slices.Contains(prefixes, "`"+p+"`") {
			prefixes = append(prefixes, "`"+p+"`")
		}
	}
	slices.Sort(prefixes)
	var b strings.Builder
	fmt.Fprintf(&b, "`%s` stands for each agent's output prefix: %s in dev.\n", stack.AgentPlaceholder,
		strings.Join(prefixes, ", "))
	for _, c := range []stack.Consumer{stack.WebApp, stack.Agents, stack.Operators} {
		fmt.Fprintf(&b, "\n### For the %s\n\n| Output | What it is |\n|---|---|\n", c)
		for _, e := range stack.Exports {
			if e.Consumer != c {
				continue
			}
			desc := e.Description
			if e.Condition != "" {
				desc += " Only with " + e.Condition + "."
			}
			fmt.Fprintf(&b, "| `%s` | %s |\n", e.Name, strings.ReplaceAll(desc, "|", `\|`))
		}
	}
	return b.String(), nil
}
