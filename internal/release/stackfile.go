package release

import (
	"bytes"
	"fmt"
	"regexp"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// agentsKey is the stack config key holding one object per agent.
const agentsKey = "bidopsai:agents"

// stackNamePattern is Pulumi's rule for a stack name without an organization or project.
var stackNamePattern = regexp.MustCompile(`^[A-Za-z0-9_-][A-Za-z0-9_.-]{0,99}$`)

// StackFile returns the settings file name of stack, e.g. "Pulumi.dev.yaml".
func StackFile(stack string) (string, error) {
	if !stackNamePattern.MatchString(stack) {
		return "", fmt.Errorf("stack %q is not a stack name: want letters, digits, '_', '-' or '.' (at most 100, not starting with '.')", stack)
	}
	return "Pulumi." + stack + ".yaml", nil
}

// stackConfig parses a stack file and returns its top-level config mapping.
func stackConfig(src []byte, file string) (*yaml.Node, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		return nil, fmt.Errorf("parse %s: %w", file, err)
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return nil, fmt.Errorf("%s: want a YAML mapping with a config: key", file)
	}
	cfg := lookup(doc.Content[0], "config")
	if cfg == nil || cfg.Kind != yaml.MappingNode {
		return nil, fmt.Errorf("%s: no config: mapping", file)
	}
	return cfg, nil
}

// lookup returns the value of key in mapping m, or nil.
func lookup(m *yaml.Node, key string) *yaml.Node {
	if m == nil || m.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

// versionNode finds bidopsai:agents.<agent>.version and checks it is a SemVer scalar.
func versionNode(cfg *yaml.Node, a Agent, file string) (*yaml.Node, Version, error) {
	key := agentsKey + "." + a.ConfigKey + ".version"
	n := lookup(lookup(lookup(cfg, agentsKey), a.ConfigKey), "version")
	if n == nil {
		return nil, Version{}, fmt.Errorf("%s: %s not found (agent %s)", file, key, a.Name)
	}
	if n.Kind != yaml.ScalarNode {
		return nil, Version{}, fmt.Errorf("%s line %d: %s must be a version like 1.4.2, not a YAML %s", file, n.Line, key, kindName(n.Kind))
	}
	v, err := ParseVersion(n.Value)
	if err != nil {
		return nil, Version{}, fmt.Errorf("%s line %d: %s: %w", file, n.Line, key, err)
	}
	return n, v, nil
}

var kindNames = map[yaml.Kind]string{yaml.MappingNode: "mapping", yaml.SequenceNode: "sequence", yaml.AliasNode: "alias"}

func kindName(k yaml.Kind) string {
	if name, ok := kindNames[k]; ok {
		return name
	}
	return "node"
}

// valueSpan returns the byte range of a scalar's value in src, inside any quotes. yaml.v3 gives
// 1-based lines and columns counted in characters, so the column is walked rune by rune.
func valueSpan(src []byte, n *yaml.Node, file, key string) (int, int, error) {
	off := 0
	for line := 1; line < n.Line; line++ {
		i := bytes.IndexByte(src[off:], '\n')
		if i < 0 {
			return 0, 0, fmt.Errorf("%s: line %d of %s is past the end of the file", file, n.Line, key)
		}
		off += i + 1
	}
	for col := 1; col < n.Column && off < len(src) && src[off] != '\n'; col++ {
		_, size := utf8.DecodeRune(src[off:])
		off += size
	}
	quotes := map[yaml.Style]string{0: "", yaml.SingleQuotedStyle: "'", yaml.DoubleQuotedStyle: `"`}
	quote, ok := quotes[n.Style]
	if !ok {
		return 0, 0, fmt.Errorf("%s line %d: write %s as a plain or quoted scalar (version: 1.4.2)", file, n.Line, key)
	}
	token := quote + n.Value + quote
	if !bytes.HasPrefix(src[off:], []byte(token)) {
		return 0, 0, fmt.Errorf("%s line %d: cannot find %q for %s in the text; write it as a plain scalar (version: 1.4.2)", file, n.Line, n.Value, key)
	}
	start := off + len(quote)
	return start, start + len(n.Value), nil
}
