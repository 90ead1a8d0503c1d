package docs

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Section is one generated block of the README, between
// <!-- BEGIN name --> and <!-- END name --> markers.
type Section struct {
	Name     string
	Generate func(dir string) (string, error)
}

// Sections are every generated block, in README order.
var Sections = []Section{
	{"config-table", ConfigTable},
	{"outputs", Outputs},
	{"metric-contract", MetricContract},
	{"cost-table", CostTable},
	{"network-cost", NetworkCost},
	{"diagram", Diagram},
}

// Render returns the README with every section regenerated.
func Render(dir string) (string, error) {
	b, err := os.ReadFile(filepath.Join(dir, "README.md")) //nolint:gosec // G304: the project's README
	if err != nil {
		return "", fmt.Errorf("read README.md: %w", err)
	}
	text := string(b)
	for _, s := range Sections {
		body, err := s.Generate(dir)
		if err != nil {
			return "", fmt.Errorf("generate %s: %w", s.Name, err)
		}
		if text, err = replace(text, s.Name, body); err != nil {
			return "", err
		}
	}
	return text, nil
}

func replace(text, name, body string) (string, error) {
	begin, end := "<!-- BEGIN "+name+" -->\n", "<!-- END "+name+" -->"
	i := strings.Index(text, begin)
	j := strings.Index(text, end)
	if i < 0 || j < i {
		return "", fmt.Errorf("README.md lacks the %q and %q markers", strings.TrimSpace(begin), end)
	}
	return text[:i+len(begin)] + body + text[j:], nil
}
