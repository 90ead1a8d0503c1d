package encryption

import (
	"reflect"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/bidopsai/bidopsai-infra/internal/mock"
	"github.com/bidopsai/bidopsai-infra/internal/mock/mocktest"
)

func TestInventory(t *testing.T) {
	t.Run("registers_one_component_key_and_alias", func(t *testing.T) {
		got := map[string]int{}
		for _, r := range keys.MustRun(t, validArgs(), "stack").Resources() {
			got[r.Type]++
		}
		if want := map[string]int{TypeToken: 1, tKey: 1, tAlias: 1}; !reflect.DeepEqual(got, want) {
			t.Fatalf("resources per type %v, want %v", got, want)
		}
	})
	t.Run("two_keys_do_not_collide_and_children_are_parented_to_their_component", func(t *testing.T) {
		mon := keys.MustRun(t, validArgs(), "stack", "other")
		mocktest.CheckChildren(t, mon, TypeToken, tKey)
		if n := len(mon.Resources()); n != 6 {
			t.Errorf("want 6 resources, got %d", n)
		}
	})
	t.Run("alias_is_alias_slash_name_and_targets_the_key", func(t *testing.T) {
		mon := keys.MustRun(t, validArgs(), "stack")
		in := inputs(mocktest.Only(t, mon, tAlias))
		keyID := mocktest.Only(t, mon, tKey).Outputs["keyId"].StringValue()
		if in["name"] != "alias/stack" || in["targetKeyId"] != keyID {
			t.Errorf("alias %v -> %v, want alias/stack -> %s", in["name"], in["targetKeyId"], keyID)
		}
	})
}

func TestKeySettings(t *testing.T) {
	in := inputs(mocktest.Only(t, keys.MustRun(t, validArgs(), "stack"), tKey))
	t.Run("rotates_and_keeps_the_lockout_safety_check", func(t *testing.T) {
		if in["enableKeyRotation"] != true || in["bypassPolicyLockoutSafetyCheck"] != false {
			t.Errorf("enableKeyRotation %v, bypassPolicyLockoutSafetyCheck %v",
				in["enableKeyRotation"], in["bypassPolicyLockoutSafetyCheck"])
		}
	})
	t.Run("is_a_symmetric_encryption_key", func(t *testing.T) {
		if in["keyUsage"] != "ENCRYPT_DECRYPT" || in["customerMasterKeySpec"] != "SYMMETRIC_DEFAULT" {
			t.Errorf("keyUsage %v, spec %v", in["keyUsage"], in["customerMasterKeySpec"])
		}
	})
	t.Run("uses_the_given_deletion_window", func(t *testing.T) {
		args := validArgs()
		args.DeletionWindowDays = 7
		if got := inputs(mocktest.Only(t, keys.MustRun(t, args, "stack"), tKey))["deletionWindowInDays"]; got != 7.0 {
			t.Errorf("deletionWindowInDays %v, want 7", got)
		}
	})
	t.Run("tags_with_the_component", func(t *testing.T) {
		if got := in["tags"]; !reflect.DeepEqual(got, map[string]any{"component": "encryption", "owner": "platform"}) {
			t.Errorf("tags %v", got)
		}
	})
	for _, on := range []bool{true, false} {
		t.Run(map[bool]string{true: "protects_only_the_key_when_protect_is_true",
			false: "protects_nothing_when_protect_is_false"}[on], func(t *testing.T) {
			args := validArgs()
			args.Protect = on
			for _, r := range keys.MustRun(t, args, "stack").Resources() {
				want := on && r.Type == tKey
				if r.Protect != want || r.RetainOnDelete != want {
					t.Errorf("%s: protect=%v retain=%v, want %v", r.Type, r.Protect, r.RetainOnDelete, want)
				}
			}
		})
	}
}

func TestOutputs(t *testing.T) {
	t.Run("exports_key_arn_key_id_and_alias_name", func(t *testing.T) {
		mon, got, err := keys.Outputs(validArgs(), func(c *StackKey) map[string]pulumi.Output {
			return map[string]pulumi.Output{"arn": c.KeyArn, "id": c.KeyID, "alias": c.AliasName}
		})
		if err != nil {
			t.Fatal(err)
		}
		id := mocktest.Only(t, mon, tKey).Outputs["keyId"].StringValue()
		want := map[string]any{"id": id, "alias": "alias/stack",
			"arn": "arn:aws:kms:eu-west-1:" + mock.Account + ":key/" + id}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("outputs %v, want %v", got, want)
		}
	})
}
