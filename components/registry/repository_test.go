package registry

import (
	"reflect"
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/bidopsai/bidopsai-infra/internal/mock"
	"github.com/bidopsai/bidopsai-infra/internal/mock/mocktest"
	"github.com/bidopsai/bidopsai-infra/internal/policydoc"
)

func TestInventory(t *testing.T) {
	t.Run("registers_one_component_repository_lifecycle_and_policy", func(t *testing.T) {
		got := map[string]int{}
		for _, r := range repos.MustRun(t, validArgs(), "workflow").Resources() {
			got[r.Type]++
		}
		want := map[string]int{TypeToken: 1, tRepository: 1, tLifecycle: 1, tPolicy: 1}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("resources per type %v, want %v", got, want)
		}
	})
	t.Run("attaches_lifecycle_and_policy_to_its_own_repository", func(t *testing.T) {
		mon := repos.MustRun(t, validArgs(), "workflow")
		repo := mocktest.Only(t, mon, tRepository).Outputs["name"].StringValue()
		for _, typ := range []string{tLifecycle, tPolicy} {
			if got := inputs(mocktest.Only(t, mon, typ))["repository"]; got != repo {
				t.Errorf("%s repository %v, want %s", typ, got, repo)
			}
		}
	})
}

func TestParentsAndNames(t *testing.T) {
	t.Run("two_agents_do_not_collide_and_every_child_is_parented_to_its_component", func(t *testing.T) {
		mon := repos.MustRun(t, validArgs(), "workflow", "ai-assistant")
		if n := len(mon.ByType(TypeToken)); n != 2 {
			t.Fatalf("want 2 components, got %d", n)
		}
		mocktest.CheckChildren(t, mon, TypeToken, tRepository)
		if n := len(mon.Resources()); n != 8 {
			t.Errorf("want 8 resources, got %d", n)
		}
	})
}

func TestProtectionAndForceDelete(t *testing.T) {
	for _, on := range []bool{true, false} {
		t.Run(map[bool]string{true: "protects_only_the_repository_when_protect_is_true",
			false: "protects_nothing_when_protect_is_false"}[on], func(t *testing.T) {
			args := validArgs()
			args.Protect = on
			for _, r := range repos.MustRun(t, args, "workflow").Resources() {
				want := on && r.Type == tRepository
				if r.Protect != want || r.RetainOnDelete != want {
					t.Errorf("%s: protect=%v retainOnDelete=%v, want %v", r.Type, r.Protect, r.RetainOnDelete, want)
				}
			}
		})
		t.Run(map[bool]string{true: "sets_force_delete_when_asked", false: "leaves_force_delete_off"}[on], func(t *testing.T) {
			args := validArgs()
			args.ForceDelete = on
			if got := inputs(mocktest.Only(t, repos.MustRun(t, args, "workflow"), tRepository))["forceDelete"]; got != on {
				t.Errorf("forceDelete %v, want %v", got, on)
			}
		})
	}
}

func TestRepositorySettings(t *testing.T) {
	t.Run("scans_on_push_and_tags_with_the_component", func(t *testing.T) {
		in := inputs(mocktest.Only(t, repos.MustRun(t, validArgs(), "workflow"), tRepository))
		if got := in["imageScanningConfiguration"]; !reflect.DeepEqual(got, map[string]any{"scanOnPush": true}) {
			t.Errorf("imageScanningConfiguration %v", got)
		}
		if got := in["tags"]; !reflect.DeepEqual(got, map[string]any{"component": "registry", "agent": "workflow"}) {
			t.Errorf("tags %v", got)
		}
	})
	for _, m := range []string{Mutable, Immutable} {
		t.Run("sets_tag_mutability_"+strings.ToLower(m), func(t *testing.T) {
			args := validArgs()
			args.TagMutability = m
			if got := inputs(mocktest.Only(t, repos.MustRun(t, args, "workflow"), tRepository))["imageTagMutability"]; got != m {
				t.Errorf("imageTagMutability %v, want %s", got, m)
			}
		})
	}
	for _, tc := range []struct {
		name string
		key  pulumi.StringInput
		want []any
	}{
		{"encrypts_with_aes256_without_a_key", nil, []any{map[string]any{"encryptionType": "AES256"}}},
		{"encrypts_with_the_kms_key_when_given", pulumi.String(testKey),
			[]any{map[string]any{"encryptionType": "KMS", "kmsKey": testKey}}},
		{"accepts_the_key_as_an_output_of_another_resource", pulumi.String(testKey).ToStringOutput(),
			[]any{map[string]any{"encryptionType": "KMS", "kmsKey": testKey}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			args := validArgs()
			args.KMSKeyArn = tc.key
			if got := inputs(mocktest.Only(t, repos.MustRun(t, args, "workflow"), tRepository))["encryptionConfigurations"]; !reflect.DeepEqual(got, tc.want) {
				t.Errorf("encryptionConfigurations %v, want %v", got, tc.want)
			}
		})
	}
}

