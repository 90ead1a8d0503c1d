// Package inference knows which Bedrock model ids can be invoked from which Region: the
// cross-Region (system-defined) inference profiles of a geography, the Regions each profile
// routes to, and the models that cannot be called on demand at all. Config resolves the
// configured model ids here; the access tier grants exactly what a resolved model needs.
package inference

import (
	"fmt"
	"maps"
	"slices"
	"strings"
)

// Model is a model id resolved for a stack's Region.
type Model struct {
	// ID is what the agents pass as modelId: the profile id, or the model id on demand.
	ID string
	// ProfileID is the inference profile id; empty for an on-demand model.
	ProfileID string
	// FoundationModelID is the model the profile routes to (or the on-demand model).
	FoundationModelID string
	// Regions are where requests run: the profile's destination Regions for this source Region,
	// or the stack's Region on demand.
	Regions []string
}

// Geography is the geography prefix of the cross-Region profiles callable from a Region
// (us-east-1 -> us, eu-west-1 -> eu, ap-south-1 -> apac); "" where none is known.
func Geography(region string) string {
	for prefix, geo := range geographies {
		if strings.HasPrefix(region, prefix) {
			return geo
		}
	}
	return ""
}

// geographies map a Region-code prefix to its profile prefix (user guide "Supported Regions and
// models for inference profiles": the us., eu. and apac. profiles are called from these).
var geographies = map[string]string{"us-": "us", "eu-": "eu", "ap-": "apac"}

// Default is the profile of the default model for a Region: the geography's profile of
// DefaultModel. It fails where no geography or profile is known.
func Default(region string) (string, error) {
	geo := Geography(region)
	if geo == "" {
		return "", fmt.Errorf("no cross-Region inference profile is known for Region %s; set the model explicitly", region)
	}
	return geo + "." + DefaultModel, nil
}

// DefaultModel is the foundation model the agents use unless the stack sets another: it has
// us., eu. and apac. profiles, so every supported geography gets the same model.
const DefaultModel = "anthropic.claude-sonnet-4-20250514-v1:0"

// Resolve checks that id can be invoked from region and returns what it runs on. A bare id of
// a model known to need a profile is refused, naming the profile to use; so is a profile of
// another geography, or one not in the table (its Regions, and so its grants, are unknown).
func Resolve(id, region string) (Model, error) {
	if geo, base, ok := splitProfile(id); ok {
		p, known := profiles[base][geo]
		if !known {
			return Model{}, fmt.Errorf("unknown inference profile %s; known profiles: %s (add one to "+
				"internal/inference/profiles.go with its source and destination Regions)", id, strings.Join(KnownProfiles(), ", "))
		}
		dest, ok := p[region]
		if !ok {
			return Model{}, fmt.Errorf("inference profile %s cannot be called from %s; it is callable from %s%s",
				id, region, strings.Join(slices.Sorted(maps.Keys(p)), ", "), suggestion(base, region))
		}
		return Model{ID: id, ProfileID: id, FoundationModelID: base, Regions: slices.Clone(dest)}, nil
	}
	if _, needsProfile := profiles[id]; needsProfile {
		return Model{}, fmt.Errorf("%s cannot be invoked on demand; use an inference profile%s", id, suggestion(id, region))
	}
	// Not in the table: assumed callable on demand in the stack's Region only.
	return Model{ID: id, FoundationModelID: id, Regions: []string{region}}, nil
}

// suggestion names the profile of base callable from region, if the table has one.
func suggestion(base, region string) string {
	geo := Geography(region)
	if _, ok := profiles[base][geo][region]; ok {
		return fmt.Sprintf(" such as %s.%s", geo, base)
	}
	return fmt.Sprintf(" (none is known for %s)", region)
}

// splitProfile splits "us.anthropic.claude-..." into its geography and model id.
func splitProfile(id string) (geo, base string, ok bool) {
	geo, base, found := strings.Cut(id, ".")
	if !found || !slices.Contains(profilePrefixes, geo) {
		return "", "", false
	}
	return geo, base, true
}

// profilePrefixes are the geography prefixes Bedrock gives system-defined profiles.
var profilePrefixes = []string{"us", "eu", "apac", "jp", "au", "ca", "us-gov", "global"}

// KnownProfiles lists every profile id in the table, sorted.
func KnownProfiles() []string {
	var out []string
	for base, geos := range profiles {
		for geo := range geos {
			out = append(out, geo+"."+base)
		}
	}
	slices.Sort(out)
	return out
}
