//go:build e2e

package e2e

import (
	"maps"
	"reflect"
	"slices"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/bidopsai/bidopsai-infra/components/access"
	"github.com/bidopsai/bidopsai-infra/components/agentcore"
	"github.com/bidopsai/bidopsai-infra/components/budget"
	"github.com/bidopsai/bidopsai-infra/components/dataautomation"
	"github.com/bidopsai/bidopsai-infra/components/encryption"
	"github.com/bidopsai/bidopsai-infra/components/identity"
	"github.com/bidopsai/bidopsai-infra/components/network"
	"github.com/bidopsai/bidopsai-infra/components/observability"
	"github.com/bidopsai/bidopsai-infra/components/registry"
	"github.com/bidopsai/bidopsai-infra/components/settings"
	"github.com/bidopsai/bidopsai-infra/components/storage"
)

// componentStructs are the components' Go structs by type token.
var componentStructs = map[string]reflect.Type{
	access.TypeToken:         reflect.TypeFor[access.AgentRoles](),
	agentcore.TypeToken:      reflect.TypeFor[agentcore.Runtime](),
	budget.TypeToken:         reflect.TypeFor[budget.Budget](),
	dataautomation.TypeToken: reflect.TypeFor[dataautomation.DocumentParser](),
	encryption.TypeToken:     reflect.TypeFor[encryption.StackKey](),
	identity.TypeToken:       reflect.TypeFor[identity.UserPool](),
	network.TypeToken:        reflect.TypeFor[network.Network](),
	observability.TypeToken:  reflect.TypeFor[observability.Monitoring](),
	registry.TypeToken:       reflect.TypeFor[registry.Repository](),
	settings.TypeToken:       reflect.TypeFor[settings.AgentSettings](),
	storage.TypeToken:        reflect.TypeFor[storage.Buckets](),
}

// componentsRegisterTheirTaggedOutputs: in the state the real engine wrote, each component's
// outputs are exactly its struct's tagged output fields, each with a value.
func componentsRegisterTheirTaggedOutputs(t *testing.T, p *projectEnv) {
	seen := 0
	for _, r := range p.deployment(t).Resources {
		if r.Custom || r.URN.QualifiedType() == resource.RootStackType {
			continue
		}
		typ, ok := componentStructs[string(r.Type)]
		if !ok {
			t.Errorf("component %s: add its struct to componentStructs", r.URN)
			continue
		}
		seen++
		var want []string
		for i := range typ.NumField() {
			f := typ.Field(i)
			if tag := f.Tag.Get("pulumi"); tag != "" && f.Type.Implements(reflect.TypeFor[pulumi.Output]()) {
				want = append(want, tag)
			}
		}
		slices.Sort(want)
		if got := slices.Sorted(maps.Keys(r.Outputs)); !slices.Equal(got, want) {
			t.Errorf("%s has outputs %v in the state, want its tagged output fields %v", r.URN, got, want)
		}
		for k, v := range r.Outputs {
			if v == nil {
				t.Errorf("%s output %s has no value", r.URN, k)
			}
		}
	}
	if seen == 0 {
		t.Fatal("the state holds no component")
	}
}
