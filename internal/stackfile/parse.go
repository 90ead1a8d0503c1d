package stackfile

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/bidopsai/bidopsai-infra/internal/redact"
)

const (
	// MaxBytes bounds a project or stack file read into memory; real ones are a few KB.
	MaxBytes = 1 << 20
	// MaxNodes bounds the nodes a file expands to, aliases included: an alias bomb (a few
	// lines that expand to billions of nodes) fails fast instead of exhausting memory.
	MaxNodes = 20000
)

// stackFileKeys are the top-level keys of a stack file the Pulumi CLI knows.
var stackFileKeys = []string{"config", "secretsprovider", "encryptedkey", "encryptionsalt", "environment"}

// Entry is one key of a stack file's config: section, under its full name.
type Entry struct {
	Key     string     // full name, e.g. "bidopsai:logLevel", whichever way the file spells it
	Written string     // the key as written, e.g. "logLevel"
	Node    *yaml.Node // the value as parsed, for tools that edit the text in place
	// Value is the value as the CLI hands it to the program: a scalar exactly as written, an
	// object or list as JSON. Empty for a secret.
	Value string
	// Secure is the ciphertext of a `secure:` value; Value is then empty.
	Secure string
}

// File is a parsed stack file.
type File struct {
	Path            string
	SecretsProvider string
	EncryptionSalt  string
	Config          map[string]*Entry
}

// ReadFile reads a project or stack file, refusing one over MaxBytes.
func ReadFile(path string) ([]byte, error) {
	f, err := os.Open(path) //nolint:gosec // G304: the project's own files; callers check the name
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	defer func() { _ = f.Close() }()
	b, err := io.ReadAll(io.LimitReader(f, MaxBytes+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	if len(b) > MaxBytes {
		return nil, fmt.Errorf("%s is over %d bytes; a stack file is a few KB", path, MaxBytes)
	}
	return b, nil
}

// Document parses one YAML document that must be a mapping, checking every mapping in it
// for duplicate keys and bounding alias expansion.
func Document(src []byte, file string) (*yaml.Node, error) {
	if len(src) > MaxBytes {
		return nil, fmt.Errorf("%s is over %d bytes; a stack file is a few KB", file, MaxBytes)
	}
	dec := yaml.NewDecoder(bytes.NewReader(src))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("%s is empty; want a YAML mapping", file)
		}
		return nil, fmt.Errorf("parse %s: %w", file, err)
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("%s holds more than one YAML document (---); want exactly one", file)
	}
	if len(doc.Content) != 1 || doc.Content[0].Kind != yaml.MappingNode {
		return nil, fmt.Errorf("%s: want a YAML mapping at the top", file)
	}
	w := &walker{file: file}
	if err := w.check(doc.Content[0]); err != nil {
		return nil, err
	}
	return doc.Content[0], nil
}

// walker checks a node tree, counting every node reached through aliases too.
type walker struct {
	file  string
	nodes int
}

func (w *walker) check(n *yaml.Node) error {
	w.nodes++
	if w.nodes > MaxNodes {
		return fmt.Errorf("%s expands to more than %d YAML nodes (an alias bomb?); refused", w.file, MaxNodes)
	}
	switch n.Kind {
	case yaml.AliasNode:
		return w.check(n.Alias)
	case yaml.ScalarNode:
		return w.checkTag(n)
	case yaml.MappingNode:
		seen := map[string]*yaml.Node{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			if k.Kind != yaml.ScalarNode {
				return fmt.Errorf("%s line %d: a mapping key must be plain text", w.file, k.Line)
			}
			if k.Tag == "!!merge" || k.Value == "<<" {
				return fmt.Errorf("%s line %d: YAML merge keys (<<) are not supported; write the keys out", w.file, k.Line)
			}
			if first, dup := seen[k.Value]; dup {
				return fmt.Errorf("%s line %d: key %s is already set at line %d; each key may appear once",
					w.file, k.Line, redact.Show(k.Value), first.Line)
			}
			seen[k.Value] = k
			if err := w.check(n.Content[i+1]); err != nil {
				return err
			}
		}
	case yaml.SequenceNode, yaml.DocumentNode:
		for _, c := range n.Content {
			if err := w.check(c); err != nil {
				return err
			}
		}
	}
	return nil
}

// plainTags are the scalar tags a config value may carry; custom tags (!foo, !!binary) are refused.
var plainTags = map[string]bool{"!!str": true, "!!int": true, "!!float": true, "!!bool": true, "!!null": true, "!!timestamp": true}

func (w *walker) checkTag(n *yaml.Node) error {
	if !plainTags[n.Tag] {
		return fmt.Errorf("%s line %d: YAML tag %s is not supported; write plain values", w.file, n.Line, redact.Show(n.Tag))
	}
	return nil
}

