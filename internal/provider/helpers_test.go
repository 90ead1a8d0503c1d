package provider_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/blang/semver"
	p "github.com/pulumi/pulumi-go-provider"
	"github.com/pulumi/pulumi-go-provider/integration"
	presource "github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/common/tokens"
	"github.com/pulumi/pulumi/sdk/v3/go/property"

	"github.com/bidopsai/bidopsai-infra/internal/fakeaws"
	"github.com/bidopsai/bidopsai-infra/internal/provider"
)

const (
	runtimeType = "bidopsai:index:AgentRuntime"
	projectType = "bidopsai:index:DataAutomationProject"
	image       = "123456789012.dkr.ecr.us-east-1.amazonaws.com/bidopsai/workflow@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
	role        = "arn:aws:iam::123456789012:role/bidopsai-dev-workflow"
)

var epoch = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

// env is one provider served in process, talking to its own fake on a manual clock.
type env struct {
	t        *testing.T
	fake     *fakeaws.Server
	clock    *fakeaws.ManualClock
	srv      integration.Server
	mu       sync.Mutex
	progress []string
}

func newEnv(t *testing.T, opts ...func(*provider.Options)) *env {
	t.Helper()
	e := &env{t: t, clock: fakeaws.NewManualClock(epoch)}
	e.fake = fakeaws.New(fakeaws.Options{Clock: e.clock})
	t.Cleanup(e.fake.Close)
	o := provider.Options{
		Clock:     e.clock,
		AWSConfig: func(context.Context, string) (aws.Config, error) { return e.fake.AWSConfig(), nil },
		Progress: func(_ context.Context, msg string) {
			e.mu.Lock()
			defer e.mu.Unlock()
			e.progress = append(e.progress, msg)
		},
	}
	for _, f := range opts {
		f(&o)
	}
	prov, err := provider.New(o)
	if err != nil {
		t.Fatal(err)
	}
	e.srv, err = integration.NewServer(t.Context(), provider.Name, semver.MustParse(provider.Version), integration.WithProvider(prov))
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func urn(typ, name string) presource.URN {
	return presource.NewURN("dev", "bidopsai", "", tokens.Type(typ), name)
}

func str(s string) property.Value { return property.New(s) }

func strs(v ...string) property.Value {
	arr := make([]property.Value, len(v))
	for i, s := range v {
		arr[i] = property.New(s)
	}
	return property.New(property.NewArray(arr))
}

func obj(kv map[string]property.Value) property.Value { return property.New(property.NewMap(kv)) }

// runtimeInputs are valid inputs for a runtime; edit changes them per test.
func runtimeInputs(name string, edit ...func(map[string]property.Value)) property.Map {
	m := map[string]property.Value{
		"agentRuntimeName": str(name),
		"containerUri":     str(image),
		"roleArn":          str(role),
		"environmentVariables": obj(map[string]property.Value{
			"ENVIRONMENT": str("dev"), "LOG_LEVEL": str("INFO"),
		}),
		"tags": obj(map[string]property.Value{"component": str("agentcore")}),
	}
	for _, f := range edit {
		f(m)
	}
	return property.NewMap(m)
}

func projectInputs(name string, edit ...func(map[string]property.Value)) property.Map {
	m := map[string]property.Value{
		"projectName":  str(name),
		"projectStage": str("DEVELOPMENT"),
		"tags":         obj(map[string]property.Value{"component": str("dataautomation")}),
	}
	for _, f := range edit {
		f(m)
	}
	return property.NewMap(m)
}

// check runs Check and fails the test on failures.
func (e *env) check(typ, name string, olds, news property.Map) property.Map {
	e.t.Helper()
	resp, err := e.srv.Check(p.CheckRequest{Urn: urn(typ, name), State: olds, Inputs: news})
	if err != nil || len(resp.Failures) > 0 {
		e.t.Fatalf("Check(%s): err %v, failures %+v", name, err, resp.Failures)
	}
	return resp.Inputs
}

// create checks and creates a resource and fails the test on any error.
func (e *env) create(typ, name string, inputs property.Map) (string, property.Map) {
	e.t.Helper()
	resp, err := e.srv.Create(p.CreateRequest{Urn: urn(typ, name), Properties: e.check(typ, name, property.Map{}, inputs)})
	if err != nil {
		e.t.Fatalf("Create(%s): %v", name, err)
	}
	return resp.ID, resp.Properties
}

func (e *env) diff(typ, name, id string, state, inputs property.Map) p.DiffResponse {
	e.t.Helper()
	resp, err := e.srv.Diff(p.DiffRequest{ID: id, Urn: urn(typ, name), State: state,
		Inputs: e.check(typ, name, state, inputs)})
	if err != nil {
		e.t.Fatalf("Diff(%s): %v", name, err)
	}
	return resp
}

func (e *env) update(typ, name, id string, state, inputs property.Map) (property.Map, error) {
	e.t.Helper()
	resp, err := e.srv.Update(p.UpdateRequest{ID: id, Urn: urn(typ, name), State: state,
		Inputs: e.check(typ, name, state, inputs)})
	return resp.Properties, err
}

func (e *env) read(typ, name, id string, state property.Map) p.ReadResponse {
	e.t.Helper()
	resp, err := e.srv.Read(p.ReadRequest{ID: id, Urn: urn(typ, name), Properties: state})
	if err != nil {
		e.t.Fatalf("Read(%s): %v", name, err)
	}
	return resp
}

func (e *env) delete(typ, name, id string, state property.Map) error {
	return e.srv.Delete(p.DeleteRequest{ID: id, Urn: urn(typ, name), Properties: state})
}

func get(m property.Map, key string) string {
	v := m.Get(key)
	if !v.IsString() {
		return ""
	}
	return v.AsString()
}

func (e *env) progressLog() []string {
	e.mu.Lock()
	defer e.mu.Unlock()
	return append([]string(nil), e.progress...)
}
