package policy

import (
	"context"
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/policyx"

	"github.com/bidopsai/bidopsai-infra/internal/inventory"
)

// manager records what validators report, as the analyzer server would.
type manager struct{ messages []string }

func (m *manager) ReportViolation(message, _ string) { m.messages = append(m.messages, message) }

// analyzerResource is a resource as the engine sends it to the pack.
func analyzerResource(typ, name string, props resource.PropertyMap) policyx.AnalyzerResource {
	return policyx.AnalyzerResource{Type: typ, Name: name, URN: urnOf(typ, name),
		Properties: resource.FromResourcePropertyMap(props)}
}

// validate runs one named policy of a pack on a resource and returns what it reported.
func validate(t *testing.T, pack policyx.PolicyPack, policyName string, r policyx.AnalyzerResource) []string {
	t.Helper()
	for _, p := range pack.Policies() {
		if p.Name() != policyName {
			continue
		}
		rv, ok := p.(policyx.ResourceValidationPolicy)
		if !ok {
			t.Fatalf("%s is not a resource validation policy", policyName)
		}
		m := &manager{}
		if err := rv.Validate(context.Background(), policyx.ResourceValidationArgs{Manager: m, Resource: r}); err != nil {
			t.Fatalf("%s: %v", policyName, err)
		}
		return m.messages
	}
	t.Fatalf("pack has no policy %s", policyName)
	return nil
}

