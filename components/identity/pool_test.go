package identity

import (
	"fmt"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"

	"github.com/bidopsai/bidopsai-infra/internal/mock/mocktest"

	"slices"
	"strings"
	"testing"
)

func TestUserPool(t *testing.T) {
	pool := mocktest.Only(t, pools.MustRun(t, baseArgs()), typePool).Inputs
	t.Run("signs_in_with_username_or_email_case_insensitively", func(t *testing.T) {
		if got := strs(pool["aliasAttributes"]); !slices.Equal(got, []string{"email"}) {
			t.Errorf("aliasAttributes = %v", got)
		}
		if _, ok := pool["usernameAttributes"]; ok {
			t.Error("usernameAttributes set: it would replace usernames with email")
		}
		if v := at(pool, "usernameConfiguration", "caseSensitive"); !v.IsBool() || v.BoolValue() {
			t.Errorf("caseSensitive = %v, want false", v)
		}
	})
	t.Run("allows_self_sign_up_and_auto_verifies_email", func(t *testing.T) {
		if v := at(pool, "adminCreateUserConfig", "allowAdminCreateUserOnly"); !v.IsBool() || v.BoolValue() {
			t.Errorf("allowAdminCreateUserOnly = %v, want false", v)
		}
		if got := strs(pool["autoVerifiedAttributes"]); !slices.Equal(got, []string{"email"}) {
			t.Errorf("autoVerifiedAttributes = %v", got)
		}
	})
	t.Run("declares_standard_and_two_custom_attributes", func(t *testing.T) {
		got := map[string]string{}
		for _, s := range pool["schemas"].ArrayValue() {
			o := s.ObjectValue()
			c := o["stringAttributeConstraints"].ObjectValue()
			got[o["name"].StringValue()] = strings.Join([]string{
				boolText(o["required"].BoolValue()), c["minLength"].StringValue(), c["maxLength"].StringValue()}, "/")
		}
		want := map[string]string{"email": "required/0/2048", "given_name": "required/0/2048",
			"family_name": "required/0/2048", "picture": "optional/0/2048", "preferred_username": "optional/0/2048",
			"preferred_language": "optional/2/10", "theme_preference": "optional/2/20"}
		if len(got) != len(want) {
			t.Errorf("schemas = %v", got)
		}
		for k, w := range want {
			if got[k] != w {
				t.Errorf("schema %s = %q, want %q", k, got[k], w)
			}
		}
	})
	t.Run("requires_12_characters_of_all_classes_and_3_day_temporary_passwords", func(t *testing.T) {
		p := pool["passwordPolicy"].ObjectValue()
		if p["minimumLength"].NumberValue() != 12 || p["temporaryPasswordValidityDays"].NumberValue() != 3 {
			t.Errorf("password policy = %v", p)
		}
		for _, k := range []string{"requireLowercase", "requireUppercase", "requireNumbers", "requireSymbols"} {
			if v := p[resourceKey(k)]; !v.IsBool() || !v.BoolValue() {
				t.Errorf("%s = %v, want true", k, v)
			}
		}
	})
	t.Run("recovers_accounts_by_verified_email_only", func(t *testing.T) {
		ms := at(pool, "accountRecoverySetting", "recoveryMechanisms").ArrayValue()
		if len(ms) != 1 || ms[0].ObjectValue()["name"].StringValue() != "verified_email" {
			t.Errorf("recovery mechanisms = %v", ms)
		}
	})
	t.Run("invitation_and_verification_messages_carry_their_placeholders", func(t *testing.T) {
		invite := at(pool, "adminCreateUserConfig", "inviteMessageTemplate", "emailMessage").StringValue()
		if !strings.Contains(invite, "{username}") || !strings.Contains(invite, "{####}") {
			t.Errorf("invite message lacks {username} or {####}: %s", invite)
		}
		verify := at(pool, "verificationMessageTemplate", "emailMessage").StringValue()
		if !strings.Contains(verify, "{####}") {
			t.Errorf("verification message lacks {####}: %s", verify)
		}
		if v := at(pool, "verificationMessageTemplate", "defaultEmailOption").StringValue(); v != "CONFIRM_WITH_CODE" {
			t.Errorf("defaultEmailOption = %s", v)
		}
	})
	t.Run("tags_the_pool_with_its_component", func(t *testing.T) {
		if v := at(pool, "tags", "component"); !v.IsString() || v.StringValue() != "identity" {
			t.Errorf("component tag = %v", v)
		}
	})
}

