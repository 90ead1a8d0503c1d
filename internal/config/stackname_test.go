package config

import (
	"strings"
	"testing"
)

// asStack is the baseline (a prod stack file) given to a stack of another name and environment.
func asStack(t *testing.T, stack, env string) (*Config, error) {
	t.Helper()
	v := baseline()
	v["bidopsai:environment"] = env
	v["aws:defaultTags"] = `{"tags":{"project":"bidopsai","environment":"` + env + `","stack":"` + StackName(stack) + `","managed-by":"pulumi"}}`
	v["bidopsai:cognito"] = strings.Replace(v["bidopsai:cognito"], "bidopsai-prod", "bidopsai-"+StackName(stack), 1)
	return FromMap("bidopsai", stack, v, nil)
}

func TestStackAndEnvironmentAgree(t *testing.T) {
	for _, tc := range []struct{ stack, env string }{
		{"prod", "prod"}, {"staging", "staging"}, {"dev", "dev"}, {"dev-alice", "dev"}, {"prod-eu-1", "prod"},
		{"acme/bidopsai/dev-bob", "dev"},
	} {
		t.Run("accepts_"+strings.ReplaceAll(tc.stack, "/", "_")+"_as_"+tc.env, func(t *testing.T) {
			c, err := asStack(t, tc.stack, tc.env)
			if err != nil {
				t.Fatal(err)
			}
			if c.Name != StackName(tc.stack) || c.Environment != tc.env {
				t.Errorf("name %q environment %q", c.Name, c.Environment)
			}
		})
	}
	for _, tc := range []struct {
		name, stack, env string
		want             []string
	}{
		{"rejects_prod_stack_declaring_dev", "prod", "dev", []string{`"bidopsai:environment"`, `"dev"`, `stack "prod"`, "must declare environment prod"}},
		{"rejects_staging_stack_declaring_prod", "staging", "prod", []string{`stack "staging"`, "must declare environment staging"}},
		{"rejects_personal_stack_of_another_environment", "dev-alice", "prod", []string{`"prod"`, `stack "dev-alice"`, "must declare environment dev"}},
		{"rejects_a_name_without_an_environment", "alice", "dev", []string{`stack "alice"`, "dev-alice"}},
		{"rejects_a_name_merely_starting_like_one", "production", "prod", []string{`stack "production"`}},
		{"rejects_an_empty_personal_name", "dev-", "dev", []string{`stack "dev-"`}},
		{"rejects_uppercase_personal_name", "dev-Alice", "dev", []string{`stack "dev-Alice"`}},
		{"rejects_a_name_too_long_for_runtime_names", "dev-" + strings.Repeat("a", 17), "dev", []string{"at most 20 characters"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := asStack(t, tc.stack, tc.env)
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
	t.Run("rejects_a_stack_tag_of_another_stack", func(t *testing.T) {
		v := baseline()
		v["aws:defaultTags"] = `{"tags":{"project":"bidopsai","environment":"prod","stack":"dev","managed-by":"pulumi"}}`
		_, err := load(v)
		if err == nil || !strings.Contains(err.Error(), `"aws:defaultTags.tags.stack"`) || !strings.Contains(err.Error(), "prod") {
			t.Fatalf("want an error naming the stack tag, got %v", err)
		}
	})
	t.Run("rejects_a_personal_stack_reusing_its_environments_domain", func(t *testing.T) {
		v := baseline()
		v["aws:defaultTags"] = `{"tags":{"project":"bidopsai","environment":"prod","stack":"prod-eu","managed-by":"pulumi"}}`
		_, err := FromMap("bidopsai", "prod-eu", v, nil)
		if err == nil || !strings.Contains(err.Error(), `"bidopsai:cognito.domainPrefix"`) || !strings.Contains(err.Error(), "bidopsai-prod-eu") {
			t.Fatalf("want an error naming the domain prefix, got %v", err)
		}
	})
}
