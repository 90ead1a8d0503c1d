package cost

import (
	"math"
	"strings"
	"testing"

	"github.com/bidopsai/bidopsai-infra/internal/inventory"
)

const model = "anthropic.claude-3-5-sonnet-20241022-v2:0"

func prices(t *testing.T) Prices {
	t.Helper()
	p, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// usd is a price from the real list, so expectations follow a price update.
func usd(t *testing.T, p Prices, key string) float64 {
	t.Helper()
	it, ok := p.Items[key]
	if !ok {
		t.Fatalf("no price %s", key)
	}
	return it.USD
}

func res(typ, name string, inputs map[string]any) inventory.Resource {
	if inputs == nil {
		inputs = map[string]any{}
	}
	return inventory.Resource{URN: "urn:pulumi:test::bidopsai::" + typ + "::" + name, Type: typ, Name: name,
		Custom: !strings.HasPrefix(typ, "bidopsai:") || strings.HasPrefix(typ, "bidopsai:index:"), Inputs: inputs}
}

func inv(rs ...inventory.Resource) *inventory.Inventory {
	return &inventory.Inventory{Project: "bidopsai", Stack: "test", Resources: rs}
}

// assumptions is a round set of figures so each usage line is easy to check by hand.
func assumptions() Assumptions {
	return Assumptions{Figures: Figures{SessionsPerDay: 10, SessionMinutes: 12,
		VCPUPerSession: 0.5, MemoryGBPerSession: 2, InputTokensPerSession: 10000, OutputTokensPerSession: 1000,
		LogGBPerMonth: 4, S3GBStored: 50, ECRGBStored: 3, TracesPerMonth: 2e6, DocumentPagesPerMonth: 1000,
		NATGBPerMonth: 20, S3PutRequestsPerMonth: 4000, S3GetRequestsPerMonth: 50000},
		Models: []string{model}, CustomMetricSeries: 79}
}

// line returns the only line whose item starts with prefix.
func line(t *testing.T, c *inventory.Cost, prefix string) inventory.CostLine {
	t.Helper()
	var found []inventory.CostLine
	for _, l := range c.Lines {
		if strings.HasPrefix(l.Item, prefix) {
			found = append(found, l)
		}
	}
	if len(found) != 1 {
		t.Fatalf("want one line %q, found %d in %+v", prefix, len(found), c.Lines)
	}
	return found[0]
}

func noLine(t *testing.T, c *inventory.Cost, prefix string) {
	t.Helper()
	for _, l := range c.Lines {
		if strings.HasPrefix(l.Item, prefix) {
			t.Fatalf("unexpected line %+v", l)
		}
	}
}

func near(t *testing.T, what string, got, want float64) {
	t.Helper()
	if math.Abs(got-cents(want)) > 0.005 {
		t.Errorf("%s: $%.4f, want $%.4f", what, got, cents(want))
	}
}
