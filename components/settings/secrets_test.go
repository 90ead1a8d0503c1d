package settings

import (
	"encoding/json"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/bidopsai/bidopsai-infra/internal/mock/mocktest"
)

// givenArgs sets every secret value explicitly, each holding a sentinel that must never leak.
func givenArgs() *AgentSettingsArgs {
	a := baseArgs()
	a.DatabasePassword = pulumi.ToSecret(pulumi.String("SENTINELdbpass")).(pulumi.StringOutput)
	a.DatabaseReadOnlyPassword = pulumi.ToSecret(pulumi.String("SENTINELropass")).(pulumi.StringOutput)
	a.SlackCredentials = pulumi.String(`{"bot_token":"SENTINELslack"}`)
	a.LangfuseCredentials = pulumi.String(`{"secret_key":"SENTINELlangfuse"}`)
	a.IntegrationAWSCredentials = pulumi.String(`{"aws_secret_access_key":"SENTINELaws"}`)
	return a
}

func TestSecrets(t *testing.T) {
	t.Run("creates_the_five_fixed_secret_names_with_descriptions", func(t *testing.T) {
		var names []string
		for _, s := range agentSettings.MustRun(t, baseArgs()).ByType(typeSecret) {
			n, _, _ := str(s, "name")
			names = append(names, n)
			if d, _, _ := str(s, "description"); d == "" {
				t.Errorf("%s has no description", n)
			}
		}
		sort.Strings(names)
		if !slices.Equal(names, wantSecrets) {
			t.Errorf("secret names:\n got %v\nwant %v", names, wantSecrets)
		}
	})
	t.Run("passes_the_recovery_window_through", func(t *testing.T) {
		for _, days := range []int{0, 7, 30} {
			a := baseArgs()
			a.RecoveryWindowDays = days
			for _, s := range agentSettings.MustRun(t, a).ByType(typeSecret) {
				if v := s.Inputs["recoveryWindowInDays"]; !v.IsNumber() || v.NumberValue() != float64(days) {
					t.Errorf("days=%d: %s recoveryWindowInDays = %v", days, s.Name, v)
				}
			}
		}
	})
	t.Run("uses_the_kms_key_only_when_given", func(t *testing.T) {
		key := "arn:aws:kms:us-east-1:123456789012:key/abcd"
		a := baseArgs()
		a.KMSKeyArn = pulumi.String(key)
		for _, s := range agentSettings.MustRun(t, a).ByType(typeSecret) {
			if got, _, _ := str(s, "kmsKeyId"); got != key {
				t.Errorf("%s kmsKeyId = %q, want %q", s.Name, got, key)
			}
		}
		for _, s := range agentSettings.MustRun(t, baseArgs()).ByType(typeSecret) {
			if _, ok := s.Inputs["kmsKeyId"]; ok {
				t.Errorf("%s sets kmsKeyId without a key", s.Name)
			}
		}
	})
	t.Run("protects_exactly_the_secrets_when_protect_is_on", func(t *testing.T) {
		for _, on := range []bool{true, false} {
			a := baseArgs()
			a.Protect = on
			for _, r := range agentSettings.MustRun(t, a).Resources() {
				want := on && r.Type == typeSecret
				if r.Protect != want || r.RetainOnDelete != want {
					t.Errorf("protect=%v: %s %s protect=%v retain=%v, want %v", on, r.Type, r.Name,
						r.Protect, r.RetainOnDelete, want)
				}
			}
		}
	})
	t.Run("placeholder_versions_ignore_later_secret_string_changes", func(t *testing.T) {
		for _, v := range agentSettings.MustRun(t, baseArgs()).ByType(typeVersion) {
			if !slices.Equal(v.IgnoreChanges, []string{"secretString"}) {
				t.Errorf("%s ignoreChanges = %v, want [secretString]", v.Name, v.IgnoreChanges)
			}
		}
	})
	t.Run("given_values_are_managed_without_ignore_changes", func(t *testing.T) {
		mon := agentSettings.MustRun(t, givenArgs())
		for _, v := range mon.ByType(typeVersion) {
			if len(v.IgnoreChanges) != 0 {
				t.Errorf("%s ignoreChanges = %v, want none", v.Name, v.IgnoreChanges)
			}
		}
		if n := len(mon.ByType(typePassword)); n != 0 {
			t.Errorf("a given DatabasePassword still generated %d passwords", n)
		}
	})
	t.Run("given_values_are_recorded_only_as_secrets", func(t *testing.T) {
		mon := agentSettings.MustRun(t, givenArgs())
		for _, v := range mon.ByType(typeVersion) {
			if val, secret, ok := str(v, "secretString"); !ok || !secret || !strings.Contains(val, "SENTINEL") {
				t.Errorf("%s secretString: secret=%v ok=%v", v.Name, secret, ok)
			}
		}
		for _, r := range mon.Resources() {
			for k, in := range r.Inputs {
				plainStrings(in, func(s string) {
					if strings.Contains(s, "SENTINEL") {
						t.Errorf("%s %s: %s holds a given secret value unmarked", r.Type, r.Name, k)
					}
				})
			}
		}
	})
	t.Run("given_database_password_is_merged_into_the_connection_document", func(t *testing.T) {
		versions := mocktest.ByName(agentSettings.MustRun(t, givenArgs()), typeVersion)
		val, _, _ := str(versions["agents-database-secret-version"], "secretString")
		var doc map[string]any
		if err := json.Unmarshal([]byte(val), &doc); err != nil {
			t.Fatalf("database secret is not JSON: %v", err)
		}
		want := map[string]any{"username": "bidopsai_agent", "host": "<RDS_ENDPOINT>", "port": 5432.0,
			"dbname": "bidopsai", "password": "SENTINELdbpass"}
		for k, w := range want {
			if doc[k] != w {
				t.Errorf("database secret %s = %v, want %v", k, doc[k], w)
			}
		}
	})
	t.Run("generates_a_32_character_alphanumeric_password_per_database_user", func(t *testing.T) {
		mon := agentSettings.MustRun(t, baseArgs())
		pws := mon.ByType(typePassword)
		if len(pws) != 2 {
			t.Fatalf("want two generated passwords, got %d", len(pws))
		}
		for _, pw := range pws {
			if in := pw.Inputs; in["length"].NumberValue() != 32 || in["special"].BoolValue() {
				t.Errorf("%s inputs: length=%v special=%v", pw.Name, in["length"], in["special"])
			}
		}
		versions := mocktest.ByName(mon, typeVersion)
		for version, user := range map[string]string{"agents-database-secret-version": "bidopsai_agent",
			"agents-database-readonly-secret-version": "bidopsai_assistant"} {
			val, secret, _ := str(versions[version], "secretString")
			var doc map[string]any
			if err := json.Unmarshal([]byte(val), &doc); err != nil || !secret {
				t.Fatalf("%s: secret=%v err=%v", version, secret, err)
			}
			if p, _ := doc["password"].(string); !strings.HasPrefix(p, "mock-") || doc["username"] != user {
				t.Errorf("%s: user %v password %q, want %s and a generated password", version, doc["username"], p, user)
			}
			if !slices.Equal(versions[version].IgnoreChanges, []string{"secretString"}) {
				t.Errorf("%s is rewritten by later runs: ignoreChanges %v", version, versions[version].IgnoreChanges)
			}
		}
	})
	t.Run("placeholders_hold_no_secret_material", func(t *testing.T) {
		allowed := map[string]bool{placeholder: true, "us-east-1": true, "https://cloud.langfuse.com": true}
		for _, v := range agentSettings.MustRun(t, baseArgs()).ByType(typeVersion) {
			if strings.HasPrefix(v.Name, "agents-database") {
				continue
			}
			val, _, _ := str(v, "secretString")
			var doc map[string]string
			if err := json.Unmarshal([]byte(val), &doc); err != nil || len(doc) == 0 {
				t.Fatalf("%s placeholder is not a JSON object of strings: %v", v.Name, err)
			}
			for k, s := range doc {
				if !allowed[s] {
					t.Errorf("%s placeholder %s = %q", v.Name, k, s)
				}
			}
		}
	})
	t.Run("rejects_an_empty_given_database_password_without_showing_it", func(t *testing.T) {
		a := baseArgs()
		a.DatabasePassword = pulumi.ToSecret(pulumi.String("")).(pulumi.StringOutput)
		_, _, err := agentSettings.Run(a)
		if err == nil || !strings.Contains(err.Error(), `invalid AgentSettingsArgs.DatabasePassword = [secret]: must not be empty`) {
			t.Fatalf("want an error naming DatabasePassword with its value hidden, got %v", err)
		}
	})
	t.Run("rejects_a_given_credential_that_is_not_a_json_object_without_showing_it", func(t *testing.T) {
		a := baseArgs()
		a.SlackCredentials = pulumi.ToSecret(pulumi.String("SENTINELnotjson")).(pulumi.StringOutput)
		_, _, err := agentSettings.Run(a)
		if err == nil || !strings.Contains(err.Error(), `settings "agents": invalid AgentSettingsArgs.SlackCredentials = [secret]: `) {
			t.Fatalf("want an error naming SlackCredentials with its value hidden, got %v", err)
		}
		if strings.Contains(err.Error(), "SENTINEL") {
			t.Errorf("error shows the secret value: %v", err)
		}
	})
}
