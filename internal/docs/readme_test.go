package docs

import (
	"os"
	"strings"
	"testing"
)

const projectDir = "../.."

func TestGeneratedDocsAreCurrent(t *testing.T) {
	docs, err := Render(projectDir)
	if err != nil {
		t.Fatal(err)
	}
	for file, want := range docs {
		got, err := os.ReadFile(projectDir + "/" + file)
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
	readme, err := os.ReadFile(projectDir + "/README.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range Sections {
		if !strings.Contains(string(readme), "]("+s.File+")") {
			t.Errorf("README.md does not link %s (%s)", s.File, s.Name)
		}
	}
	if n := strings.Count(string(readme), "\n"); n > 250 {
		t.Errorf("README.md is %d lines; keep it under 250 and move reference to docs/", n)
	}
}

func TestConfigTableShowsEveryDeclaredKeyPerEnvironment(t *testing.T) {
	table, err := ConfigTable(projectDir)
	if err != nil {
		t.Fatal(err)
	}
	keys, project, err := declaredKeys(projectDir)
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range keys {
		if !strings.Contains(table, "`"+project+":"+k.name) {
			t.Errorf("config table lacks %s:%s", project, k.name)
		}
	}
	for _, want := range []string{"| `bidopsai:logRetentionDays` |", "`30` | `90` | `180`", "`bidopsai:ecr.tagMutability`"} {
		if !strings.Contains(table, want) {
			t.Errorf("config table lacks %q:\n%s", want, table)
		}
	}
}

func TestNetworkCostSplitsEndpointsFromTheNATPath(t *testing.T) {
	table, err := NetworkCost(projectDir)
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
