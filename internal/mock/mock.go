// Package mock is the Pulumi mock monitor used by the offline plan and every test: it records each
// registration (type, name, parent, options, inputs) and answers with realistic outputs (ARNs, ids,
// URLs, auto-names) for a fixed account and the stack's region, so derived values are concrete.
package mock

import (
	"crypto/sha256"
	"encoding/hex"
	"sort"
	"sync"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/common/tokens"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"google.golang.org/protobuf/types/known/emptypb"
)

// Account is the AWS account every mock ARN is built for.
const Account = "123456789012"

// Resource is one recorded registration.
type Resource struct {
	URN                 string
	ID                  string
	Type                string
	Name                string
	Custom              bool
	Parent              string
	Dependencies        []string
	Protect             bool
	RetainOnDelete      bool
	DeleteBeforeReplace bool
	IgnoreChanges       []string
	CustomTimeouts      map[string]string
	Inputs              resource.PropertyMap
	Outputs             resource.PropertyMap
}

// Call is one recorded invoke.
type Call struct {
	Token string
	Args  resource.PropertyMap
}

// Monitor implements pulumi.MockResourceMonitor and records what the program asked for.
type Monitor struct {
	Project, Stack, Region string

	mu        sync.Mutex
	resources []Resource
	calls     []Call
	outputs   int // RegisterResourceOutputs calls
}

var _ pulumi.MockResourceMonitor = (*Monitor)(nil)

// New returns a monitor for a project, stack and AWS region.
func New(project, stack, region string) *Monitor {
	return &Monitor{Project: project, Stack: stack, Region: region}
}

// NewResource records a registration and returns its id and realistic state.
func (m *Monitor) NewResource(args pulumi.MockResourceArgs) (string, resource.PropertyMap, error) {
	rpc := args.RegisterRPC
	urn := m.urn(rpc.GetParent(), args.TypeToken, args.Name)
	state := args.Inputs.Copy()
	id := ""
	if _, known := rules[args.TypeToken]; args.Custom || known { // a component with a rule is remote: it needs outputs too
		id = outputsFor(env{region: m.Region, urn: urn, name: args.Name, typ: args.TypeToken}, state)
	}
	timeouts := map[string]string{}
	if ct := rpc.GetCustomTimeouts(); ct != nil {
		for k, v := range map[string]string{"create": ct.GetCreate(), "update": ct.GetUpdate(), "delete": ct.GetDelete()} {
			if v != "" {
				timeouts[k] = v
			}
		}
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.resources = append(m.resources, Resource{
		URN: urn, ID: id, Type: args.TypeToken, Name: args.Name, Custom: args.Custom,
		Parent: rpc.GetParent(), Dependencies: sortedCopy(rpc.GetDependencies()),
		Protect: rpc.GetProtect(), RetainOnDelete: rpc.GetRetainOnDelete(),
		DeleteBeforeReplace: rpc.GetDeleteBeforeReplace(), IgnoreChanges: sortedCopy(rpc.GetIgnoreChanges()),
		CustomTimeouts: timeouts, Inputs: args.Inputs, Outputs: state,
	})
	return id, state, nil
}

// Call answers the invokes the program makes.
func (m *Monitor) Call(args pulumi.MockCallArgs) (resource.PropertyMap, error) {
	m.mu.Lock()
	m.calls = append(m.calls, Call{Token: args.Token, Args: args.Args})
	m.mu.Unlock()
	return Invoke(m.Region, args.Token, args.Args), nil
}

// RegisterResourceOutputs counts output registrations: the SDK's mock monitor (v3.252) calls it
// without the resource or its outputs, so a count is all a mock can record.
func (m *Monitor) RegisterResourceOutputs() (*emptypb.Empty, error) {
	m.mu.Lock()
	m.outputs++
	m.mu.Unlock()
	return &emptypb.Empty{}, nil
}

// OutputRegistrations is how many times outputs were registered: once per component that
// registers them, plus once for the stack's root at the end of the run.
func (m *Monitor) OutputRegistrations() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.outputs
}

// Resources returns the recorded registrations sorted by URN.
func (m *Monitor) Resources() []Resource {
	m.mu.Lock()
	out := append([]Resource(nil), m.resources...)
	m.mu.Unlock()
	sort.Slice(out, func(i, j int) bool { return out[i].URN < out[j].URN })
	return out
}

// Calls returns the recorded invokes in the order they were made.
func (m *Monitor) Calls() []Call {
	m.mu.Lock()
	defer m.mu.Unlock()
	return append([]Call(nil), m.calls...)
}

// ByType returns the recorded resources of one type token.
func (m *Monitor) ByType(typ string) []Resource {
	var out []Resource
	for _, r := range m.Resources() {
		if r.Type == typ {
			out = append(out, r)
		}
	}
	return out
}

// urn builds the same URN the SDK's mock monitor gives the resource.
func (m *Monitor) urn(parent, typ, name string) string {
	parentType := tokens.Type("")
	if p := resource.URN(parent); p != "" && p.QualifiedType() != resource.RootStackType {
		parentType = p.QualifiedType()
	}
	return string(resource.NewURN(tokens.QName(m.Stack), tokens.PackageName(m.Project), parentType,
		tokens.Type(typ), name))
}

// suffix is a stable stand-in for the random part of a Pulumi auto-name.
func suffix(seed string, n int) string {
	sum := sha256.Sum256([]byte(seed))
	return hex.EncodeToString(sum[:])[:n]
}

func sortedCopy(in []string) []string {
	out := append([]string{}, in...)
	sort.Strings(out)
	return out
}