// Parse reads a stack file's text. project is the project name: a config key written without a
// namespace belongs to it, and writing the same key both ways is refused.
func Parse(src []byte, file, project string) (*File, error) {
	root, err := Document(src, file)
	if err != nil {
		return nil, err
	}
	f := &File{Path: file, Config: map[string]*Entry{}}
	var cfg *yaml.Node
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		switch k.Value {
		case "config":
			cfg = v
		case "secretsprovider":
			f.SecretsProvider = v.Value
		case "encryptionsalt":
			f.EncryptionSalt = v.Value
		default:
			if !contains(stackFileKeys, k.Value) {
				return nil, fmt.Errorf("%s line %d: unknown top-level key %s; a stack file has %s",
					file, k.Line, redact.Show(k.Value), strings.Join(stackFileKeys, ", "))
			}
		}
	}
	if cfg == nil {
		return f, nil
	}
	if cfg = deref(cfg); cfg.Kind != yaml.MappingNode {
		return nil, fmt.Errorf("%s line %d: config: must be a mapping of keys to values", file, cfg.Line)
	}
	for i := 0; i+1 < len(cfg.Content); i += 2 {
		k, v := cfg.Content[i], cfg.Content[i+1]
		e, err := entry(k, v, file, project)
		if err != nil {
			return nil, err
		}
		if first, dup := f.Config[e.Key]; dup {
			return nil, fmt.Errorf("%s line %d: %s sets %s again (already set as %s); write each key once, with its %s: prefix",
				file, k.Line, redact.Show(k.Value), e.Key, redact.Show(first.Written), project)
		}
		f.Config[e.Key] = e
	}
	return f, nil
}

// FullKey is the key a config key is known by: "logLevel" in project bidopsai is "bidopsai:logLevel".
func FullKey(key, project string) string {
	if strings.Contains(key, ":") {
		return key
	}
	return project + ":" + key
}

func entry(k, v *yaml.Node, file, project string) (*Entry, error) {
	e := &Entry{Key: FullKey(k.Value, project), Written: k.Value, Node: v}
	if ct, ok := secure(v); ok {
		e.Secure = ct
		return e, nil
	}
	val, err := toJSON(v, e.Key, file, true)
	if err != nil {
		return nil, err
	}
	if s, ok := val.(string); ok && deref(v).Kind == yaml.ScalarNode {
		e.Value = s
		return e, nil
	}
	b, err := json.Marshal(val)
	if err != nil {
		return nil, fmt.Errorf("%s: config %s: %w", file, e.Key, err)
	}
	e.Value = string(b)
	return e, nil
}

// secure reports whether v is a `secure: <ciphertext>` value.
func secure(v *yaml.Node) (string, bool) {
	v = deref(v)
	if v.Kind == yaml.MappingNode && len(v.Content) == 2 && v.Content[0].Value == "secure" {
		return v.Content[1].Value, true
	}
	return "", false
}

func deref(n *yaml.Node) *yaml.Node {
	for n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	return n
}

// toJSON turns a checked node into the value the program receives. A top-level scalar stays
// text exactly as written ("030" stays "030"); nested numbers and booleans become JSON ones
// only when the text is exactly a JSON literal, so "True" reaches config validation as text.
// null is refused everywhere: it would silently take the key's default.
func toJSON(n *yaml.Node, key, file string, top bool) (any, error) {
	n = deref(n)
	switch n.Kind {
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return nil, fmt.Errorf("%s line %d: config %s is null; remove the key to take its default, or give a value",
				file, n.Line, key)
		}
		if top {
			return n.Value, nil
		}
		if (n.Tag == "!!int" || n.Tag == "!!float" || n.Tag == "!!bool") && json.Valid([]byte(n.Value)) {
			return json.RawMessage(n.Value), nil
		}
		return n.Value, nil
	case yaml.SequenceNode:
		out := make([]any, 0, len(n.Content))
		for i, c := range n.Content {
			v, err := toJSON(c, fmt.Sprintf("%s[%d]", key, i), file, false)
			if err != nil {
				return nil, err
			}
			out = append(out, v)
		}
		return out, nil
	case yaml.MappingNode:
		if _, ok := secure(n); ok && !top {
			return nil, fmt.Errorf("%s line %d: config %s: a secret inside an object is not supported; set the whole key with `pulumi config set --secret`",
				file, n.Line, key)
		}
		out := map[string]any{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			field := n.Content[i].Value
			v, err := toJSON(n.Content[i+1], key+"."+field, file, false)
			if err != nil {
				return nil, err
			}
			out[field] = v
		}
		return out, nil
	case yaml.DocumentNode, yaml.AliasNode: // deref resolved aliases; a document is never a value
	}
	return nil, fmt.Errorf("%s line %d: config %s: unsupported YAML node", file, n.Line, key)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// Keys returns the file's config keys, sorted.
func (f *File) Keys() []string {
	out := make([]string, 0, len(f.Config))
	for k := range f.Config {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
