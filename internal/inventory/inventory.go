// Package inventory is the schema of the offline plan file: the resources a `pulumi up` would
// create, the stack outputs, and what the policy rules and the cost estimate say about them.
package inventory

import (
	"encoding/json"
	"sort"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
)

// Secret and Unknown stand in for values the plan must not or cannot show.
const (
	Secret  = "[secret]"
	Unknown = "[unknown]"
)

// Inventory is the plan file's content. Later fields are added, never changed.
type Inventory struct {
	Project    string         `json:"project"`
	Stack      string         `json:"stack"`
	Resources  []Resource     `json:"resources"`
	Outputs    map[string]any `json:"outputs"`
	Violations []Violation    `json:"violations"`
	Cost       *Cost          `json:"cost,omitempty"`
}

// Violation is one policy rule that a resource breaks (or cannot be checked on, when unknown).
type Violation struct {
	Rule    string `json:"rule"`
	URN     string `json:"urn"`
	Level   string `json:"level"`
	Message string `json:"message"`
}

// Resource is one planned resource.
type Resource struct {
	URN                 string            `json:"urn"`
	Type                string            `json:"type"`
	Name                string            `json:"name"`
	Custom              bool              `json:"custom"`
	Parent              string            `json:"parent"`
	Dependencies        []string          `json:"dependencies"`
	Protect             bool              `json:"protect"`
	RetainOnDelete      bool              `json:"retainOnDelete"`
	DeleteBeforeReplace bool              `json:"deleteBeforeReplace"`
	IgnoreChanges       []string          `json:"ignoreChanges"`
	CustomTimeouts      map[string]string `json:"customTimeouts,omitempty"`
	Inputs              map[string]any    `json:"inputs"`
}

// Props renders a property map as plain JSON values, hiding secrets and marking unknowns.
func Props(pm resource.PropertyMap) map[string]any {
	out := make(map[string]any, len(pm))
	for k, v := range pm {
		if k == "__defaults" {
			continue
		}
		out[string(k)] = Value(v)
	}
	return out
}

// Value renders one property value.
func Value(v resource.PropertyValue) any {
	switch {
	case v.IsSecret():
		return Secret
	case v.IsComputed():
		return Unknown
	case v.IsOutput():
		o := v.OutputValue()
		if o.Secret {
			return Secret
		}
		if !o.Known {
			return Unknown
		}
		return Value(o.Element)
	case v.IsNull():
		return nil
	case v.IsBool():
		return v.BoolValue()
	case v.IsNumber():
		return v.NumberValue()
	case v.IsString():
		return v.StringValue()
	case v.IsArray():
		arr := v.ArrayValue()
		out := make([]any, len(arr))
		for i, e := range arr {
			out[i] = Value(e)
		}
		return out
	case v.IsObject():
		return Props(v.ObjectValue())
	case v.IsResourceReference():
		return string(v.ResourceReferenceValue().URN)
	case v.IsAsset():
		return v.AssetValue().Path
	case v.IsArchive():
		return v.ArchiveValue().Path
	}
	return Unknown
}

// JSON renders the inventory with stable ordering and indentation.
func (inv *Inventory) JSON() ([]byte, error) {
	if inv.Violations == nil {
		inv.Violations = []Violation{}
	}
	for i := range inv.Resources {
		r := &inv.Resources[i]
		if r.Dependencies == nil {
			r.Dependencies = []string{}
		}
		if r.IgnoreChanges == nil {
			r.IgnoreChanges = []string{}
		}
	}
	sort.Slice(inv.Resources, func(i, j int) bool { return inv.Resources[i].URN < inv.Resources[j].URN })
	b, err := json.MarshalIndent(inv, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}
