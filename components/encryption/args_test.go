package encryption

import (
	"strings"
	"testing"

	"github.com/bidopsai/bidopsai-infra/internal/mock/mocktest"
)

func TestInvalidArgs(t *testing.T) {
	keys.Rejects(t, validArgs, []mocktest.BadInput[*StackKeyArgs]{
		{Name: "rejects_reserved_aws_alias_prefix", Component: "aws/stack", Field: "name"},
		{Name: "rejects_space_in_name", Component: "stack key", Field: "name"},
		{Name: "rejects_name_too_long_for_an_alias", Component: strings.Repeat("k", 251), Field: "name"},
		{Name: "rejects_short_account_id", Mutate: func(a *StackKeyArgs) { a.AccountID = "1234" }, Field: "StackKeyArgs.AccountID"},
		{Name: "rejects_empty_region", Mutate: func(a *StackKeyArgs) { a.Region = "" }, Field: "StackKeyArgs.Region"},
		{Name: "rejects_region_without_number", Mutate: func(a *StackKeyArgs) { a.Region = "eu-west" }, Field: "StackKeyArgs.Region"},
		{Name: "rejects_deletion_window_below_7", Mutate: func(a *StackKeyArgs) { a.DeletionWindowDays = 6 }, Field: "StackKeyArgs.DeletionWindowDays"},
		{Name: "rejects_deletion_window_above_30", Mutate: func(a *StackKeyArgs) { a.DeletionWindowDays = 31 }, Field: "StackKeyArgs.DeletionWindowDays"},
		{Name: "rejects_unset_deletion_window", Mutate: func(a *StackKeyArgs) { a.DeletionWindowDays = 0 }, Field: "StackKeyArgs.DeletionWindowDays"},
		{Name: "rejects_aws_prefixed_tag_key", Mutate: func(a *StackKeyArgs) { a.Tags = map[string]string{"aws:x": "y"} }, Field: "StackKeyArgs.Tags key"},
		{Name: "rejects_tag_value_over_256_characters", Mutate: func(a *StackKeyArgs) {
			a.Tags = map[string]string{"note": strings.Repeat("x", 257)}
		}, Field: `StackKeyArgs.Tags["note"]`},
		{Name: "names_the_allowed_deletion_window", Mutate: func(a *StackKeyArgs) { a.DeletionWindowDays = 90 },
			Field: "StackKeyArgs.DeletionWindowDays", Want: []string{"between 7 and 30"}},
	})
	t.Run("accepts_both_window_bounds", func(t *testing.T) {
		for _, d := range []int{MinDeletionWindowDays, MaxDeletionWindowDays} {
			args := validArgs()
			args.DeletionWindowDays = d
			if _, _, err := keys.Run(args); err != nil {
				t.Errorf("window %d: %v", d, err)
			}
		}
	})
}
