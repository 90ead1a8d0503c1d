package release

import (
	"bytes"
	"fmt"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/bidopsai/bidopsai-infra/internal/stackfile"
)

// agentsKey is the stack config key holding one object per agent.
const agentsKey = "bidopsai:agents"

// stackConfig parses a stack file through the project's one stack-file parser (duplicate keys,
// a key with and without its prefix, alias bombs and nulls are refused there).
func stackConfig(src []byte, file string) (*stackfile.File, error) {
	return stackfile.Parse(src, file, stackfile.Namespace)
}

// versionNode finds bidopsai:agents.<agent>.version and checks it is a SemVer scalar that can be
// edited alone: no alias or anchor on the way, since an edit there would change other keys too.
func versionNode(f *stackfile.File, a Agent, file string) (*yaml.Node, Version, error) {
	key := agentsKey + "." + a.ID + ".version"
	var agents *yaml.Node
	if e := f.Config[agentsKey]; e != nil {
		agents = e.Node
	}
	path := []*yaml.Node{agents}
	path = append(path, lookup(agents, a.ID))
	path = append(path, lookup(path[1], "version"))
	for _, n := range path {
		if n != nil && (n.Kind == yaml.AliasNode || n.Anchor != "") {
			return nil, Version{}, fmt.Errorf("%s line %d: %s is reached through a YAML anchor or alias; "+
				"bump cannot edit it without changing other keys, so write the agent's settings out", file, n.Line, key)
		}
	}
	n := path[2]
	if n == nil {
		return nil, Version{}, fmt.Errorf("%s: %s not found; set the agent's version in the stack file to release it", file, key)
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
