package plan_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/bidopsai/bidopsai-infra/internal/config"
	"github.com/bidopsai/bidopsai-infra/internal/plan"
)

// Pulumi.yaml's declared defaults are what the CLI hands a program; the code's own defaults
// must be the same, or `pulumi up` and tests would disagree.
func TestPulumiYamlDefaultsMatchCodeDefaults(t *testing.T) {
	p, err := plan.LoadProject(projectDir)
	if err != nil {
		t.Fatal(err)
	}
	required := map[string]string{
		"aws:region":           "us-east-1",
		"aws:defaultTags":      `{"tags":{"project":"bidopsai","environment":"dev","stack":"dev","managed-by":"pulumi"}}`,
		"bidopsai:environment": "dev",
		"bidopsai:cognito":     `{"domainPrefix":"bidopsai-dev"}`,
	}
	withDefaults := map[string]string{}
	for k, v := range required {
		withDefaults[k] = v
	}
	for name, d := range p.Keys {
		key := p.Name + ":" + name
		if !d.HasDefault {
			continue
		}
		if _, set := required[key]; !set {
			withDefaults[key] = d.Default
		}
	}
	bare, err := config.FromMap(p.Name, "dev", required, nil)
	if err != nil {
		t.Fatal(err)
	}
	declared, err := config.FromMap(p.Name, "dev", withDefaults, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(bare, declared) {
		t.Fatalf("code defaults differ from Pulumi.yaml defaults:\ncode:      %+v\nPulumi.yaml: %+v", bare, declared)
	}
}

// Every key a stack file sets must be declared in Pulumi.yaml (LoadStack refuses the others).
func TestStackFilesUseOnlyDeclaredKeys(t *testing.T) {
	p, _ := plan.LoadProject(projectDir)
	for _, env := range []string{"dev", "staging", "prod"} {
		if _, err := plan.LoadStack(projectDir, p, env); err != nil {
			t.Errorf("%s: %v", env, err)
		}
	}
}

// Every config tag of a tier's Args names a key Pulumi.yaml declares, so a tag's typo cannot
// read a key no stack file may set.
func TestArgsConfigTagsNameDeclaredKeys(t *testing.T) {
	p, err := plan.LoadProject(projectDir)
	if err != nil {
		t.Fatal(err)
	}
	var walk func(reflect.Type, string)
	n := 0
	walk = func(typ reflect.Type, path string) {
		for i := range typ.NumField() {
			f := typ.Field(i)
			tag, ok := f.Tag.Lookup("config")
			if !ok {
				if f.Type.Kind() == reflect.Struct {
					walk(f.Type, path+f.Name+".")
				}
				continue
			}
			n++
			top, _, _ := strings.Cut(tag, ".")
			if strings.HasPrefix(top, "aws:") {
				continue // the AWS provider's keys
			}
			if _, declared := p.Keys[top]; !declared {
				t.Errorf("%s%s reads bidopsai:%s, which Pulumi.yaml does not declare", path, f.Name, tag)
			}
		}
	}
	walk(reflect.TypeFor[config.Config](), "Config.")
	if n < 30 {
		t.Errorf("found %d config tags; the tiers' Args should carry them", n)
	}
}
