package registry

import (
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

func TestInvalidArgs(t *testing.T) {
	cases := []struct {
		name   string
		repo   string // component name; "workflow" unless set
		mutate func(*RepositoryArgs)
		field  string // must appear in the error
	}{
		{"rejects_uppercase_in_name", "Workflow", nil, "name"},
		{"rejects_trailing_separator_in_name", "workflow_", nil, "name"},
		{"rejects_double_separator_in_name", "workflow--agent", nil, "name"},
		{"rejects_slash_in_name", "agents/workflow", nil, "name"},
		{"rejects_name_too_long_for_an_auto_named_repository", strings.Repeat("a", maxNameLength+1), nil, "name"},
		{"rejects_short_account_id", "", func(a *RepositoryArgs) { a.AccountID = "12345" }, "RepositoryArgs.AccountID"},
		{"rejects_non_digit_account_id", "", func(a *RepositoryArgs) { a.AccountID = "12345678901x" }, "RepositoryArgs.AccountID"},
		{"rejects_empty_tag_mutability", "", func(a *RepositoryArgs) { a.TagMutability = "" }, "RepositoryArgs.TagMutability"},
		{"rejects_lowercase_tag_mutability", "", func(a *RepositoryArgs) { a.TagMutability = "immutable" }, "RepositoryArgs.TagMutability"},
		{"rejects_immutable_with_exclusion", "", func(a *RepositoryArgs) { a.TagMutability = "IMMUTABLE_WITH_EXCLUSION" }, "RepositoryArgs.TagMutability"},
		{"rejects_zero_kept_tagged_images", "", func(a *RepositoryArgs) { a.KeepTaggedImages = 0 }, "RepositoryArgs.KeepTaggedImages"},
		{"rejects_zero_kept_untagged_images", "", func(a *RepositoryArgs) { a.KeepUntaggedImages = 0 }, "RepositoryArgs.KeepUntaggedImages"},
		{"rejects_negative_max_image_age", "", func(a *RepositoryArgs) { a.MaxImageAgeDays = -1 }, "RepositoryArgs.MaxImageAgeDays"},
		{"rejects_kms_alias_instead_of_key_arn", "", func(a *RepositoryArgs) { a.KMSKeyArn = pulumi.String("alias/aws/ecr") }, "RepositoryArgs.KMSKeyArn"},
		{"rejects_aws_prefixed_tag_key", "", func(a *RepositoryArgs) { a.Tags = map[string]string{"aws:agent": "x"} }, "RepositoryArgs.Tags key"},
		{"rejects_tag_value_over_256_characters", "", func(a *RepositoryArgs) {
			a.Tags = map[string]string{"note": strings.Repeat("x", 257)}
		}, `RepositoryArgs.Tags["note"]`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			args := validArgs()
			if tc.mutate != nil {
				tc.mutate(args)
			}
			name := tc.repo
			if name == "" {
				name = "workflow"
			}
			mon, err := run(t, args, name)
			if err == nil {
				t.Fatal("want an error, got none")
			}
			if !strings.Contains(err.Error(), "invalid "+tc.field+" = ") {
				t.Errorf("error does not name %s: %v", tc.field, err)
			}
			if n := len(mon.Resources()); n != 0 {
				t.Errorf("%d resources registered, want 0", n)
			}
		})
	}
	t.Run("rejects_nil_args", func(t *testing.T) {
		mon, err := run(t, nil, "workflow")
		if err == nil || !strings.Contains(err.Error(), "args") {
			t.Fatalf("want an error naming args, got %v", err)
		}
		if n := len(mon.Resources()); n != 0 {
			t.Errorf("%d resources registered, want 0", n)
		}
	})
	t.Run("names_the_allowed_tag_mutability_values", func(t *testing.T) {
		args := validArgs()
		args.TagMutability = "mutable"
		_, err := run(t, args, "workflow")
		if err == nil || !strings.Contains(err.Error(), "[MUTABLE IMMUTABLE]") {
			t.Fatalf("want the allowed values in the error, got %v", err)
		}
	})
	t.Run("reports_every_bad_field_at_once", func(t *testing.T) {
		args := validArgs()
		args.AccountID, args.TagMutability, args.MaxImageAgeDays = "", "x", 0
		_, err := run(t, args, "workflow")
		for _, f := range []string{"AccountID", "TagMutability", "MaxImageAgeDays"} {
			if err == nil || !strings.Contains(err.Error(), f) {
				t.Errorf("error does not name %s: %v", f, err)
			}
		}
	})
}
