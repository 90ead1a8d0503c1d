// The generated reference (make docs) is tested here, beside the docs command: rendering it
// plans every stack, which links the whole program.
package main

import (
	"os"
	"strings"
	"testing"

	"github.com/bidopsai/bidopsai-infra/internal/docs"
	"github.com/bidopsai/bidopsai-infra/internal/plan"
)

func TestGeneratedDocsAreCurrent(t *testing.T) {
	rendered, err := docs.Render(repoRoot)
	if err != nil {
		t.Fatal(err)
	}
	for file, want := range rendered {
		got, err := os.ReadFile(repoRoot + "/" + file)
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != want {
			t.Errorf("%s: generated sections are stale; run `make docs` and review the diff", file)
		}
	}
}

// TestReadmeLinksTheGeneratedReference keeps the README's links and the generated files in step.
func TestReadmeLinksTheGeneratedReference(t *testing.T) {
	readme, err := os.ReadFile(repoRoot + "/README.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range docs.Sections {
		if !strings.Contains(string(readme), "]("+s.File+")") {
			t.Errorf("README.md does not link %s (%s)", s.File, s.Name)
		}
	}
	if n := strings.Count(string(readme), "\n"); n > 250 {
		t.Errorf("README.md is %d lines; keep it under 250 and move reference to docs/", n)
	}
}

func TestConfigTableShowsEveryDeclaredKeyPerEnvironment(t *testing.T) {
	table, err := docs.ConfigTable(repoRoot)
	if err != nil {
		t.Fatal(err)
	}
	p, err := plan.LoadProject(repoRoot)
	if err != nil {
		t.Fatal(err)
	}
	for name := range p.Keys {
		if !strings.Contains(table, "`"+p.Name+":"+name) {
			t.Errorf("config table lacks %s:%s", p.Name, name)
		}
	}
	for _, want := range []string{"| `bidopsai:logRetentionDays` |", "`30` | `90` | `180`", "`bidopsai:ecr.tagMutability`"} {
		if !strings.Contains(table, want) {
			t.Errorf("config table lacks %q:\n%s", want, table)
		}
	}
}

func TestNetworkCostSplitsEndpointsFromTheNATPath(t *testing.T) {
	table, err := docs.NetworkCost(repoRoot)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"| _network_ | PUBLIC | VPC, 2 zones, egress NAT 1 | VPC, 3 zones, egress NAT PER_AZ |",
		"11 × 3 zones: $240.90", "| NAT gateways | $0.00 | $32.85 | $98.55 |"} {
		if !strings.Contains(table, want) {
			t.Errorf("network cost lacks %q:\n%s", want, table)
		}
	}
}

func TestCostTableShowsEachEnvironmentsEstimate(t *testing.T) {
	table, err := docs.CostTable(repoRoot)
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
	d, err := docs.Diagram(repoRoot)
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
