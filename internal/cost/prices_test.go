package cost

import (
	"encoding/json"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/bidopsai/bidopsai-infra/internal/inference"
	"github.com/bidopsai/bidopsai-infra/internal/inventory"
)

func TestPriceList(t *testing.T) {
	p := prices(t)
	t.Run("is_one_dated_us_east_1_list", func(t *testing.T) {
		if p.Region != "us-east-1" || p.Currency != "USD" || !regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`).MatchString(p.AsOf) {
			t.Fatalf("header: %s %s %s", p.Region, p.Currency, p.AsOf)
		}
	})
	t.Run("names_an_aws_source_page_and_date_for_every_price", func(t *testing.T) {
		for k, it := range p.Items {
			if !strings.HasPrefix(it.Source, "https://aws.amazon.com/") || it.Checked == "" || it.Unit == "" {
				t.Errorf("%s: source %q checked %q unit %q", k, it.Source, it.Checked, it.Unit)
			}
		}
		for k, m := range p.Models {
			if !strings.HasPrefix(m.Source, "https://aws.amazon.com/") || m.Checked == "" {
				t.Errorf("models.%s: source %q checked %q", k, m.Source, m.Checked)
			}
		}
	})
	t.Run("prices_the_default_model_of_every_geography", func(t *testing.T) {
		for _, region := range []string{"us-east-1", "eu-west-1", "ap-southeast-2"} {
			m, err := inference.Default(region) // what config takes when bidopsai:models is unset
			if err != nil {
				t.Fatal(err)
			}
			if _, ok := p.model(m); !ok {
				t.Errorf("default model %s of %s has no price", m, region)
			}
		}
	})
	t.Run("says_which_prices_are_unconfirmed", func(t *testing.T) {
		u := p.Unconfirmed()
		for _, want := range []string{pBudget, pCognitoMAU} {
			if !contains(u, want) {
				t.Errorf("%s not listed as unconfirmed: %v", want, u)
			}
		}
		if contains(u, pKMSKey) {
			t.Errorf("kms listed as unconfirmed: %v", u)
		}
	})
}

func TestParseRefusesAnIncompleteList(t *testing.T) {
	var raw map[string]any
	if err := json.Unmarshal(pricesJSON, &raw); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name   string
		mutate func(map[string]any)
		want   string
	}{
		{"rejects_a_missing_price", func(m map[string]any) { delete(m["items"].(map[string]any), pKMSKey) }, "items.kms.key: missing"},
		{"rejects_a_price_without_source", func(m map[string]any) {
			m["items"].(map[string]any)[pSecret].(map[string]any)["source"] = ""
		}, "items.secretsmanager.secret"},
		{"rejects_a_negative_price", func(m map[string]any) {
			m["items"].(map[string]any)[pNATHour].(map[string]any)["usd"] = -1
		}, "items.vpc.nat.hour"},
		{"rejects_a_model_without_date", func(m map[string]any) {
			m["models"].(map[string]any)[model].(map[string]any)["checked"] = ""
		}, "models." + model},
		{"rejects_a_list_without_hours_per_month", func(m map[string]any) { delete(m, "hoursPerMonth") }, "hoursPerMonth"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var m map[string]any
			_ = json.Unmarshal(pricesJSON, &m)
			tc.mutate(m)
			b, _ := json.Marshal(m)
			if _, err := Parse(b); err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("want an error naming %q, got %v", tc.want, err)
			}
		})
	}
	t.Run("rejects_malformed_json", func(t *testing.T) {
		if _, err := Parse([]byte("{")); err == nil {
			t.Fatal("accepted")
		}
	})
}

func TestNewAssumptions(t *testing.T) {
	agents := []string{"ai-assistant", "workflow"}
	a := NewAssumptions(Figures{SessionsPerDay: 3, NATGBPerMonth: 7}, "a.x", "a.x", agents)
	if !reflect.DeepEqual(a.Models, []string{"a.x"}) || a.SessionsPerDay != 3 || a.CustomMetricSeries != 7*(10+1)+2 {
		t.Errorf("same models not merged or figures lost: %+v", a)
	}
	if got := NewAssumptions(Figures{}, "a.x", "a.y", agents).Models; !reflect.DeepEqual(got, []string{"a.x", "a.y"}) {
		t.Errorf("models %v", got)
	}
	m := a.Map()
	if m["natGbPerMonth"] != 7 || m["customMetricSeries"] != 79 || len(m) != 15 {
		t.Errorf("map %v", m)
	}
}

func TestReport(t *testing.T) {
	c := &inventory.Cost{Currency: "USD", Region: "us-east-1", PricesAsOf: "2026-11-25", Fixed: 30, Usage: 1234.5, Total: 1264.5,
		Lines: []inventory.CostLine{
			{Item: "small", Kind: Fixed, Monthly: 1, Detail: "d1"},
			{Item: "big", Kind: Usage, Monthly: 1234.5, Detail: "d2"},
			{Item: "free", Kind: Fixed, Monthly: 0, Detail: "d3"},
		}}
	r := Report(c, 3)
	for _, want := range []string{"fixed      $30.00", "usage   $1,234.50", "total   $1,264.50", "2026-11-25", "largest lines"} {
		if !strings.Contains(r, want) {
			t.Errorf("report lacks %q:\n%s", want, r)
		}
	}
	if strings.Index(r, "big") > strings.Index(r, "small") || strings.Contains(r, "free") {
		t.Errorf("largest lines not sorted or zero lines shown:\n%s", r)
	}
	if !strings.Contains(Report(nil, 3), "not computed") {
		t.Error("nil report")
	}
}

func TestFormatting(t *testing.T) {
	for in, want := range map[float64]string{0.5: "0.5", 600: "600", 6083.333: "6,083.33", 182500000: "182,500,000"} {
		if got := num(in); got != want {
			t.Errorf("num(%v) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[float64]string{3: "$3.00", 0.0895: "$0.0895", 0.0004: "$0.0004", 0.1: "$0.10"} {
		if got := money(in); got != want {
			t.Errorf("money(%v) = %q, want %q", in, got, want)
		}
	}
	if got := Dollars(-1234.5); got != "-$1,234.50" {
		t.Errorf("Dollars = %q", got)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
