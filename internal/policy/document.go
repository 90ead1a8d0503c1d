package policy

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/bidopsai/bidopsai-infra/internal/inventory"
)

// document is an IAM-style policy (identity, trust, bucket, repository or key policy).
type document struct {
	Statements []statement
}

// statement is one policy statement with every field normalised to lists.
type statement struct {
	Sid          string
	Allow        bool
	Principal    principal
	NotPrincipal bool
	Actions      []string
	NotAction    bool
	Resources    []string
	NotResource  bool
	// Condition is operator -> key -> values, as written.
	Condition map[string]map[string][]string
}

// principal is a statement's Principal; Any is "*" or {"AWS": "*"}.
type principal struct {
	Any                     bool
	AWS, Service, Federated []string
}

type rawStatement struct {
	Sid          string                                `json:"Sid"`
	Effect       string                                `json:"Effect"`
	Principal    json.RawMessage                       `json:"Principal"`
	NotPrincipal json.RawMessage                       `json:"NotPrincipal"`
	Action       json.RawMessage                       `json:"Action"`
	NotAction    json.RawMessage                       `json:"NotAction"`
	Resource     json.RawMessage                       `json:"Resource"`
	NotResource  json.RawMessage                       `json:"NotResource"`
	Condition    map[string]map[string]json.RawMessage `json:"Condition"`
}

// readDocument parses the policy at path. ok is false with a finding when the input is unset,
// unknown or not a policy.
func readDocument(r inventory.Resource, path string) (document, Finding, bool) {
	i := in(r, path)
	switch {
	case i.unknown:
		return document{}, unknown(path), false
	case i.secret:
		return document{}, fail("%s is a secret, so the policy cannot be reviewed", path), false
	case !i.found:
		return document{}, fail("%s is unset", path), false
	}
	var raw []byte
	if s, ok := i.value.(string); ok {
		raw = []byte(s)
	} else {
		b, err := json.Marshal(i.value)
		if err != nil {
			return document{}, fail("%s: %v", path, err), false
		}
		raw = b
	}
	d, err := parseDocument(raw)
	if err != nil {
		return document{}, fail("%s is not a valid policy document: %v", path, err), false
	}
	return d, pass(), true
}

func parseDocument(raw []byte) (document, error) {
	var top struct {
		Statement json.RawMessage `json:"Statement"`
	}
	if err := json.Unmarshal(raw, &top); err != nil {
		return document{}, err
	}
	var stmts []rawStatement
	if len(top.Statement) > 0 && top.Statement[0] == '{' {
		var one rawStatement
		if err := json.Unmarshal(top.Statement, &one); err != nil {
			return document{}, fmt.Errorf("the statement list: %w", err)
		}
		stmts = []rawStatement{one}
	} else if len(top.Statement) > 0 {
		if err := json.Unmarshal(top.Statement, &stmts); err != nil {
			return document{}, fmt.Errorf("the statement list: %w", err)
		}
	}
	var d document
	for _, rs := range stmts {
		s := statement{Sid: rs.Sid, Allow: strings.EqualFold(rs.Effect, "Allow"),
			NotPrincipal: len(rs.NotPrincipal) > 0, NotAction: len(rs.NotAction) > 0,
			NotResource: len(rs.NotResource) > 0, Condition: map[string]map[string][]string{}}
		s.Actions = append(texts(rs.Action), texts(rs.NotAction)...)
		s.Resources = append(texts(rs.Resource), texts(rs.NotResource)...)
		s.Principal = parsePrincipal(rs.Principal)
		for op, keys := range rs.Condition {
			s.Condition[op] = map[string][]string{}
			for k, v := range keys {
				s.Condition[op][k] = texts(v)
			}
		}
		d.Statements = append(d.Statements, s)
	}
	return d, nil
}

// texts reads a JSON string, number, bool or list of them as strings.
func texts(raw json.RawMessage) []string {
	if len(raw) == 0 {
		return nil
	}
	var list []any
	if err := json.Unmarshal(raw, &list); err != nil {
		var one any
		if json.Unmarshal(raw, &one) != nil {
			return nil
		}
		list = []any{one}
	}
	out := make([]string, 0, len(list))
	for _, v := range list {
		out = append(out, fmt.Sprint(v))
	}
	return out
}

func parsePrincipal(raw json.RawMessage) principal {
	var p principal
	var star string
	if json.Unmarshal(raw, &star) == nil {
		p.Any = star == "*"
		return p
	}
	var m map[string]json.RawMessage
	if json.Unmarshal(raw, &m) != nil {
		return p
	}
	p.AWS, p.Service, p.Federated = texts(m["AWS"]), texts(m["Service"]), texts(m["Federated"])
	for _, a := range p.AWS {
		p.Any = p.Any || a == "*"
	}
	return p
}

// cond returns the values of a condition key under any operator whose name starts with one of
// ops (case-insensitive key, as IAM treats keys).
func (s statement) cond(key string, ops ...string) ([]string, bool) {
	for op, keys := range s.Condition {
		if !hasPrefixFold(op, ops...) {
			continue
		}
		for k, v := range keys {
			if strings.EqualFold(k, key) {
				return v, true
			}
		}
	}
	return nil, false
}

func hasPrefixFold(s string, prefixes ...string) bool {
	for _, p := range prefixes {
		if len(s) >= len(p) && strings.EqualFold(s[:len(p)], p) {
			return true
		}
	}
	return len(prefixes) == 0
}

// allows reports whether the statement's action patterns grant action (case-insensitive glob).
func (s statement) allows(action string) bool {
	if !s.Allow || s.NotAction {
		return false
	}
	for _, a := range s.Actions {
		if glob(strings.ToLower(a), strings.ToLower(action)) {
			return true
		}
	}
	return false
}

// starResource is true when the statement applies to every resource.
func (s statement) starResource() bool {
	for _, r := range s.Resources {
		if r == "*" {
			return true
		}
	}
	return false
}

// glob matches IAM wildcards: * any run, ? one character.
func glob(pattern, s string) bool {
	for len(pattern) > 0 {
		switch pattern[0] {
		case '*':
			for i := len(s); i >= 0; i-- {
				if glob(pattern[1:], s[i:]) {
					return true
				}
			}
			return false
		case '?':
			if s == "" {
				return false
			}
		default:
			if s == "" || s[0] != pattern[0] {
				return false
			}
		}
		pattern, s = pattern[1:], s[1:]
	}
	return s == ""
}
