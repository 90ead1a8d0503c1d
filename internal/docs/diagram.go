package docs

import "github.com/bidopsai/bidopsai-infra/internal/diagram"

// DiagramEnvironment is the stack the README draws.
const DiagramEnvironment = "prod"

// Diagram renders the prod plan as a Mermaid block (GitHub draws it).
func Diagram(dir string) (string, error) {
	p, err := planOf(dir, DiagramEnvironment)
	if err != nil {
		return "", err
	}
	return "```mermaid\n" + diagram.Mermaid(p.inv) + "```\n", nil
}
