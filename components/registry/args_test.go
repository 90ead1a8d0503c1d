package registry

import (
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/bidopsai/bidopsai-infra/internal/mock/mocktest"
)

func TestInvalidArgs(t *testing.T) {
	repos.Rejects(t, validArgs, []mocktest.BadInput[*RepositoryArgs]{
		{Name: "rejects_uppercase_in_name", Component: "Workflow", Field: "name"},
		{Name: "rejects_trailing_separator_in_name", Component: "workflow_", Field: "name"},
		{Name: "rejects_double_separator_in_name", Component: "workflow--agent", Field: "name"},
		{Name: "rejects_slash_in_name", Component: "agents/workflow", Field: "name"},
		{Name: "rejects_name_too_long_for_an_auto_named_repository", Component: strings.Repeat("a", maxNameLength+1), Field: "name"},
		{Name: "rejects_short_account_id", Mutate: func(a *RepositoryArgs) { a.AccountID = "12345" }, Field: "RepositoryArgs.AccountID"},
		{Name: "rejects_non_digit_account_id", Mutate: func(a *RepositoryArgs) { a.AccountID = "12345678901x" }, Field: "RepositoryArgs.AccountID"},
		{Name: "rejects_empty_tag_mutability", Mutate: func(a *RepositoryArgs) { a.TagMutability = "" }, Field: "RepositoryArgs.TagMutability"},
		{Name: "rejects_lowercase_tag_mutability", Mutate: func(a *RepositoryArgs) { a.TagMutability = "immutable" }, Field: "RepositoryArgs.TagMutability"},
		{Name: "rejects_immutable_with_exclusion", Mutate: func(a *RepositoryArgs) { a.TagMutability = "IMMUTABLE_WITH_EXCLUSION" }, Field: "RepositoryArgs.TagMutability"},
		{Name: "rejects_zero_kept_tagged_images", Mutate: func(a *RepositoryArgs) { a.KeepTaggedImages = 0 }, Field: "RepositoryArgs.KeepTaggedImages"},
		{Name: "rejects_zero_kept_untagged_images", Mutate: func(a *RepositoryArgs) { a.KeepUntaggedImages = 0 }, Field: "RepositoryArgs.KeepUntaggedImages"},
		{Name: "rejects_negative_max_image_age", Mutate: func(a *RepositoryArgs) { a.MaxImageAgeDays = -1 }, Field: "RepositoryArgs.MaxImageAgeDays"},
		{Name: "rejects_kms_alias_instead_of_key_arn", Mutate: func(a *RepositoryArgs) { a.KMSKeyArn = pulumi.String("alias/aws/ecr") }, Field: "RepositoryArgs.KMSKeyArn"},
		{Name: "rejects_aws_prefixed_tag_key", Mutate: func(a *RepositoryArgs) { a.Tags = map[string]string{"aws:agent": "x"} }, Field: "RepositoryArgs.Tags key"},
		{Name: "rejects_tag_value_over_256_characters", Mutate: func(a *RepositoryArgs) {
			a.Tags = map[string]string{"note": strings.Repeat("x", 257)}
		}, Field: `RepositoryArgs.Tags["note"]`},
		{Name: "names_the_allowed_tag_mutability_values", Mutate: func(a *RepositoryArgs) { a.TagMutability = "mutable" },
			Field: "RepositoryArgs.TagMutability", Want: []string{"MUTABLE, IMMUTABLE"}},
		{Name: "reports_every_bad_field_at_once", Mutate: func(a *RepositoryArgs) {
			a.AccountID, a.TagMutability, a.MaxImageAgeDays = "", "x", 0
		}, Want: []string{"AccountID", "TagMutability", "MaxImageAgeDays"}},
	})
}
