package plan

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource/config"

	"github.com/bidopsai/bidopsai-infra/internal/stackfile"
)

// decrypter opens `secure:` values of a passphrase-encrypted stack file, as the CLI would.
type decrypter struct {
	path, salt, provider string
	crypter              config.Crypter
}

func (d *decrypter) decrypt(key, ciphertext string, f *stackfile.File) (string, error) {
	if d.crypter == nil {
		d.path, d.salt, d.provider = f.Path, f.EncryptionSalt, f.SecretsProvider
		if err := d.open(); err != nil {
			return "", fmt.Errorf("%s: %q is an encrypted secret: %w", d.path, key, err)
		}
	}
	v, err := d.crypter.DecryptValue(context.Background(), ciphertext)
	if err != nil {
		return "", fmt.Errorf("%s: decrypt %q: %w", d.path, key, err)
	}
	return v, nil
}

func (d *decrypter) open() error {
	if d.provider != "" && d.provider != "passphrase" {
		return fmt.Errorf("the offline plan decrypts only passphrase secrets, and this stack uses %s", d.provider)
	}
	phrase, err := passphrase()
	if err != nil {
		return err
	}
	parts := strings.SplitN(d.salt, ":", 3)
	if len(parts) != 3 || parts[0] != "v1" {
		return errors.New("the stack file has no usable encryptionsalt")
	}
	salt, err := base64.StdEncoding.DecodeString(parts[1])
	if err != nil {
		return fmt.Errorf("the stack file's encryptionsalt is malformed: %w", err)
	}
	c := config.NewSymmetricCrypterFromPassphrase(phrase, salt)
	if check, err := c.DecryptValue(context.Background(), parts[2]); err != nil || check != "pulumi" {
		return errors.New("PULUMI_CONFIG_PASSPHRASE does not open this stack's secrets")
	}
	d.crypter = c
	return nil
}

func passphrase() (string, error) {
	if p, ok := os.LookupEnv("PULUMI_CONFIG_PASSPHRASE"); ok {
		return p, nil
	}
	if f := os.Getenv("PULUMI_CONFIG_PASSPHRASE_FILE"); f != "" {
		b, err := os.ReadFile(f) //nolint:gosec // G304: the user names the passphrase file, as for the CLI
		if err != nil {
			return "", fmt.Errorf("read PULUMI_CONFIG_PASSPHRASE_FILE: %w", err)
		}
		return strings.TrimRight(string(b), "\r\n"), nil
	}
	return "", errors.New("set PULUMI_CONFIG_PASSPHRASE or PULUMI_CONFIG_PASSPHRASE_FILE so the plan can read it")
}
