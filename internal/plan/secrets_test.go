package plan_test

import (
	"context"
	"encoding/base64"
	"fmt"
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource/config"

	"github.com/bidopsai/bidopsai-infra/internal/plan"
)

// encryptedStackFile writes a stack file the way `pulumi config set --secret` does.
func encryptedStackFile(t *testing.T, phrase, key, value string) string {
	t.Helper()
	salt := []byte("0123456789abcdef")
	c := config.NewSymmetricCrypterFromPassphrase(phrase, salt)
	check, err := c.EncryptValue(context.Background(), "pulumi")
	if err != nil {
		t.Fatal(err)
	}
	ct, err := c.EncryptValue(context.Background(), value)
	if err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf("encryptionsalt: v1:%s:%s\nconfig:\n  %s:\n    secure: %s\n",
		base64.StdEncoding.EncodeToString(salt), check, key, ct)
}

func TestSecureValues(t *testing.T) {
	file := encryptedStackFile(t, "correct horse", "bidopsai:databasePassword", "s3cret-password-0123")
	t.Run("decrypts_with_the_passphrase_and_marks_secret", func(t *testing.T) {
		t.Setenv("PULUMI_CONFIG_PASSPHRASE", "correct horse")
		dir := writeProject(t, file)
		p, _ := plan.LoadProject(dir)
		sc, err := plan.LoadStack(dir, p, "me")
		if err != nil {
			t.Fatal(err)
		}
		if sc.Values["bidopsai:databasePassword"] != "s3cret-password-0123" ||
			len(sc.SecretKeys) != 1 || sc.SecretKeys[0] != "bidopsai:databasePassword" {
			t.Fatalf("secret not decrypted and marked: %v", sc.SecretKeys)
		}
	})
	t.Run("explains_a_wrong_passphrase", func(t *testing.T) {
		t.Setenv("PULUMI_CONFIG_PASSPHRASE", "wrong")
		dir := writeProject(t, file)
		p, _ := plan.LoadProject(dir)
		_, err := plan.LoadStack(dir, p, "me")
		if err == nil || !strings.Contains(err.Error(), "does not open") {
			t.Fatalf("want a wrong-passphrase error, got %v", err)
		}
	})
}
