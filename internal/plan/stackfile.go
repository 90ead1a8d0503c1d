package plan

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"
)

// Project is what the plan needs from Pulumi.yaml.
type Project struct {
	Name string
	// Keys are the config keys Pulumi.yaml declares (without namespace), with their defaults
	// rendered the way the Pulumi CLI hands them to a program.
	Keys map[string]Declared
}

// Declared is one declared config key.
type Declared struct {
	Default    string
	HasDefault bool
	Secret     bool
}

// StackConfig is a stack file's config as the program would receive it.
type StackConfig struct {
	Values     map[string]string
	SecretKeys []string
}

// LoadProject reads Pulumi.yaml in dir.
func LoadProject(dir string) (*Project, error) {
	var doc struct {
		Name   string `yaml:"name"`
		Config map[string]struct {
			Default yaml.Node `yaml:"default"`
			Secret  bool      `yaml:"secret"`
		} `yaml:"config"`
	}
	if err := readYAML(filepath.Join(dir, "Pulumi.yaml"), &doc); err != nil {
		return nil, err
	}
	p := &Project{Name: doc.Name, Keys: map[string]Declared{}}
	for k, v := range doc.Config {
		d := Declared{Secret: v.Secret}
		if v.Default.Kind != 0 {
			s, err := render(&v.Default)
			if err != nil {
				return nil, fmt.Errorf("default of config key %s in Pulumi.yaml: %w", k, err)
			}
			d.Default, d.HasDefault = s, true
		}
		p.Keys[k] = d
	}
	return p, nil
}

// LoadStack merges Pulumi.yaml defaults with Pulumi.<stack>.yaml values, as the CLI does, and
// refuses project keys the project does not declare (a typo must not be silently ignored).
func LoadStack(dir string, p *Project, stack string) (*StackConfig, error) {
	path := filepath.Join(dir, "Pulumi."+stack+".yaml")
	var doc struct {
		SecretsProvider string               `yaml:"secretsprovider"`
		EncryptionSalt  string               `yaml:"encryptionsalt"`
		Config          map[string]yaml.Node `yaml:"config"`
	}
	if err := readYAML(path, &doc); err != nil {
		return nil, err
	}
	dec := &decrypter{path: path, salt: doc.EncryptionSalt, provider: doc.SecretsProvider}
	sc := &StackConfig{Values: map[string]string{}}
	for k, d := range p.Keys {
		if d.HasDefault {
			sc.Values[p.Name+":"+k] = d.Default
		}
	}
	var errs []string
	for key := range doc.Config {
		node := doc.Config[key]
		name, ok := strings.CutPrefix(key, p.Name+":")
		if ok {
			if _, declared := p.Keys[name]; !declared {
				errs = append(errs, fmt.Sprintf("config %q: not declared in Pulumi.yaml (a typo?); declared keys: %s",
					key, strings.Join(p.keyNames(), ", ")))
				continue
			}
		} else if !strings.Contains(key, ":") {
			key = p.Name + ":" + key
		}
		if node.Kind == yaml.MappingNode && len(node.Content) == 2 && node.Content[0].Value == "secure" {
			v, err := dec.decrypt(key, node.Content[1].Value)
			if err != nil {
				return nil, err
			}
			sc.Values[key] = v
			sc.SecretKeys = append(sc.SecretKeys, key)
			continue
		}
		s, err := render(&node)
		if err != nil {
			return nil, fmt.Errorf("%s: config %q: %w", path, key, err)
		}
		sc.Values[key] = s
	}
	if len(errs) > 0 {
		sort.Strings(errs)
		return nil, errors.New("invalid stack configuration:\n  " + strings.Join(errs, "\n  "))
	}
	return sc, nil
}

func (p *Project) keyNames() []string {
	out := make([]string, 0, len(p.Keys))
	for k := range p.Keys {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func readYAML(path string, v any) error {
	b, err := os.ReadFile(path) //nolint:gosec // G304: reading the project's own stack files is the point
	if err != nil {
		return fmt.Errorf("read %s: %w", path, err)
	}
	if err := yaml.Unmarshal(b, v); err != nil {
		return fmt.Errorf("parse %s: %w", path, err)
	}
	return nil
}

// render gives a scalar exactly as written ("030" stays "030") and an object or list as JSON.
func render(n *yaml.Node) (string, error) {
	if n.Kind == yaml.ScalarNode {
		return n.Value, nil
	}
	v, err := toJSONValue(n)
	if err != nil {
		return "", err
	}
	b, err := json.Marshal(v)
	return string(b), err
}

func toJSONValue(n *yaml.Node) (any, error) {
	switch n.Kind {
	case yaml.ScalarNode:
		switch n.Tag {
		case "!!int", "!!float":
			if json.Valid([]byte(n.Value)) {
				return json.Number(n.Value), nil
			}
			return n.Value, nil // e.g. 030: left as text for config validation to refuse by name
		case "!!bool":
			return n.Value == "true", nil
		case "!!null":
			return nil, nil
		}
		return n.Value, nil
	case yaml.SequenceNode:
		out := make([]any, 0, len(n.Content))
		for _, c := range n.Content {
			v, err := toJSONValue(c)
			if err != nil {
				return nil, err
			}
			out = append(out, v)
		}
		return out, nil
	case yaml.MappingNode:
		out := map[string]any{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			v, err := toJSONValue(n.Content[i+1])
			if err != nil {
				return nil, err
			}
			out[n.Content[i].Value] = v
		}
		return out, nil
	case yaml.AliasNode:
		return toJSONValue(n.Alias)
	case yaml.DocumentNode:
		if len(n.Content) == 1 {
			return toJSONValue(n.Content[0])
		}
	}
	return nil, fmt.Errorf("unsupported YAML node at line %d", n.Line)
}
