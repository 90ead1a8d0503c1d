// Package plan evaluates the whole program with Pulumi mocks (no AWS, no CLI) and writes the
// resource inventory a `pulumi up` of the stack would create: what `cdk synth` gives CDK users.
package plan

import (
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"

	"github.com/bidopsai/bidopsai-infra/internal/inventory"
	"github.com/bidopsai/bidopsai-infra/internal/mock"
)

// FromMonitor turns recorded registrations into plan resources, sorted by URN.
func FromMonitor(m *mock.Monitor) []inventory.Resource {
	recs := m.Resources()
	out := make([]inventory.Resource, 0, len(recs))
	for _, r := range recs {
		parent := r.Parent
		if resource.URN(parent).QualifiedType() == resource.RootStackType {
			parent = ""
		}
		var timeouts map[string]string
		if len(r.CustomTimeouts) > 0 {
			timeouts = r.CustomTimeouts
		}
		out = append(out, inventory.Resource{
			URN: r.URN, Type: r.Type, Name: r.Name, Custom: r.Custom, Parent: parent,
			Dependencies: r.Dependencies, Protect: r.Protect, RetainOnDelete: r.RetainOnDelete,
			DeleteBeforeReplace: r.DeleteBeforeReplace, IgnoreChanges: r.IgnoreChanges,
			CustomTimeouts: timeouts, Inputs: inventory.Props(r.Inputs),
		})
	}
	return out
}
