package encryption

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/bidopsai/bidopsai-infra/internal/mock"
)

// cryptoActions read or write data with the key.
var cryptoActions = []string{"kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey",
	"kms:GenerateDataKeyWithoutPlaintext", "kms:ReEncryptFrom", "kms:ReEncryptTo"}

func TestKeyPolicy(t *testing.T) {
	doc := keyPolicyOf(t, keys.MustRun(t, validArgs(), "stack"))
	root := map[string]any{"AWS": []any{"arn:aws:iam::" + mock.Account + ":root"}}

	t.Run("has_exactly_the_five_documented_statements", func(t *testing.T) {
		var sids []string
		for _, s := range doc.Statement {
			sids = append(sids, s.Sid)
			if s.Effect != "Allow" {
				t.Errorf("%s: effect %s", s.Sid, s.Effect)
			}
		}
		if want := []string{sidAdminister, sidUseViaServices, sidServiceGrants, sidLogs, sidAlarmTopic}; !reflect.DeepEqual(sids, want) {
			t.Errorf("statements %v, want %v", sids, want)
		}
	})
	t.Run("names_no_wildcard_principal_and_no_wildcard_action", func(t *testing.T) {
		for _, s := range doc.Statement {
			if s.Principal == "*" || s.Principal == nil || strings.Contains(mapString(s.Principal), `"*"`) {
				t.Errorf("%s: principal %#v", s.Sid, s.Principal)
			}
			for _, a := range s.Action {
				if strings.Contains(a, "*") {
					t.Errorf("%s: wildcard action %s", s.Sid, a)
				}
			}
		}
	})
	t.Run("root_administers_the_key_without_any_cryptographic_action", func(t *testing.T) {
		s := statement(t, doc, sidAdminister)
		if !reflect.DeepEqual(s.Principal, root) || s.Condition != nil {
			t.Errorf("admin statement principal %v condition %v", s.Principal, s.Condition)
		}
		for _, a := range cryptoActions {
			if slices.Contains(s.Action, a) {
				t.Errorf("admin statement allows %s", a)
			}
		}
		for _, a := range []string{"kms:PutKeyPolicy", "kms:ScheduleKeyDeletion", "kms:EnableKeyRotation"} {
			if !slices.Contains(s.Action, a) {
				t.Errorf("admin statement lacks %s", a)
			}
		}
	})
	t.Run("root_decrypts_only_through_s3_secrets_manager_ssm_and_ecr_for_this_account", func(t *testing.T) {
		for _, s := range doc.Statement {
			if !reflect.DeepEqual(s.Principal, root) || !slices.Contains(s.Action, "kms:Decrypt") {
				continue
			}
			want := map[string]map[string]any{"StringEquals": {
				"kms:ViaService": []any{"s3.eu-west-1.amazonaws.com", "secretsmanager.eu-west-1.amazonaws.com",
					"ssm.eu-west-1.amazonaws.com", "ecr.eu-west-1.amazonaws.com"},
				"kms:CallerAccount": mock.Account,
			}}
			if !reflect.DeepEqual(s.Condition, want) {
				t.Errorf("%s: root may decrypt with conditions %v, want %v", s.Sid, s.Condition, want)
			}
		}
		g := statement(t, doc, sidServiceGrants)
		if g.Condition["Bool"]["kms:GrantIsForAWSResource"] != "true" ||
			g.Condition["StringEquals"]["kms:ViaService"] != "ecr.eu-west-1.amazonaws.com" || slices.Contains(g.Action, "kms:Decrypt") {
			t.Errorf("ECR grant statement too broad: %v %v", g.Action, g.Condition)
		}
		if !slices.Contains(statement(t, doc, sidUseViaServices).Action, "kms:GenerateDataKey") {
			t.Error("principals cannot write encrypted objects, secrets or parameters through the services")
		}
	})
	t.Run("lets_cloudwatch_logs_use_it_only_for_this_accounts_log_groups", func(t *testing.T) {
		s := statement(t, doc, sidLogs)
		if want := map[string]any{"Service": []any{"logs.eu-west-1.amazonaws.com"}}; !reflect.DeepEqual(s.Principal, want) {
			t.Errorf("principal %v, want %v", s.Principal, want)
		}
		ctx := s.Condition["ArnLike"]["kms:EncryptionContext:aws:logs:arn"]
		if ctx != "arn:aws:logs:eu-west-1:"+mock.Account+":log-group:*" {
			t.Errorf("encryption-context condition %v", ctx)
		}
		if !slices.Contains(s.Action, "kms:GenerateDataKey") || !slices.Contains(s.Action, "kms:Decrypt") {
			t.Errorf("logs actions %v cannot encrypt and read log events", s.Action)
		}
	})
	t.Run("lets_alarms_and_sns_use_it_only_for_this_account", func(t *testing.T) {
		s := statement(t, doc, sidAlarmTopic)
		want := map[string]any{"Service": []any{"cloudwatch.amazonaws.com", "sns.amazonaws.com"}}
		if !reflect.DeepEqual(s.Principal, want) {
			t.Errorf("principal %v, want %v", s.Principal, want)
		}
		if !reflect.DeepEqual(s.Action, []string{"kms:Decrypt", "kms:GenerateDataKey"}) {
			t.Errorf("actions %v", s.Action)
		}
		if got := s.Condition["StringEquals"]["aws:SourceAccount"]; got != mock.Account {
			t.Errorf("aws:SourceAccount %v", got)
		}
	})
	t.Run("uses_the_given_account_and_region_everywhere", func(t *testing.T) {
		text, err := keyPolicy("210987654321", "us-gov-west-1")
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(text, mock.Account) || strings.Contains(text, "eu-west-1") ||
			!strings.Contains(text, "arn:aws-us-gov:iam::210987654321:root") {
			t.Errorf("policy does not use the given account, region and partition: %s", text)
		}
	})
}

// mapString renders a principal for a substring check.
func mapString(p any) string {
	m, ok := p.(map[string]any)
	if !ok {
		return ""
	}
	var b strings.Builder
	for _, v := range m {
		list, _ := v.([]any)
		for _, e := range list {
			s, _ := e.(string)
			b.WriteString(`"` + s + `"`)
		}
	}
	return b.String()
}
