package stackfile

import (
	"errors"
	"fmt"
	"path/filepath"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/bidopsai/bidopsai-infra/internal/redact"
)

// Project is what the tools need from Pulumi.yaml.
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

// Config is a stack's config as the program would receive it.
type Config struct {
	Values     map[string]string
	SecretKeys []string
}

// LoadProject reads Pulumi.yaml in dir.
func LoadProject(dir string) (*Project, error) {
	path := filepath.Join(dir, "Pulumi.yaml")
	if _, err := Inside(dir, "Pulumi.yaml"); err != nil {
		return nil, fmt.Errorf("project file: %w", err)
	}
	src, err := ReadFile(path)
	if err != nil {
		return nil, err
	}
	root, err := Document(src, path)
	if err != nil {
		return nil, err
	}
	var doc struct {
		Name   string `yaml:"name"`
		Config map[string]struct {
			Default yaml.Node `yaml:"default"`
			Secret  bool      `yaml:"secret"`
		} `yaml:"config"`
	}
	if err := root.Decode(&doc); err != nil {
		return nil, fmt.Errorf("parse %s: %w", path, err)
	}
	p := &Project{Name: doc.Name, Keys: map[string]Declared{}}
	for k, v := range doc.Config {
		d := Declared{Secret: v.Secret}
		if v.Default.Kind != 0 {
			e, err := entry(&yaml.Node{Kind: yaml.ScalarNode, Value: k}, &v.Default, path, p.Name)
			if err != nil {
				return nil, fmt.Errorf("default of config key %s in %s: %w", k, path, err)
			}
			d.Default, d.HasDefault = e.Value, true
		}
		p.Keys[k] = d
	}
	return p, nil
}

// Load reads Pulumi.<stack>.yaml in dir and merges it over Pulumi.yaml's defaults, as the CLI
// does. Project keys Pulumi.yaml does not declare are refused (a typo must not be ignored).
// open turns a `secure:` value into its plaintext; nil leaves secrets unread (as "[secret]").
func (p *Project) Load(dir, stack string, open func(key, ciphertext string, f *File) (string, error)) (*Config, error) {
	path, err := Path(dir, stack)
	if err != nil {
		return nil, err
	}
	src, err := ReadFile(path)
	if err != nil {
		return nil, err
	}
	f, err := Parse(src, path, p.Name)
	if err != nil {
		return nil, err
	}
	sc := &Config{Values: map[string]string{}}
	for k, d := range p.Keys {
		if d.HasDefault {
			sc.Values[p.Name+":"+k] = d.Default
		}
	}
	var errs []string
	for _, key := range f.Keys() {
		e := f.Config[key]
		if name, ok := strings.CutPrefix(key, p.Name+":"); ok {
			if _, declared := p.Keys[name]; !declared {
				errs = append(errs, fmt.Sprintf("config %s: not declared in Pulumi.yaml (a typo?); declared keys: %s",
					redact.Key(key), strings.Join(p.keyNames(), ", ")))
				continue
			}
		}
		if e.Secure == "" {
			sc.Values[key] = e.Value
			continue
		}
		v := redact.Secret
		if open != nil {
			if v, err = open(key, e.Secure, f); err != nil {
				return nil, err
			}
		}
		sc.Values[key] = v
		sc.SecretKeys = append(sc.SecretKeys, key)
	}
	if len(errs) > 0 {
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
