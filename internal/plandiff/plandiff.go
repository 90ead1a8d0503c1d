// Package plandiff compares two offline plans (internal/inventory files) the way `pulumi preview
// --diff` compares state with a program: what would be created, deleted, replaced (a property
// that fixes the resource's identity changes: mock.ReplaceOnChange) or updated in place, property
// by property. It needs no state and no credentials, so it works on any pull request.
package plandiff

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"slices"
	"sort"
	"strings"

	"github.com/bidopsai/bidopsai-infra/internal/inventory"
	"github.com/bidopsai/bidopsai-infra/internal/mock"
)

// Action is what applying the new plan does to one resource.
type Action string

// The actions, in the order a report lists them.
const (
	Create  Action = "create"
	Replace Action = "replace"
	Update  Action = "update"
	Delete  Action = "delete"
)

var actionOrder = map[Action]int{Create: 0, Replace: 1, Update: 2, Delete: 3}

// Change is one resource that differs between the plans.
type Change struct {
	Action Action
	URN    string // the new plan's URN (the old one's for a delete)
	Type   string
	Name   string
	Props  []Prop // changed inputs and options, for an update or a replace
}

// Prop is one changed property at a path such as `tags.owner` or `policy.Statement[0].Action`.
// Old or New is Absent when the property exists on one side only.
type Prop struct {
	Path     string
	Old, New any
	Replaces bool // this change alone replaces the resource
}

// Absent marks a property that one side does not have.
var Absent = absent{}

type absent struct{}

// Diff is the comparison of two plans.
type Diff struct {
	Project, OldStack, NewStack string
	Changes                     []Change
	Outputs                     []Prop
	OldCost, NewCost            *float64 // monthly totals, when both plans carry an estimate
}

// Counts returns how many resources each action touches.
func (d *Diff) Counts() map[Action]int {
	n := map[Action]int{}
	for _, c := range d.Changes {
		n[c.Action]++
	}
	return n
}

// Empty reports whether applying the new plan would change nothing.
func (d *Diff) Empty() bool { return len(d.Changes) == 0 && len(d.Outputs) == 0 }

// Load reads a plan file, refusing anything that is not one.
func Load(path string) (*inventory.Inventory, error) {
	b, err := os.ReadFile(path) //nolint:gosec // G304: the user names the plan files to compare
	if err != nil {
		return nil, err
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(b, &raw); err != nil {
		return nil, fmt.Errorf("%s is not a plan file (JSON object expected): %w", path, err)
	}
	for _, k := range []string{"project", "stack", "resources"} {
		if _, ok := raw[k]; !ok {
			return nil, fmt.Errorf("%s is not a plan file: it has no %q field (write one with `bidopsai plan`)", path, k)
		}
	}
	var inv inventory.Inventory
	if err := json.Unmarshal(b, &inv); err != nil {
		return nil, fmt.Errorf("%s is not a plan file: %w", path, err)
	}
	for i, r := range inv.Resources {
		if r.URN == "" || r.Type == "" {
			return nil, fmt.Errorf("%s: resource %d has no urn or type", path, i)
		}
	}
	return &inv, nil
}

// Compare lists what changes from the old plan to the new one. Resources are matched by URN,
// leaving out its stack part, which a plan of the same program under another name changes.
func Compare(old, nu *inventory.Inventory) (*Diff, error) {
	if old.Project != nu.Project {
		return nil, fmt.Errorf("the plans are of different projects (%q and %q)", old.Project, nu.Project)
	}
	d := &Diff{Project: nu.Project, OldStack: old.Stack, NewStack: nu.Stack}
	olds, err := byKey(old.Resources)
	if err != nil {
		return nil, fmt.Errorf("old plan: %w", err)
	}
	news, err := byKey(nu.Resources)
	if err != nil {
		return nil, fmt.Errorf("new plan: %w", err)
	}
	for k, n := range news {
		o, ok := olds[k]
		if !ok {
			d.Changes = append(d.Changes, Change{Action: Create, URN: n.URN, Type: n.Type, Name: n.Name})
			continue
		}
		if props := resourceProps(o, n); len(props) > 0 {
			action := Update
			for _, p := range props {
				if p.Replaces {
					action = Replace
				}
			}
			d.Changes = append(d.Changes, Change{Action: action, URN: n.URN, Type: n.Type, Name: n.Name, Props: props})
		}
	}
	for k, o := range olds {
		if _, ok := news[k]; !ok {
			d.Changes = append(d.Changes, Change{Action: Delete, URN: o.URN, Type: o.Type, Name: o.Name})
		}
	}
	sort.Slice(d.Changes, func(i, j int) bool {
		a, b := d.Changes[i], d.Changes[j]
		if a.Action != b.Action {
			return actionOrder[a.Action] < actionOrder[b.Action]
		}
		return a.URN < b.URN
	})
	d.Outputs = outputProps(old.Outputs, nu.Outputs)
	if old.Cost != nil && nu.Cost != nil {
		d.OldCost, d.NewCost = &old.Cost.Total, &nu.Cost.Total
	}
	return d, nil
}

// key is a URN without its stack: urn:pulumi:<stack>::<project>::<type>::<name>.
func key(urn string) string {
	if _, rest, ok := strings.Cut(urn, "::"); ok {
		return rest
	}
	return urn
}

func byKey(rs []inventory.Resource) (map[string]inventory.Resource, error) {
	out := make(map[string]inventory.Resource, len(rs))
	for _, r := range rs {
		k := key(r.URN)
		if _, dup := out[k]; dup {
			return nil, errors.New("two resources have the URN " + r.URN)
		}
		out[k] = r
	}
	return out, nil
}

// resourceProps compares inputs and the resource options a preview would also report.
func resourceProps(o, n inventory.Resource) []Prop {
	var props []Prop
	walk("", o.Inputs, n.Inputs, func(path string, ov, nv any) {
		top := path
		if i := strings.IndexAny(top, ".["); i >= 0 {
			top = top[:i]
		}
		props = append(props, Prop{Path: path, Old: ov, New: nv, Replaces: replaces(n.Type, top)})
	})
	for _, opt := range []struct {
		name     string
		old, new bool
	}{
		{"(protect)", o.Protect, n.Protect},
		{"(retainOnDelete)", o.RetainOnDelete, n.RetainOnDelete},
		{"(deleteBeforeReplace)", o.DeleteBeforeReplace, n.DeleteBeforeReplace},
	} {
		if opt.old != opt.new {
			props = append(props, Prop{Path: opt.name, Old: opt.old, New: opt.new})
		}
	}
	return props
}

func outputProps(o, n map[string]any) []Prop {
	var props []Prop
	for _, k := range sortedKeys(o, n) {
		ov, ok := o[k]
		if !ok {
			ov = Absent
		}
		nv, ok := n[k]
		if !ok {
			nv = Absent
		}
		if !equal(ov, nv) {
			props = append(props, Prop{Path: k, Old: ov, New: nv})
		}
	}
	return props
}

// providerReplaces are the bidopsai provider's name fields, whose change its Diff turns into a
// replacement (internal/provider runtime_diff.go and project_diff.go, the fields marked true).
// Every other type's list is mock.ReplaceOnChange, shared with the e2e stand-in.
var providerReplaces = map[string][]string{
	"bidopsai:index:AgentRuntime":          {"agentRuntimeName"},
	"bidopsai:index:DataAutomationProject": {"projectName"},
}

// replaces reports whether a change to input prop replaces a resource of type typ.
func replaces(typ, prop string) bool {
	return slices.Contains(mock.ReplaceOnChange(typ), prop) || slices.Contains(providerReplaces[typ], prop)
}
