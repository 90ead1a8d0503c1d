package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
)

// CallsFile is the call log in the stand-in's directory: one JSON object per line.
const CallsFile = "calls.jsonl"

// liveDir holds one file per resource that exists in the stand-in's "cloud".
const liveDir = "live"

// call is one logged request. Inputs are written in plaintext (secrets unwrapped) on purpose:
// the tests read the log to prove which calls ever saw a secret's value.
type call struct {
	Method   string               `json:"method"`
	Token    string               `json:"token,omitempty"`
	URN      string               `json:"urn,omitempty"`
	Type     string               `json:"type,omitempty"`
	ID       string               `json:"id,omitempty"`
	Inputs   resource.PropertyMap `json:"-"`
	Plain    map[string]any       `json:"inputs,omitempty"`
	Changed  []string             `json:"changed,omitempty"`
	Replaced []string             `json:"replaced,omitempty"`
	// At is when the call was logged; Start and End bound a create, update or delete.
	At    time.Time `json:"at"`
	Start time.Time `json:"start,omitzero"`
	End   time.Time `json:"end,omitzero"`
}

// live is one resource the stand-in holds.
type live struct {
	URN   string               `json:"urn"`
	Type  string               `json:"type"`
	ID    string               `json:"id"`
	State resource.PropertyMap `json:"-"`
	Plain map[string]any       `json:"state"`
}

// store is the stand-in's "cloud": a directory shared by every stand-in process of one test.
type store struct {
	dir string
	mu  sync.Mutex
}

func openStore(dir string) (*store, error) {
	//nolint:gosec // G703: the directory the e2e harness made for this test run
	if err := os.MkdirAll(filepath.Join(dir, liveDir), 0o700); err != nil {
		return nil, fmt.Errorf("stand-in directory: %w", err)
	}
	return &store{dir: dir}, nil
}

// log appends one line; a single write of a whole line keeps concurrent processes' lines apart.
func (s *store) log(c call) {
	c.At = time.Now()
	if c.Inputs != nil {
		c.Plain = c.Inputs.MapRepl(nil, plainValue)
	}
	line, err := json.Marshal(c)
	if err != nil {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	f, err := os.OpenFile(filepath.Join(s.dir, CallsFile), os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o600)
	if err != nil {
		return
	}
	_, _ = f.Write(append(line, '\n'))
	_ = f.Close()
}

func (s *store) path(urn string) string {
	sum := sha256.Sum256([]byte(urn))
	return filepath.Join(s.dir, liveDir, hex.EncodeToString(sum[:16])+".json")
}

func (s *store) put(l live) error {
	l.Plain = l.State.MapRepl(nil, plainValue)
	b, err := json.Marshal(l)
	if err != nil {
		return err
	}
	tmp := s.path(l.URN) + ".tmp"
	if err := os.WriteFile(tmp, b, 0o600); err != nil {
		return err
	}
	return os.Rename(tmp, s.path(l.URN))
}

func (s *store) get(urn string) (live, bool, error) {
	b, err := os.ReadFile(s.path(urn))
	if errors.Is(err, fs.ErrNotExist) {
		return live{}, false, nil
	}
	if err != nil {
		return live{}, false, err
	}
	var l live
	if err := json.Unmarshal(b, &l); err != nil {
		return live{}, false, err
	}
	return l, true, nil
}

func (s *store) remove(urn string) error {
	err := os.Remove(s.path(urn))
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return err
}

// plainValue unwraps secrets and writes unknowns as a marker, for the JSON files.
func plainValue(v resource.PropertyValue) (any, bool) {
	switch {
	case v.IsSecret():
		return v.SecretValue().Element.MapRepl(nil, plainValue), true
	case v.IsComputed():
		return "[unknown]", true
	}
	return nil, false
}
