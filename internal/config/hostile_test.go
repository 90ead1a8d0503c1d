package config

import (
	"strings"
	"testing"

	"github.com/bidopsai/bidopsai-infra/internal/stackfile"
)

func TestEnvironmentsRefuseLocalURLsAsData(t *testing.T) {
	local := `{"mfa":"ON","deletionProtection":true,"domainPrefix":"bidopsai-x",` +
		`"callbackUrls":["http://localhost:3000/callback"],"logoutUrls":["https://127.0.0.1"]}`
	for env, refused := range map[string]bool{"dev": false, "staging": true, "prod": true} {
		t.Run(env, func(t *testing.T) {
			v := baseline()
			v["bidopsai:environment"] = env
			v["aws:defaultTags"] = strings.Replace(v["aws:defaultTags"], `"prod"`, `"`+env+`"`, 1)
			v["bidopsai:cognito"] = local
			v["bidopsai:cors"] = `{"allowedOrigins":["http://localhost:3000"]}`
			_, err := FromMap("bidopsai", env, v, nil)
			msg := ""
			if err != nil {
				msg = err.Error()
			}
			for _, key := range []string{"cognito.callbackUrls", "cognito.logoutUrls", "cors.allowedOrigins"} {
				if got := strings.Contains(msg, `"bidopsai:`+key+`"`); got != refused {
					t.Errorf("%s refused=%v, want %v:\n%s", key, got, refused, msg)
				}
			}
		})
	}
}

func TestNoSecretValueInAnyMessage(t *testing.T) {
	bad := map[string]string{
		"bidopsai:logLevel":         "S3CRET-level",
		"bidopsai:cognito":          `{"mfa":"S3CRET-mfa","callbackUrls":["http://S3CRET-host/cb"],"domainPrefix":"S3CRET_prefix","zz":"S3CRET-field"}`,
		"aws:defaultTags":           `{"tags":{"project":"bidopsai","environment":"S3CRET-env","managed-by":"pulumi","aws:S3CRET":"x"}}`,
		"aws:region":                "S3CRET-region",
		"bidopsai:storage":          `{"processedTransitionToIA":true,"processedExpirationDays":77}`,
		"bidopsai:runtime":          `{"idleTimeoutSeconds":28000,"maxLifetimeSeconds":600}`,
		"bidopsai:typoS3CRET":       "S3CRET-unknown",
		"aws:S3CRETkey":             "S3CRET-aws",
		"bidopsai:agents":           `{"workflow":{"version":"9.9.9+S3CRET"}}`,
		"bidopsai:network":          `{"vpcCidr":"10.0.1.0/16"}`,
		"bidopsai:databasePassword": "S3CRET",
	}
	v := baseline()
	var secrets []string
	for k, val := range bad {
		v[k] = val
		secrets = append(secrets, k)
	}
	_, err := FromMap("bidopsai", "prod", v, secrets)
	if err == nil {
		t.Fatal("bad config accepted")
	}
	msg := err.Error()
	for _, leak := range []string{"S3CRET-level", "S3CRET-mfa", "S3CRET-host", "S3CRET_prefix", "S3CRET-field",
		"S3CRET-env", "S3CRET-region", "S3CRET-unknown", "S3CRET-aws", "+S3CRET", "77", "28000", "10.0.1.0"} {
		if strings.Contains(msg, leak) {
			t.Errorf("a message shows %q from a secret:\n%s", leak, msg)
		}
	}
	if strings.Count(msg, "[secret]") < 10 {
		t.Errorf("refusals of secret values should say [secret]:\n%s", msg)
	}
}

func TestProtectedReadsLikeTheProgram(t *testing.T) {
	for value, want := range map[string]bool{"true": true, "false": false} {
		got, err := stackfile.ReadProtect(value, true)
		v := baseline()
		v["bidopsai:protect"], v["bidopsai:environment"] = value, "dev"
		v["aws:defaultTags"] = strings.ReplaceAll(v["aws:defaultTags"], "prod", "dev")
		c, cerr := FromMap("bidopsai", "dev", v, nil)
		if err != nil || got != want || cerr != nil || c.Protect != want {
			t.Errorf("%s: guard %v, %v; program %v", value, got, err, cerr)
		}
	}
	if on, err := stackfile.ReadProtect("", false); err != nil || on {
		t.Errorf("unset: %v, %v", on, err)
	}
	for _, value := range []string{"True", "yes", "1", " true", "[secret]"} {
		if _, err := stackfile.ReadProtect(value, true); err == nil {
			t.Errorf("%q read as a boolean", value)
		}
		v := baseline()
		v["bidopsai:protect"] = value
		c, err := load(v)
		if err == nil || c != nil || !strings.Contains(err.Error(), `"bidopsai:protect"`) {
			t.Errorf("the program accepts %q that the guard refuses", value)
		}
	}
}

func TestUnknownKeysFromTheLanguageHost(t *testing.T) {
	t.Setenv("PULUMI_CONFIG", `{"bidopsai:logLevl":"INFO","aws:region":"us-east-1"}`)
	keys := envKeys()
	if len(keys) != 2 {
		t.Fatalf("keys %v", keys)
	}
	v := baseline()
	v["bidopsai:logLevl"] = "INFO"
	_, err := load(v)
	if err == nil || !strings.Contains(err.Error(), `"bidopsai:logLevl": invalid value "INFO": unknown key`) {
		t.Fatalf("want the typo refused, got %v", err)
	}
}

func TestAWSProviderKeys(t *testing.T) {
	v := baseline()
	v["aws:profile"] = "ops"
	v["aws:skipCredentialsValidation"] = "true"
	v["aws:accessKey"] = "AKIAEXAMPLE"
	if _, err := load(v, "aws:accessKey"); err != nil {
		t.Fatalf("provider keys refused: %v", err)
	}
}