func TestMFA(t *testing.T) {
	cases := []struct {
		mode, want string
		totp       bool
	}{
		{"OFF", "OFF", false},
		{"OPTIONAL", "OPTIONAL", true},
		{"ON", "ON", true},
	}
	for _, tc := range cases {
		t.Run("mode_"+strings.ToLower(tc.want)+"_from_"+quote(tc.mode)+"_uses_totp_only", func(t *testing.T) {
			a := baseArgs()
			a.MFA = tc.mode
			pool := mocktest.Only(t, pools.MustRun(t, a), typePool).Inputs
			if got := pool["mfaConfiguration"].StringValue(); got != tc.want {
				t.Errorf("mfaConfiguration = %s, want %s", got, tc.want)
			}
			totp := at(pool, "softwareTokenMfaConfiguration", "enabled")
			if tc.totp != (totp.IsBool() && totp.BoolValue()) {
				t.Errorf("software token enabled = %v, want %v", totp, tc.totp)
			}
			for _, k := range []string{"smsConfiguration", "smsAuthenticationMessage", "emailMfaConfiguration"} {
				if _, ok := pool[resourceKey(k)]; ok {
					t.Errorf("%s is set; only TOTP is allowed", k)
				}
			}
		})
	}
}

func TestDeletionProtection(t *testing.T) {
	for on, want := range map[bool]string{true: "ACTIVE", false: "INACTIVE"} {
		t.Run(fmt.Sprintf("deletion_protection_%v_sets_%s", on, strings.ToLower(want)), func(t *testing.T) {
			a := baseArgs()
			a.DeletionProtection = on
			if got := mocktest.Only(t, pools.MustRun(t, a), typePool).Inputs["deletionProtection"].StringValue(); got != want {
				t.Errorf("deletionProtection = %s, want %s", got, want)
			}
		})
	}
}

func TestWebClientAndDomain(t *testing.T) {
	mon := pools.MustRun(t, baseArgs())
	client := mocktest.Only(t, mon, typeClient).Inputs
	t.Run("uses_the_authorization_code_flow_without_a_secret", func(t *testing.T) {
		if got := strs(client["allowedOauthFlows"]); !slices.Equal(got, []string{"code"}) {
			t.Errorf("allowedOauthFlows = %v", got)
		}
		if v := client["generateSecret"]; !v.IsBool() || v.BoolValue() {
			t.Errorf("generateSecret = %v, want false", v)
		}
		if got := strs(client["allowedOauthScopes"]); !slices.Equal(got, []string{"email", "openid", "profile", "phone"}) {
			t.Errorf("scopes = %v", got)
		}
		if v := client["preventUserExistenceErrors"]; v.StringValue() != "ENABLED" {
			t.Errorf("preventUserExistenceErrors = %v", v)
		}
	})
	t.Run("signs_in_with_srp_and_refresh_only", func(t *testing.T) {
		got := strs(client["explicitAuthFlows"])
		if !slices.Equal(got, []string{"ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"}) {
			t.Errorf("explicitAuthFlows = %v, want SRP and refresh only (no ALLOW_USER_PASSWORD_AUTH)", got)
		}
	})
	t.Run("passes_callback_and_logout_urls_through", func(t *testing.T) {
		if got := strs(client["callbackUrls"]); !slices.Equal(got, baseArgs().CallbackURLs) {
			t.Errorf("callbackUrls = %v", got)
		}
		if got := strs(client["logoutUrls"]); !slices.Equal(got, baseArgs().LogoutURLs) {
			t.Errorf("logoutUrls = %v", got)
		}
	})
	t.Run("issues_1h_access_and_id_tokens_and_30d_refresh_tokens", func(t *testing.T) {
		units := client["tokenValidityUnits"].ObjectValue()
		if client["accessTokenValidity"].NumberValue() != 1 || units["accessToken"].StringValue() != "hours" ||
			client["idTokenValidity"].NumberValue() != 1 || units["idToken"].StringValue() != "hours" ||
			client["refreshTokenValidity"].NumberValue() != 30 || units["refreshToken"].StringValue() != "days" {
			t.Errorf("token validity = %v %v", client, units)
		}
	})
	t.Run("reads_and_writes_the_custom_attributes", func(t *testing.T) {
		read, write := strs(client["readAttributes"]), strs(client["writeAttributes"])
		for _, attr := range []string{"custom:preferred_language", "custom:theme_preference", "email"} {
			if !slices.Contains(read, attr) || !slices.Contains(write, attr) {
				t.Errorf("%s missing: read=%v write=%v", attr, read, write)
			}
		}
		if !slices.Contains(read, "email_verified") || slices.Contains(write, "email_verified") {
			t.Errorf("email_verified must be readable, not writable: read=%v write=%v", read, write)
		}
	})
	t.Run("domain_uses_the_prefix", func(t *testing.T) {
		if got := mocktest.Only(t, mon, typeDomain).Inputs["domain"].StringValue(); got != "bidopsai-dev" {
			t.Errorf("domain = %s", got)
		}
	})
}

func boolText(b bool) string {
	if b {
		return "required"
	}
	return "optional"
}

func quote(s string) string {
	if s == "" {
		return "empty"
	}
	return strings.ToLower(s)
}

func resourceKey(s string) resource.PropertyKey { return resource.PropertyKey(s) }