func TestLifecyclePolicy(t *testing.T) {
	t.Run("keeps_releases_then_untagged_then_expires_by_age_in_that_priority", func(t *testing.T) {
		args := validArgs()
		args.KeepTaggedImages, args.KeepUntaggedImages, args.MaxImageAgeDays = 12, 3, 45
		rules := lifecycleOf(t, repos.MustRun(t, args, "workflow"))
		want := []map[string]any{
			{"rulePriority": 1.0, "selection": map[string]any{"tagStatus": "tagged", "tagPrefixList": []any{"v"},
				"countType": "imageCountMoreThan", "countNumber": 12.0}, "action": map[string]any{"type": "expire"}},
			{"rulePriority": 2.0, "selection": map[string]any{"tagStatus": "untagged",
				"countType": "imageCountMoreThan", "countNumber": 3.0}, "action": map[string]any{"type": "expire"}},
			{"rulePriority": 3.0, "selection": map[string]any{"tagStatus": "any", "countType": "sinceImagePushed",
				"countUnit": "days", "countNumber": 45.0}, "action": map[string]any{"type": "expire"}},
		}
		for _, r := range rules {
			if d, _ := r["description"].(string); d == "" {
				t.Errorf("rule %v has no description", r["rulePriority"])
			}
			delete(r, "description")
		}
		if !reflect.DeepEqual(rules, want) {
			t.Fatalf("rules\n got %v\nwant %v", rules, want)
		}
	})
}

func TestRepositoryPolicy(t *testing.T) {
	doc := repoPolicy(t, repos.MustRun(t, validArgs(), "workflow"))
	pull := []string{"ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"}
	t.Run("lets_only_this_account_root_and_agentcore_for_this_account_pull", func(t *testing.T) {
		want := []policydoc.Statement{
			{Sid: sidAccountPull, Effect: "Allow", Action: pull,
				Principal: map[string]any{"AWS": []any{"arn:aws:iam::" + mock.Account + ":root"}}},
			{Sid: sidAgentCorePull, Effect: "Allow", Action: pull,
				Principal: map[string]any{"Service": []any{"bedrock-agentcore.amazonaws.com"}},
				Condition: map[string]map[string]any{"StringEquals": {"aws:SourceAccount": mock.Account}}},
		}
		if !reflect.DeepEqual(doc.Statement, want) {
			t.Fatalf("statements\n got %#v\nwant %#v", doc.Statement, want)
		}
	})
	t.Run("allows_no_push_or_wildcard_action", func(t *testing.T) {
		if got := doc.Actions(); !reflect.DeepEqual(got, pull) {
			t.Errorf("allowed actions %v, want only %v", got, pull)
		}
	})
	t.Run("has_no_statement_with_a_wildcard_principal", func(t *testing.T) {
		for _, s := range doc.Statement {
			if s.Principal == "*" || s.Principal == nil {
				t.Errorf("statement %s has principal %#v", s.Sid, s.Principal)
			}
		}
	})
	t.Run("uses_the_given_account_everywhere", func(t *testing.T) {
		text, err := repositoryPolicy("210987654321")
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(text, mock.Account) || strings.Count(text, "210987654321") != 2 {
			t.Errorf("policy does not use the given account exactly twice: %s", text)
		}
	})
}

func TestOutputs(t *testing.T) {
	t.Run("exports_name_arn_url_and_registry_id_of_the_repository", func(t *testing.T) {
		west := repos
		west.Region = "eu-west-1"
		mon, got, err := west.Outputs(validArgs(), func(c *Repository) map[string]pulumi.Output {
			return map[string]pulumi.Output{"name": c.RepositoryName, "arn": c.RepositoryArn,
				"repositoryUrl": c.RepositoryURL, "registryId": c.RegistryID}
		})
		if err != nil {
			t.Fatal(err)
		}
		n := mocktest.Only(t, mon, tRepository).Outputs["name"].StringValue()
		want := map[string]any{"name": n, "arn": "arn:aws:ecr:eu-west-1:" + mock.Account + ":repository/" + n,
			"repositoryUrl": mock.Account + ".dkr.ecr.eu-west-1.amazonaws.com/" + n, "registryId": mock.Account}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("outputs\n got %v\nwant %v", got, want)
		}
		if !strings.HasPrefix(n, "workflow-") {
			t.Errorf("repository name %q is not auto-named from the component name", n)
		}
	})
}
