package docs

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Section is one generated block of a document under docs/, between
// <!-- BEGIN name --> and <!-- END name --> markers.
type Section struct {
	File     string // relative to the project directory
	Name     string
	Generate func(dir string) (string, error)
}

// Sections are every generated block; the README links to their files.
var Sections = []Section{
	{"docs/configuration.md", "config-table", ConfigTable},
	{"docs/outputs.md", "outputs", Outputs},
	{"docs/metrics.md", "metric-contract", MetricContract},
	{"docs/cost.md", "cost-table", CostTable},
	{"docs/network.md", "network-cost", NetworkCost},
	{"docs/architecture.md", "diagram", Diagram},
}

// Render returns each document that holds generated sections, with every section regenerated,
// keyed by its path relative to dir.
func Render(dir string) (map[string]string, error) {
	out := map[string]string{}
	for _, s := range Sections {
		text, ok := out[s.File]
		if !ok {
			b, err := os.ReadFile(filepath.Join(dir, s.File)) //nolint:gosec // G304: the project's own documents
			if err != nil {
				return nil, fmt.Errorf("read %s: %w", s.File, err)
			}
			text = string(b)
		}
		body, err := s.Generate(dir)
		if err != nil {
			return nil, fmt.Errorf("generate %s: %w", s.Name, err)
		}
		if text, err = replace(text, s.File, s.Name, body); err != nil {
			return nil, err
		}
		out[s.File] = text
	}
	return out, nil
}

func replace(text, file, name, body string) (string, error) {
	begin, end := "<!-- BEGIN "+name+" -->\n", "<!-- END "+name+" -->"
	i := strings.Index(text, begin)
	j := strings.Index(text, end)
	if i < 0 || j < i {
		return "", fmt.Errorf("%s lacks the %q and %q markers", file, strings.TrimSpace(begin), end)
	}
	return text[:i+len(begin)] + body + text[j:], nil
}
