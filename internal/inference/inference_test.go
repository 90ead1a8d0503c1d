package inference

import (
	"slices"
	"strings"
	"testing"
)

func TestDefault(t *testing.T) {
	for region, want := range map[string]string{
		"us-east-1": "us." + DefaultModel, "us-west-2": "us." + DefaultModel,
		"eu-west-1": "eu." + DefaultModel, "ap-southeast-2": "apac." + DefaultModel,
	} {
		t.Run("uses_the_geography_profile_in_"+region, func(t *testing.T) {
			got, err := Default(region)
			if err != nil || got != want {
				t.Fatalf("Default(%s) = %q, %v; want %q", region, got, err, want)
			}
			if _, err := Resolve(got, region); err != nil {
				t.Errorf("the default is not callable from %s: %v", region, err)
			}
		})
	}
	t.Run("refuses_a_region_without_a_geography", func(t *testing.T) {
		if _, err := Default("sa-east-1"); err == nil || !strings.Contains(err.Error(), "sa-east-1") {
			t.Fatalf("want an error naming sa-east-1, got %v", err)
		}
	})
}

func TestResolve(t *testing.T) {
	t.Run("grants_the_destination_regions_of_the_calling_region", func(t *testing.T) {
		m, err := Resolve("us.anthropic.claude-sonnet-4-20250514-v1:0", "us-west-1")
		if err != nil {
			t.Fatal(err)
		}
		if m.FoundationModelID != "anthropic.claude-sonnet-4-20250514-v1:0" || m.ProfileID != m.ID ||
			!slices.Equal(m.Regions, []string{"us-east-1", "us-east-2", "us-west-1", "us-west-2"}) {
			t.Errorf("resolved %+v", m)
		}
	})
	t.Run("refuses_a_bare_id_that_needs_a_profile_naming_the_profile", func(t *testing.T) {
		_, err := Resolve("anthropic.claude-3-5-sonnet-20241022-v2:0", "us-east-1")
		if err == nil || !strings.Contains(err.Error(), "us.anthropic.claude-3-5-sonnet-20241022-v2:0") {
			t.Fatalf("want an error naming the us. profile, got %v", err)
		}
	})
	t.Run("refuses_a_profile_of_another_geography", func(t *testing.T) {
		_, err := Resolve("eu.anthropic.claude-sonnet-4-20250514-v1:0", "us-east-1")
		if err == nil || !strings.Contains(err.Error(), "cannot be called from us-east-1") ||
			!strings.Contains(err.Error(), "us.anthropic.claude-sonnet-4-20250514-v1:0") {
			t.Fatalf("want an error naming the us. profile, got %v", err)
		}
	})
	t.Run("refuses_a_profile_the_model_does_not_have", func(t *testing.T) {
		_, err := Resolve("eu.anthropic.claude-3-5-sonnet-20241022-v2:0", "eu-west-1")
		if err == nil || !strings.Contains(err.Error(), "unknown inference profile") {
			t.Fatalf("want unknown profile, got %v", err)
		}
	})
	t.Run("keeps_an_unlisted_model_on_demand_in_the_stack_region", func(t *testing.T) {
		m, err := Resolve("amazon.titan-text-express-v1", "eu-west-1")
		if err != nil || m.ProfileID != "" || !slices.Equal(m.Regions, []string{"eu-west-1"}) {
			t.Fatalf("resolved %+v, %v", m, err)
		}
	})
	t.Run("every_known_profile_routes_within_its_geography", func(t *testing.T) {
		for base, geos := range profiles {
			for geo, sources := range geos {
				for src, dests := range sources {
					if Geography(src) != geo || len(dests) == 0 || !slices.Contains(dests, src) {
						t.Errorf("%s.%s from %s routes to %v", geo, base, src, dests)
					}
				}
			}
		}
	})
}
