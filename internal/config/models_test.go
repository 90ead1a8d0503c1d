package config

import (
	"strings"
	"testing"
)

func TestModels(t *testing.T) {
	withRegion := func(region string, models string) map[string]string {
		v := baseline()
		v["aws:region"] = region
		if models != "" {
			v["bidopsai:models"] = models
		}
		return v
	}
	for region, want := range map[string]string{
		"us-east-1":      "us.anthropic.claude-sonnet-4-20250514-v1:0",
		"eu-central-1":   "eu.anthropic.claude-sonnet-4-20250514-v1:0",
		"ap-northeast-1": "apac.anthropic.claude-sonnet-4-20250514-v1:0",
	} {
		t.Run("defaults_to_the_geography_profile_in_"+region, func(t *testing.T) {
			c, err := load(withRegion(region, ""))
			if err != nil {
				t.Fatal(err)
			}
			if c.Models.Supervisor != want || c.Models.SubAgent != want || len(c.Models.Invoked) != 1 {
				t.Fatalf("models %+v, want %s for both", c.Models, want)
			}
			m := c.Models.Invoked[0]
			if m.ProfileID != want || m.FoundationModelID != "anthropic.claude-sonnet-4-20250514-v1:0" || len(m.Regions) < 3 {
				t.Errorf("resolved %+v", m)
			}
		})
	}
	cases := []struct {
		name, region, models string
		want                 []string
	}{
		{"rejects_a_bare_id_that_needs_a_profile_naming_the_profile", "us-east-1",
			`{"supervisor":"anthropic.claude-3-5-sonnet-20241022-v2:0"}`,
			[]string{`"bidopsai:models.supervisor"`, `"anthropic.claude-3-5-sonnet-20241022-v2:0"`, "us.anthropic.claude-3-5-sonnet-20241022-v2:0"}},
		{"rejects_a_profile_of_another_geography", "us-east-1",
			`{"subAgent":"eu.anthropic.claude-sonnet-4-20250514-v1:0"}`,
			[]string{`"bidopsai:models.subAgent"`, "cannot be called from us-east-1"}},
		{"rejects_an_unknown_profile", "eu-west-1",
			`{"supervisor":"eu.anthropic.claude-3-5-sonnet-20241022-v2:0"}`,
			[]string{`"bidopsai:models.supervisor"`, "unknown inference profile"}},
		{"rejects_a_region_without_a_default_profile", "sa-east-1", "",
			[]string{`"bidopsai:models.supervisor"`, "sa-east-1"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := load(withRegion(tc.region, tc.models))
			if err == nil {
				t.Fatal("want an error")
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error lacks %q: %v", w, err)
				}
			}
		})
	}
	t.Run("keeps_an_unlisted_on_demand_model_in_the_stack_region", func(t *testing.T) {
		c, err := load(withRegion("us-east-1", `{"subAgent":"amazon.titan-text-express-v1"}`))
		if err != nil {
			t.Fatal(err)
		}
		if len(c.Models.Invoked) != 2 || c.Models.Invoked[1].ProfileID != "" || c.Models.Invoked[1].Regions[0] != "us-east-1" {
			t.Errorf("invoked %+v", c.Models.Invoked)
		}
	})
}
