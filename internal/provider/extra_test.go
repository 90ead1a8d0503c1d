package provider_test

import (
	"encoding/json"
	"testing"
	"time"

	p "github.com/pulumi/pulumi-go-provider"
	"github.com/pulumi/pulumi/sdk/v3/go/property"

	"github.com/bidopsai/bidopsai-infra/internal/fakeaws"
	"github.com/bidopsai/bidopsai-infra/internal/provider"
)

func TestCreateIdempotencyTimeoutsAndImport(t *testing.T) {
	t.Parallel()
	t.Run("lost_create_reply_makes_exactly_one_runtime", func(t *testing.T) {
		t.Parallel()
		e := newEnv(t)
		f := fakeaws.InternalError("CreateAgentRuntime", 1)
		f.AfterCommit = true
		e.fake.Inject(f)
		e.create(runtimeType, "r", runtimeInputs("agent_lost_reply"))
		if n := len(e.fake.Runtimes()); n != 1 || e.fake.Count("CreateAgentRuntime") != 2 {
			t.Fatalf("%d runtimes after %d creates; want 1 after 2 (same client token)", n, e.fake.Count("CreateAgentRuntime"))
		}
	})
	t.Run("default_update_timeout_is_30_minutes", func(t *testing.T) {
		t.Parallel()
		e := newEnv(t)
		id, state := e.create(runtimeType, "r", runtimeInputs("agent_slow_update"))
		_ = e.fake.SetScript(fakeaws.KindRuntime, fakeaws.PhaseUpdate, fakeaws.Script{After: 2 * time.Hour})
		start := e.clock.Now()
		_, err := e.update(runtimeType, "r", id, state, runtimeInputs("agent_slow_update", func(m map[string]property.Value) {
			m["description"] = str("v2")
		}))
		if waited := e.clock.Now().Sub(start); err == nil || waited != 30*time.Minute {
			t.Fatalf("err %v after %s; want a timeout after exactly 30m", err, waited)
		}
	})
	t.Run("import_reads_the_configuration_by_id", func(t *testing.T) {
		t.Parallel()
		e := newEnv(t)
		id, _ := e.create(runtimeType, "r", runtimeInputs("agent_import"))
		r := e.read(runtimeType, "imported", id, property.Map{})
		if r.ID != id || get(r.Inputs, "agentRuntimeName") != "agent_import" || get(r.Inputs, "containerUri") != image ||
			r.Inputs.Get("tags").AsMap().Get("component").AsString() != "agentcore" {
			t.Fatalf("import read = %+v", r)
		}
		if d := e.diff(runtimeType, "imported", id, r.Properties, runtimeInputs("agent_import")); d.HasChanges {
			t.Fatalf("imported runtime diffs against the same program: %+v", d)
		}
	})
}

func TestSchemaAndRetryer(t *testing.T) {
	t.Parallel()
	t.Run("schema_serves_both_resources_under_index_and_region_config", func(t *testing.T) {
		t.Parallel()
		e := newEnv(t)
		resp, err := e.srv.GetSchema(p.GetSchemaRequest{})
		if err != nil {
			t.Fatal(err)
		}
		var spec struct {
			Resources map[string]json.RawMessage `json:"resources"`
			Config    struct {
				Variables map[string]json.RawMessage `json:"variables"`
			} `json:"config"`
		}
		if err := json.Unmarshal([]byte(resp.Schema), &spec); err != nil {
			t.Fatal(err)
		}
		_, rt := spec.Resources[runtimeType]
		_, pr := spec.Resources[projectType]
		_, region := spec.Config.Variables["region"]
		if !rt || !pr || !region || len(spec.Config.Variables) != 1 {
			t.Fatalf("schema resources %v config %v", keys(spec.Resources), keys(spec.Config.Variables))
		}
	})
	t.Run("production_retryer_makes_ten_attempts", func(t *testing.T) {
		t.Parallel()
		if n := provider.NewRetryer().MaxAttempts(); n != 10 {
			t.Fatalf("MaxAttempts = %d, want 10", n)
		}
	})
}

func keys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}
