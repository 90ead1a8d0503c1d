//go:build e2e

package e2e

import (
	"encoding/json"
	"fmt"
	"strconv"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/common/apitype"

	"github.com/bidopsai/bidopsai-infra/internal/fakeaws"
	"github.com/bidopsai/bidopsai-infra/internal/provider"
)

const (
	runtimeType = provider.AgentRuntimeType
	projectType = provider.DataAutomationProjectType
)

// deployment exports the stack's state as the engine last wrote it.
func (e *env) deployment(t *testing.T) apitype.DeploymentV3 {
	t.Helper()
	raw, err := e.stack.Export(t.Context())
	if err != nil {
		t.Fatalf("exporting the stack: %v", err)
	}
	var d apitype.DeploymentV3
	if err := json.Unmarshal(raw.Deployment, &d); err != nil {
		t.Fatalf("decoding the exported stack (version %d): %v", raw.Version, err)
	}
	return d
}

// resourceNamed is the state's resource of type typ and logical name name, or nil.
func resourceNamed(d apitype.DeploymentV3, typ, name string) *apitype.ResourceV3 {
	for i, r := range d.Resources {
		if string(r.Type) == typ && r.URN.Name() == name {
			return &d.Resources[i]
		}
	}
	return nil
}

// stateOutput reads one output of a state resource as a string ("" when absent).
func stateOutput(r *apitype.ResourceV3, key string) string {
	if r == nil {
		return ""
	}
	s, _ := r.Outputs[key].(string)
	return s
}

// outputs are the stack outputs, all of which the program exports as strings.
func (e *env) outputs(t *testing.T) map[string]string {
	t.Helper()
	outs, err := e.stack.Outputs(t.Context())
	if err != nil {
		t.Fatalf("reading stack outputs: %v", err)
	}
	m := make(map[string]string, len(outs))
	for k, v := range outs {
		m[k] = fmt.Sprint(v.Value)
	}
	return m
}

// onlyRuntime is the fake's one runtime named name; none or several fail the test.
func (e *env) onlyRuntime(t *testing.T, name string) fakeaws.Runtime {
	t.Helper()
	var found []fakeaws.Runtime
	for _, r := range e.fake.Runtimes() {
		if r.Name == name {
			found = append(found, r)
		}
	}
	if len(found) != 1 {
		t.Fatalf("the fake holds %d runtimes named %s, want exactly 1: %+v", len(found), name, found)
	}
	return found[0]
}

// onlyProject is the fake's one project named name; none or several fail the test.
func (e *env) onlyProject(t *testing.T, name string) fakeaws.Project {
	t.Helper()
	var found []fakeaws.Project
	for _, p := range e.fake.Projects() {
		if p.Name == name {
			found = append(found, p)
		}
	}
	if len(found) != 1 {
		t.Fatalf("the fake holds %d projects named %s, want exactly 1: %+v", len(found), name, found)
	}
	return found[0]
}

// mark returns a function listing the calls the fake answered since mark was called.
func (e *env) mark() func() []fakeaws.Call {
	n := len(e.fake.Calls())
	return func() []fakeaws.Call { return e.fake.Calls()[n:] }
}

// count counts the calls of op on resource res (any resource when res is empty).
func count(calls []fakeaws.Call, op, res string) int {
	n := 0
	for _, c := range calls {
		if c.Op == op && (res == "" || c.Resource == res) {
			n++
		}
	}
	return n
}

// countStatus counts the calls of op (any op when empty) answered with HTTP status.
func countStatus(calls []fakeaws.Call, op string, status int) int {
	n := 0
	for _, c := range calls {
		if (op == "" || c.Op == op) && c.Status == status {
			n++
		}
	}
	return n
}

// mutating keeps the calls that change the fake's state.
func mutating(calls []fakeaws.Call) []fakeaws.Call {
	var out []fakeaws.Call
	for _, c := range calls {
		if c.Mutating() {
			out = append(out, c)
		}
	}
	return out
}

// version parses a runtime version output.
func version(t *testing.T, v string) int {
	t.Helper()
	n, err := strconv.Atoi(v)
	if err != nil {
		t.Fatalf("runtime version %q is not a number: %v", v, err)
	}
	return n
}