func mustPack(t *testing.T, env string) policyx.PolicyPack {
	t.Helper()
	p, err := Pack(env)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestPackHasOnePolicyPerAppliedRuleAtItsLevel(t *testing.T) {
	for _, env := range environments {
		t.Run(env, func(t *testing.T) {
			got := map[string]policyx.EnforcementLevel{}
			for _, p := range mustPack(t, env).Policies() {
				got[p.Name()] = p.EnforcementLevel()
			}
			for _, r := range Rules() {
				level, present := got[r.ID]
				switch e := r.Levels.For(env); {
				case e == NotApplied && present:
					t.Errorf("%s is not applied in %s but is in the pack", r.ID, env)
				case e == Mandatory && level != policyx.EnforcementLevelMandatory,
					e == Advisory && level != policyx.EnforcementLevelAdvisory:
					t.Errorf("%s is %v in the pack, want %s", r.ID, level, e)
				}
			}
			if got[unknownPolicy] != policyx.EnforcementLevelAdvisory || got[coveragePolicy] != policyx.EnforcementLevelAdvisory {
				t.Errorf("the unknown-inputs and pack-coverage policies must be advisory: %v", got)
			}
		})
	}
}

func TestNewPackReadsTheEnvironmentFromStackConfig(t *testing.T) {
	for _, c := range []struct{ config, wantECR6 string }{{"dev", "absent"}, {"staging", "mandatory"}, {"", "mandatory"}} {
		cfg := map[string]string{}
		if c.config != "" {
			cfg[EnvironmentKey] = c.config
		}
		ctx, err := pulumi.NewContext(context.Background(), pulumi.RunInfo{Project: "bidopsai", Stack: "s", Config: cfg})
		if err != nil {
			t.Fatal(err)
		}
		pack, err := NewPack(ctx)
		if err != nil {
			t.Fatal(err)
		}
		got := "absent"
		for _, p := range pack.Policies() {
			if p.Name() == "SR-ECR-6" && p.EnforcementLevel() == policyx.EnforcementLevelMandatory {
				got = "mandatory"
			}
		}
		if got != c.wantECR6 {
			t.Errorf("environment %q: SR-ECR-6 %s, want %s", c.config, got, c.wantECR6)
		}
	}
}

func TestFromAnalyzerRendersSecretsAndUnknownsLikeThePlan(t *testing.T) {
	props := resource.NewPropertyMapFromMap(map[string]any{"name": "x", "n": 3, "nested": map[string]any{"on": true}})
	props["secret"] = resource.MakeSecret(resource.NewStringProperty("hunter2"))
	props["later"] = resource.MakeComputed(resource.NewStringProperty(""))
	props["out"] = resource.NewOutputProperty(resource.Output{Known: false})
	r := FromAnalyzer(analyzerResource(typeSecret, "s", props))
	want := map[string]any{"name": "x", "n": 3.0, "nested": map[string]any{"on": true},
		"secret": inventory.Secret, "later": inventory.Unknown, "out": inventory.Unknown}
	for k, v := range want {
		if got := r.Inputs[k]; !equalJSON(got, v) {
			t.Errorf("%s = %#v, want %#v", k, got, v)
		}
	}
	if r.Type != typeSecret || r.Name != "s" || r.URN != urnOf(typeSecret, "s") {
		t.Errorf("identity not kept: %+v", r)
	}
}

func equalJSON(a, b any) bool {
	am, aok := a.(map[string]any)
	bm, bok := b.(map[string]any)
	if aok && bok {
		if len(am) != len(bm) {
			return false
		}
		for k := range am {
			if !equalJSON(am[k], bm[k]) {
				return false
			}
		}
		return true
	}
	return a == b
}

func TestPackValidatorsRunTheSameChecks(t *testing.T) {
	pack := mustPack(t, Prod)
	repo := func(scan resource.PropertyValue) policyx.AnalyzerResource {
		return analyzerResource(typeRepository, "x-images", resource.PropertyMap{
			"imageScanningConfiguration": resource.NewObjectProperty(resource.PropertyMap{"scanOnPush": scan}),
			"imageTagMutability":         resource.NewStringProperty("IMMUTABLE"),
		})
	}
	cases := []struct {
		name, policy string
		r            policyx.AnalyzerResource
		want         string // substring of the one report, or "" for none
	}{
		{"reports_a_failure", "SR-ECR-1", repo(resource.NewBoolProperty(false)), "scanOnPush is false"},
		{"passes_a_compliant_resource", "SR-ECR-1", repo(resource.NewBoolProperty(true)), ""},
		{"skips_other_types", "SR-ECR-1", analyzerResource(typeKey, "k", resource.PropertyMap{}), ""},
		{"never_passes_an_unknown", unknownPolicy, repo(resource.MakeComputed(resource.NewStringProperty(""))),
			"SR-ECR-1 (mandatory): input imageScanningConfiguration.scanOnPush is unknown"},
		{"does_not_fail_an_unknown", "SR-ECR-1", repo(resource.MakeComputed(resource.NewStringProperty(""))), ""},
		{"honours_waivers", "SR-S3-5", analyzerResource(typeEncryption, "x-access-logs-encryption", resource.NewPropertyMapFromMap(
			map[string]any{"bucket": "b", "rules": []any{map[string]any{"applyServerSideEncryptionByDefault": map[string]any{"sseAlgorithm": "AES256"}}}})), ""},
		{"leaves_stack_rules_to_the_plan", "SR-S3-1", analyzerResource(typeBucket, "x-documents", resource.PropertyMap{}), ""},
		{"leaves_protection_to_the_plan", "SR-S3-13", analyzerResource(typeBucket, "x-documents", resource.PropertyMap{}), ""},
		{"checks_settings_resources_alone", "SR-S3-1", analyzerResource(typePublicAccessBlock, "x-documents-public-access",
			resource.NewPropertyMapFromMap(map[string]any{"bucket": "b", "blockPublicAcls": true, "blockPublicPolicy": false,
				"ignorePublicAcls": true, "restrictPublicBuckets": true})), "blockPublicPolicy is false"},
		{"finds_secrets_in_runtime_environment", "SR-AC-3", analyzerResource(typeAgentRuntime, "x-agent", resource.PropertyMap{
			"environmentVariables": resource.NewObjectProperty(resource.PropertyMap{
				"DB_PASSWORD": resource.MakeSecret(resource.NewStringProperty("hunter2"))})}), "holds a secret value"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := validate(t, pack, c.policy, c.r)
			switch {
			case c.want == "" && len(got) != 0:
				t.Errorf("reported %q, want nothing", got)
			case c.want != "" && (len(got) != 1 || !strings.Contains(got[0], c.want)):
				t.Errorf("reported %q, want one report containing %q", got, c.want)
			}
			for _, m := range got {
				if strings.Contains(m, "hunter2") {
					t.Errorf("a secret value leaked into %q", m)
				}
			}
		})
	}
}

func TestPackSaysOnceWhatItCannotCheck(t *testing.T) {
	pack := mustPack(t, Prod)
	r := analyzerResource(typeKey, "k", resource.PropertyMap{})
	first, second := validate(t, pack, coveragePolicy, r), validate(t, pack, coveragePolicy, r)
	if len(first) != 1 || !strings.Contains(first[0], "make plan") || len(second) != 0 {
		t.Errorf("coverage reports %q then %q, want one mention of make plan, then nothing", first, second)
	}
}
