// Package policydoc builds IAM-style policy documents (identity, trust, bucket, repository and key
// policies) as JSON from Go values, and parses them back for tests and policy checks.
package policydoc

import (
	"encoding/json"
	"fmt"
	"sort"
)

// Version is the only policy language version AWS documents today.
const Version = "2012-10-17"

// AllPrincipals is the "*" principal, used only in Deny statements (for example TLS-only rules).
const AllPrincipals = "*"

// Document is a policy document.
type Document struct {
	Version   string      `json:"Version"`
	Statement []Statement `json:"Statement"`
}

// Statement is one policy statement. Principal is either AllPrincipals or a map such as
// {"Service": ["logs.amazonaws.com"]}. Condition maps operator -> key -> value(s).
type Statement struct {
	Sid       string                    `json:"Sid,omitempty"`
	Effect    string                    `json:"Effect"`
	Principal any                       `json:"Principal,omitempty"`
	Action    []string                  `json:"Action"`
	Resource  []string                  `json:"Resource,omitempty"`
	Condition map[string]map[string]any `json:"Condition,omitempty"`
}

// New returns a document holding the given statements.
func New(statements ...Statement) Document {
	return Document{Version: Version, Statement: statements}
}

// Allow is a statement that allows actions on resources.
func Allow(sid string, actions, resources []string) Statement {
	return Statement{Sid: sid, Effect: "Allow", Action: actions, Resource: resources}
}

// Deny is a statement that denies actions on resources.
func Deny(sid string, actions, resources []string) Statement {
	return Statement{Sid: sid, Effect: "Deny", Action: actions, Resource: resources}
}

// Service is a principal naming AWS services.
func Service(services ...string) map[string][]string {
	return map[string][]string{"Service": services}
}

// AWS is a principal naming AWS accounts or role ARNs.
func AWS(arns ...string) map[string][]string {
	return map[string][]string{"AWS": arns}
}

// With returns s with a condition added (operator, key, value).
func (s Statement) With(operator, key string, value any) Statement {
	cond := make(map[string]map[string]any, len(s.Condition)+1)
	for op, kv := range s.Condition {
		inner := make(map[string]any, len(kv))
		for k, v := range kv {
			inner[k] = v
		}
		cond[op] = inner
	}
	if cond[operator] == nil {
		cond[operator] = map[string]any{}
	}
	cond[operator][key] = value
	s.Condition = cond
	return s
}

// For returns s with a principal set.
func (s Statement) For(principal any) Statement {
	s.Principal = principal
	return s
}

// JSON renders the document. encoding/json sorts map keys, so the output is stable across runs.
func (d Document) JSON() (string, error) {
	b, err := json.Marshal(d)
	if err != nil {
		return "", fmt.Errorf("render policy document: %w", err)
	}
	return string(b), nil
}

// Parse reads a document back. Action and Resource may be a string or a list, as AWS allows.
func Parse(text string) (Document, error) {
	var raw struct {
		Version   string `json:"Version"`
		Statement []struct {
			Sid       string                    `json:"Sid"`
			Effect    string                    `json:"Effect"`
			Principal any                       `json:"Principal"`
			Action    stringList                `json:"Action"`
			Resource  stringList                `json:"Resource"`
			Condition map[string]map[string]any `json:"Condition"`
		} `json:"Statement"`
	}
	if err := json.Unmarshal([]byte(text), &raw); err != nil {
		return Document{}, fmt.Errorf("parse policy document: %w", err)
	}
	doc := Document{Version: raw.Version}
	for _, s := range raw.Statement {
		doc.Statement = append(doc.Statement, Statement{
			Sid: s.Sid, Effect: s.Effect, Principal: s.Principal,
			Action: s.Action, Resource: s.Resource, Condition: s.Condition,
		})
	}
	return doc, nil
}

// Actions lists every action the document allows, sorted and without duplicates.
func (d Document) Actions() []string {
	seen := map[string]bool{}
	for _, s := range d.Statement {
		if s.Effect != "Allow" {
			continue
		}
		for _, a := range s.Action {
			seen[a] = true
		}
	}
	out := make([]string, 0, len(seen))
	for a := range seen {
		out = append(out, a)
	}
	sort.Strings(out)
	return out
}

type stringList []string

func (l *stringList) UnmarshalJSON(b []byte) error {
	var one string
	if err := json.Unmarshal(b, &one); err == nil {
		*l = []string{one}
		return nil
	}
	var many []string
	if err := json.Unmarshal(b, &many); err != nil {
		return fmt.Errorf("expected a string or a list of strings: %w", err)
	}
	*l = many
	return nil
}
