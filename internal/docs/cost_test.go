package docs

import (
	"strings"
	"testing"
)

func TestCostTableShowsEachEnvironmentsEstimate(t *testing.T) {
	table, err := CostTable(projectDir)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(table, "\n")
	if lines[0] != "| monthly, USD | dev | staging | prod |" {
		t.Fatalf("header %q", lines[0])
	}
	for _, row := range []string{"| **fixed** (idle) |", "| **usage** (assumed) |", "| **total** |",
		"| Secrets Manager |", "| _budget (`bidopsai:budget`)_ |"} {
		found := false
		for _, l := range lines {
			if strings.HasPrefix(l, row) && strings.Count(l, "|") == 5 {
				found = true
			}
		}
		if !found {
			t.Errorf("no %s row with a cell per environment:\n%s", row, table)
		}
	}
	if !strings.Contains(table, "internal/cost/prices.json") {
		t.Error("table does not name the price list")
	}
}

func TestDiagramIsTheProdPlanInAMermaidBlock(t *testing.T) {
	d, err := Diagram(projectDir)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(d, "```mermaid\nflowchart LR\n") || !strings.HasSuffix(d, "```\n") {
		t.Fatalf("not a mermaid block:\n%s", d)
	}
	for _, tier := range []string{"storage", "registry", "settings", "identity"} {
		if !strings.Contains(d, `subgraph t_`+tier+`["`+tier+`"]`) {
			t.Errorf("diagram lacks the %s tier", tier)
		}
	}
}
