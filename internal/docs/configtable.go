// Package docs generates the README sections that must never drift from the code: the
// configuration table (from Pulumi.yaml and the stack files) and, as tiers add them, other
// generated blocks. `make docs` rewrites them; a test fails when the README is stale.
package docs

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"
)

// Environments are the stack files shown as columns.
var Environments = []string{"dev", "staging", "prod"}

type declared struct {
	name, description string
	def               any
}

// ConfigTable renders one row per config key (object fields flattened) with the value each
// environment's stack file sets, or the declared default in italics.
func ConfigTable(dir string) (string, error) {
	keys, project, err := declaredKeys(dir)
	if err != nil {
		return "", err
	}
	stacks := make([]map[string]any, len(Environments))
	for i, env := range Environments {
		if stacks[i], err = stackValues(dir, env); err != nil {
			return "", err
		}
	}
	var b strings.Builder
	b.WriteString("| key | what it does | " + strings.Join(Environments, " | ") + " |\n")
	b.WriteString("|---|---|" + strings.Repeat("---|", len(Environments)) + "\n")
	for _, k := range keys {
		full := project + ":" + k.name
		obj, isObj := k.def.(map[string]any)
		if !isObj {
			b.WriteString(row("`"+full+"`", k.description, k.def, stacks, func(s map[string]any) (any, bool) {
				v, ok := s[full]
				return v, ok
			}))
			continue
		}
		fields := fieldNames(obj, stacks, full)
		for i, f := range fields {
			desc := ""
			if i == 0 {
				desc = k.description
			}
			b.WriteString(row("`"+full+"."+f+"`", desc, obj[f], stacks, func(s map[string]any) (any, bool) {
				o, ok := s[full].(map[string]any)
				if !ok {
					return nil, false
				}
				v, ok := o[f]
				return v, ok
			}))
		}
	}
	return b.String(), nil
}

func row(key, desc string, def any, stacks []map[string]any, get func(map[string]any) (any, bool)) string {
	cells := []string{key, strings.ReplaceAll(desc, "|", "\\|")}
	for _, s := range stacks {
		if v, ok := get(s); ok {
			cells = append(cells, show(v))
		} else if def != nil {
			cells = append(cells, "_"+show(def)+"_")
		} else {
			cells = append(cells, "—")
		}
	}
	return "| " + strings.Join(cells, " | ") + " |\n"
}

func show(v any) string {
	switch x := v.(type) {
	case string:
		if x == "" {
			return `""`
		}
		return "`" + x + "`"
	case []any:
		parts := make([]string, len(x))
		for i, e := range x {
			parts[i] = show(e)
		}
		return strings.Join(parts, "<br>")
	}
	b, _ := json.Marshal(v)
	return "`" + string(b) + "`"
}

// fieldNames lists an object key's fields: declared defaults first, then any a stack adds.
func fieldNames(def map[string]any, stacks []map[string]any, full string) []string {
	seen := map[string]bool{}
	var out []string
	for f := range def {
		seen[f] = true
		out = append(out, f)
	}
	for _, s := range stacks {
		if o, ok := s[full].(map[string]any); ok {
			for f := range o {
				if !seen[f] {
					seen[f] = true
					out = append(out, f)
				}
			}
		}
	}
	sort.Strings(out)
	return out
}

func declaredKeys(dir string) ([]declared, string, error) {
	var doc struct {
		Name   string    `yaml:"name"`
		Config yaml.Node `yaml:"config"`
	}
	if err := readYAML(filepath.Join(dir, "Pulumi.yaml"), &doc); err != nil {
		return nil, "", err
	}
	var keys []declared
	for i := 0; i+1 < len(doc.Config.Content); i += 2 {
		var d struct {
			Description string `yaml:"description"`
			Default     any    `yaml:"default"`
		}
		if err := doc.Config.Content[i+1].Decode(&d); err != nil {
			return nil, "", fmt.Errorf("config key %s in Pulumi.yaml: %w", doc.Config.Content[i].Value, err)
		}
		keys = append(keys, declared{doc.Config.Content[i].Value, d.Description, d.Default})
	}
	return keys, doc.Name, nil
}

func stackValues(dir, env string) (map[string]any, error) {
	var doc struct {
		Config map[string]any `yaml:"config"`
	}
	if err := readYAML(filepath.Join(dir, "Pulumi."+env+".yaml"), &doc); err != nil {
		return nil, err
	}
	return doc.Config, nil
}

func readYAML(path string, v any) error {
	b, err := os.ReadFile(path) //nolint:gosec // G304: the project's own Pulumi files
	if err != nil {
		return fmt.Errorf("read %s: %w", path, err)
	}
	if err := yaml.Unmarshal(b, v); err != nil {
		return fmt.Errorf("parse %s: %w", path, err)
	}
	return nil
}
