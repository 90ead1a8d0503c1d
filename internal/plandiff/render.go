package plandiff

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/bidopsai/bidopsai-infra/internal/cost"
	"github.com/bidopsai/bidopsai-infra/internal/inventory"
)

// maxValue is how much of one value a report shows; longer ones end in "…".
const maxValue = 160

var symbols = map[Action]string{Create: "+", Replace: "+-", Update: "~", Delete: "-"}

// Headline is the one-line count: "prod: 1 to create, 0 to replace, 2 to update, 0 to delete".
func (d *Diff) Headline() string {
	n := d.Counts()
	stack := d.NewStack
	if d.OldStack != d.NewStack {
		stack = d.OldStack + " -> " + d.NewStack
	}
	return fmt.Sprintf("%s/%s: %d to create, %d to replace, %d to update, %d to delete",
		d.Project, stack, n[Create], n[Replace], n[Update], n[Delete])
}

// Text is the report for a terminal.
func (d *Diff) Text() string {
	var b strings.Builder
	b.WriteString(d.Headline() + "\n")
	for _, c := range d.Changes {
		fmt.Fprintf(&b, "%-2s %-7s %s %s%s\n", symbols[c.Action], c.Action, c.Type, c.Name, because(c))
		for _, p := range c.Props {
			fmt.Fprintf(&b, "       %s: %s => %s\n", p.Path, show(p.Old), show(p.New))
		}
	}
	if len(d.Outputs) > 0 {
		b.WriteString("outputs:\n")
		for _, p := range d.Outputs {
			fmt.Fprintf(&b, "   %s: %s => %s\n", p.Path, show(p.Old), show(p.New))
		}
	}
	if c := d.costLine(); c != "" {
		b.WriteString(c + "\n")
	}
	if d.Empty() {
		b.WriteString("no changes\n")
	}
	return b.String()
}

// Markdown is the report for a pull request comment: the counts, a table of the changed
// resources, then the property changes as a diff block.
func (d *Diff) Markdown() string {
	var b strings.Builder
	fmt.Fprintf(&b, "#### `%s`: %s\n\n", d.NewStack, strings.SplitN(d.Headline(), ": ", 2)[1])
	if c := d.costLine(); c != "" {
		b.WriteString(c + "\n\n")
	}
	if d.Empty() {
		b.WriteString("No changes.\n")
		return b.String()
	}
	if len(d.Changes) > 0 {
		b.WriteString("| | resource | type | why |\n|---|---|---|---|\n")
		for _, c := range d.Changes {
			fmt.Fprintf(&b, "| %s | `%s` | `%s` | %s |\n", c.Action, cell(c.Name), cell(c.Type), cell(strings.TrimPrefix(because(c), " ")))
		}
		b.WriteString("\n")
	}
	var details strings.Builder
	for _, c := range d.Changes {
		if len(c.Props) == 0 {
			continue
		}
		fmt.Fprintf(&details, "%s %s %s\n", symbols[c.Action], c.Type, c.Name)
		for _, p := range c.Props {
			if p.Old != Absent {
				fmt.Fprintf(&details, "-     %s: %s\n", p.Path, show(p.Old))
			}
			if p.New != Absent {
				fmt.Fprintf(&details, "+     %s: %s\n", p.Path, show(p.New))
			}
		}
	}
	for _, p := range d.Outputs {
		if p.Old != Absent {
			fmt.Fprintf(&details, "-   output %s: %s\n", p.Path, show(p.Old))
		}
		if p.New != Absent {
			fmt.Fprintf(&details, "+   output %s: %s\n", p.Path, show(p.New))
		}
	}
	if details.Len() > 0 {
		fence := "```"
		for strings.Contains(details.String(), fence) {
			fence += "`"
		}
		fmt.Fprintf(&b, "<details><summary>Property changes</summary>\n\n%sdiff\n%s%s\n\n</details>\n",
			fence, details.String(), fence)
	}
	return b.String()
}

// because names the properties that force a replacement.
func because(c Change) string {
	if c.Action != Replace {
		return ""
	}
	var paths []string
	for _, p := range c.Props {
		if p.Replaces {
			paths = append(paths, p.Path)
		}
	}
	return " (" + strings.Join(paths, ", ") + " changes)"
}

func (d *Diff) costLine() string {
	if d.OldCost == nil || d.NewCost == nil || *d.OldCost == *d.NewCost {
		return ""
	}
	delta := *d.NewCost - *d.OldCost
	sign := "+"
	if delta < 0 {
		sign, delta = "-", -delta
	}
	return fmt.Sprintf("estimated monthly cost: %s => %s (%s%s)", cost.Dollars(*d.OldCost), cost.Dollars(*d.NewCost),
		sign, cost.Dollars(delta))
}

// show renders a value as JSON (secrets and unknowns are already "[secret]" and "[unknown]").
func show(v any) string {
	switch v {
	case Absent:
		return "(none)"
	case inventory.Secret, inventory.Unknown:
		return v.(string)
	}
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	s := string(b)
	if r := []rune(s); len(r) > maxValue {
		s = string(r[:maxValue]) + "…"
	}
	return s
}

// cell makes text safe inside a Markdown table cell.
func cell(s string) string {
	return strings.NewReplacer("|", `\|`, "\n", " ", "`", "'").Replace(s)
}
