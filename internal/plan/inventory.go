// Package plan evaluates the whole program with Pulumi mocks (no AWS, no CLI) and writes the
// resource inventory a `pulumi up` of the stack would create: what `cdk synth` gives CDK users.
package plan

import (
	"encoding/json"
	"sort"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"

	"github.com/bidopsai/bidopsai-infra/internal/mock"
)

// Secret and Unknown stand in for values the plan must not or cannot show.
const (
	Secret  = "[secret]"
	Unknown = "[unknown]"
)

// Inventory is the plan file's content. Later fields are added, never changed.
type Inventory struct {
	Project   string         `json:"project"`
	Stack     string         `json:"stack"`
	Resources []Resource     `json:"resources"`
	Outputs   map[string]any `json:"outputs"`
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

// FromMonitor turns recorded registrations into plan resources, sorted by URN.
func FromMonitor(m *mock.Monitor) []Resource {
	recs := m.Resources()
	out := make([]Resource, 0, len(recs))
	for _, r := range recs {
		parent := r.Parent
		if resource.URN(parent).QualifiedType() == resource.RootStackType {
			parent = ""
		}
		var timeouts map[string]string
		if len(r.CustomTimeouts) > 0 {
			timeouts = r.CustomTimeouts
		}
		out = append(out, Resource{
			URN: r.URN, Type: r.Type, Name: r.Name, Custom: r.Custom, Parent: parent,
			Dependencies: r.Dependencies, Protect: r.Protect, RetainOnDelete: r.RetainOnDelete,
			DeleteBeforeReplace: r.DeleteBeforeReplace, IgnoreChanges: r.IgnoreChanges,
			CustomTimeouts: timeouts, Inputs: Props(r.Inputs),
		})
	}
	return out
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
