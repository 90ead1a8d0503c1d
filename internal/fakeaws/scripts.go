package fakeaws

import (
	"fmt"
	"time"
)

// Kind names a resource type of the fake.
type Kind string

// The resource kinds the fake serves.
const (
	KindRuntime Kind = "AgentRuntime"
	KindProject Kind = "DataAutomationProject"
)

// Phase names a long-running operation.
type Phase string

// The phases a script can shape.
const (
	PhaseCreate Phase = "create"
	PhaseUpdate Phase = "update"
	PhaseDelete Phase = "delete"
)

// Script says when a long-running operation ends and how. The operation ends at the first
// read (Get) that finds either AfterGets reads done or After elapsed on the fake's clock; a
// zero Script ends at the first Get. A non-empty FailReason ends it in the failed state.
type Script struct {
	AfterGets  int           `json:"afterGets,omitempty"`
	After      time.Duration `json:"after,omitempty"`
	FailReason string        `json:"failReason,omitempty"`
}

// defaultScripts finish creates and updates on the second Get and deletes on the first.
func defaultScripts() map[scriptKey]Script {
	return map[scriptKey]Script{
		{KindRuntime, PhaseCreate}: {AfterGets: 2},
		{KindRuntime, PhaseUpdate}: {AfterGets: 2},
		{KindRuntime, PhaseDelete}: {AfterGets: 1},
		{KindProject, PhaseCreate}: {AfterGets: 2},
		{KindProject, PhaseUpdate}: {AfterGets: 2},
		{KindProject, PhaseDelete}: {AfterGets: 1},
	}
}

type scriptKey struct {
	kind  Kind
	phase Phase
}

// SetScript shapes every later operation of that kind and phase (running ones keep theirs).
func (s *Server) SetScript(kind Kind, phase Phase, sc Script) error {
	if _, ok := defaultScripts()[scriptKey{kind, phase}]; !ok {
		return fmt.Errorf("fakeaws: unknown kind %q or phase %q", kind, phase)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.scripts[scriptKey{kind, phase}] = sc
	return nil
}

// pending is a running long operation on one resource.
type pending struct {
	phase   Phase
	script  Script
	started time.Time
	gets    int
}

// start begins a phase for kind; callers hold s.mu.
func (s *Server) start(kind Kind, phase Phase) *pending {
	return &pending{phase: phase, script: s.scripts[scriptKey{kind, phase}], started: s.clock.Now()}
}

// due counts one Get when get is true and reports whether the operation has ended.
func (p *pending) due(now time.Time, get bool) bool {
	if get {
		p.gets++
	}
	sc := p.script
	if sc.AfterGets == 0 && sc.After == 0 {
		return p.gets > 0
	}
	return (sc.AfterGets > 0 && p.gets >= sc.AfterGets) || (sc.After > 0 && !now.Before(p.started.Add(sc.After)))
}
