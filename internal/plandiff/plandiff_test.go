package plandiff_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bidopsai/bidopsai-infra/internal/inventory"
	"github.com/bidopsai/bidopsai-infra/internal/plandiff"
)

func TestSecretsStaySecret(t *testing.T) {
	res := func(value any) *inventory.Inventory {
		return &inventory.Inventory{Project: "p", Stack: "s", Resources: []inventory.Resource{{
			URN:  "urn:pulumi:s::p::aws:secretsmanager/secretVersion:SecretVersion::v",
			Type: "aws:secretsmanager/secretVersion:SecretVersion", Name: "v",
			Inputs: map[string]any{"secretString": value},
		}}}
	}
	same, _ := plandiff.Compare(res(inventory.Secret), res(inventory.Secret))
	if !same.Empty() {
		t.Errorf("two hidden values are reported as a change: %s", same.Text())
	}
	d, _ := plandiff.Compare(res("placeholder"), res(inventory.Secret))
	if !strings.Contains(d.Text(), `secretString: "placeholder" => [secret]`) {
		t.Errorf("a value becoming secret:\n%s", d.Text())
	}
}

func TestLoadRefusesWhatIsNotAPlan(t *testing.T) {
	dir := t.TempDir()
	for name, content := range map[string]string{
		"not-json.json": "resources: []",
		"no-stack.json": `{"project":"p","resources":[]}`,
		"bad-urn.json":  `{"project":"p","stack":"s","resources":[{"type":"t"}]}`,
		"array.json":    `[]`,
	} {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := plandiff.Load(path); err == nil || !strings.Contains(err.Error(), name) {
			t.Errorf("%s: error %v, want one naming the file", name, err)
		}
	}
	if _, err := plandiff.Load(filepath.Join(dir, "missing.json")); err == nil {
		t.Error("a missing file is accepted")
	}
}
