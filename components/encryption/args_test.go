package encryption

import (
	"strings"
	"testing"
)

func TestInvalidArgs(t *testing.T) {
	cases := []struct {
		name   string
		key    string // component name; "stack" unless set
		mutate func(*StackKeyArgs)
		field  string // must appear in the error
	}{
		{"rejects_reserved_aws_alias_prefix", "aws/stack", nil, "name"},
		{"rejects_space_in_name", "stack key", nil, "name"},
		{"rejects_name_too_long_for_an_alias", strings.Repeat("k", 251), nil, "name"},
		{"rejects_short_account_id", "", func(a *StackKeyArgs) { a.AccountID = "1234" }, "StackKeyArgs.AccountID"},
		{"rejects_empty_region", "", func(a *StackKeyArgs) { a.Region = "" }, "StackKeyArgs.Region"},
		{"rejects_region_without_number", "", func(a *StackKeyArgs) { a.Region = "eu-west" }, "StackKeyArgs.Region"},
		{"rejects_deletion_window_below_7", "", func(a *StackKeyArgs) { a.DeletionWindowDays = 6 }, "StackKeyArgs.DeletionWindowDays"},
		{"rejects_deletion_window_above_30", "", func(a *StackKeyArgs) { a.DeletionWindowDays = 31 }, "StackKeyArgs.DeletionWindowDays"},
		{"rejects_unset_deletion_window", "", func(a *StackKeyArgs) { a.DeletionWindowDays = 0 }, "StackKeyArgs.DeletionWindowDays"},
		{"rejects_aws_prefixed_tag_key", "", func(a *StackKeyArgs) { a.Tags = map[string]string{"aws:x": "y"} }, "StackKeyArgs.Tags key"},
		{"rejects_tag_value_over_256_characters", "", func(a *StackKeyArgs) {
			a.Tags = map[string]string{"note": strings.Repeat("x", 257)}
		}, `StackKeyArgs.Tags["note"]`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			args := validArgs()
			if tc.mutate != nil {
				tc.mutate(args)
			}
			name := tc.key
			if name == "" {
				name = "stack"
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
		mon, err := run(t, nil, "stack")
		if err == nil || !strings.Contains(err.Error(), "args") {
			t.Fatalf("want an error naming args, got %v", err)
		}
		if n := len(mon.Resources()); n != 0 {
			t.Errorf("%d resources registered, want 0", n)
		}
	})
	t.Run("names_the_allowed_deletion_window", func(t *testing.T) {
		args := validArgs()
		args.DeletionWindowDays = 90
		if _, err := run(t, args, "stack"); err == nil || !strings.Contains(err.Error(), "7-30") {
			t.Fatalf("want the allowed range in the error, got %v", err)
		}
	})
	t.Run("accepts_both_window_bounds", func(t *testing.T) {
		for _, d := range []int{MinDeletionWindowDays, MaxDeletionWindowDays} {
			args := validArgs()
			args.DeletionWindowDays = d
			if _, err := run(t, args, "stack"); err != nil {
				t.Errorf("window %d: %v", d, err)
			}
		}
	})
}
