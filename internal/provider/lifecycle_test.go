package provider_test

import (
	"strings"
	"testing"

	p "github.com/pulumi/pulumi-go-provider"
	"github.com/pulumi/pulumi/sdk/v3/go/property"

	"github.com/bidopsai/bidopsai-infra/internal/fakeaws"
)

func TestAgentRuntimeLifecycle(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	name := "bidopsai_dev_workflow"

	id, state := e.create(runtimeType, "workflow", runtimeInputs(name))
	t.Run("create_waits_until_ready_and_records_outputs", func(t *testing.T) {
		if get(state, "status") != "READY" || get(state, "agentRuntimeId") != id || get(state, "agentRuntimeVersion") != "1" ||
			!strings.HasPrefix(get(state, "agentRuntimeArn"), "arn:aws:bedrock-agentcore:") || get(state, "workloadIdentityArn") == "" {
			t.Fatalf("state after create: %v", state)
		}
		if get(state, "networkMode") != "PUBLIC" || state.Get("idleRuntimeSessionTimeout").AsNumber() != 900 {
			t.Fatalf("defaults not recorded: %v", state)
		}
	})
	t.Run("identical_inputs_show_no_diff", func(t *testing.T) {
		if d := e.diff(runtimeType, "workflow", id, state, runtimeInputs(name)); d.HasChanges || len(d.DetailedDiff) != 0 {
			t.Fatalf("no-op diff = %+v", d)
		}
	})
	t.Run("image_change_updates_in_place_sending_the_complete_spec", func(t *testing.T) {
		newImage := strings.Replace(image, "@sha256:0", "@sha256:f", 1)
		inputs := runtimeInputs(name, func(m map[string]property.Value) { m["containerUri"] = str(newImage) })
		d := e.diff(runtimeType, "workflow", id, state, inputs)
		if !d.HasChanges || d.DetailedDiff["containerUri"].Kind != p.Update || len(d.DetailedDiff) != 1 {
			t.Fatalf("diff = %+v; want only containerUri, in place", d)
		}
		var err error
		state, err = e.update(runtimeType, "workflow", id, state, inputs)
		if err != nil {
			t.Fatal(err)
		}
		rt, _ := e.fake.Runtime(id)
		if rt.Spec.AgentRuntimeArtifact.ContainerConfiguration.ContainerURI != newImage ||
			rt.Spec.EnvironmentVariables["ENVIRONMENT"] != "dev" || rt.Spec.NetworkConfiguration == nil || rt.Spec.RoleArn != role {
			t.Fatalf("update did not send the complete spec: %+v", rt.Spec)
		}
		if get(state, "agentRuntimeVersion") != "2" || get(state, "status") != "READY" {
			t.Fatalf("state after update: %v", state)
		}
	})
	t.Run("tag_only_change_makes_no_new_version", func(t *testing.T) {
		e.fake.ResetCalls()
		inputs := runtimeInputs(name, func(m map[string]property.Value) {
			m["containerUri"] = str(strings.Replace(image, "@sha256:0", "@sha256:f", 1))
			m["tags"] = obj(map[string]property.Value{"component": str("agentcore"), "owner": str("ai")})
		})
		var err error
		if state, err = e.update(runtimeType, "workflow", id, state, inputs); err != nil {
			t.Fatal(err)
		}
		rt, _ := e.fake.Runtime(id)
		if e.fake.Count("UpdateAgentRuntime") != 0 || rt.Version != "2" || rt.Tags["owner"] != "ai" {
			t.Fatalf("calls %+v, version %s, tags %v; want only TagResource", e.fake.Calls(), rt.Version, rt.Tags)
		}
	})
	t.Run("rename_replaces", func(t *testing.T) {
		d := e.diff(runtimeType, "workflow", id, state, runtimeInputs("bidopsai_dev_workflow2"))
		if d.DetailedDiff["agentRuntimeName"].Kind != p.UpdateReplace || d.DeleteBeforeReplace {
			t.Fatalf("diff = %+v; want a create-before-delete replacement on agentRuntimeName", d)
		}
	})
	t.Run("read_returns_live_drift", func(t *testing.T) {
		e.fake.EditRuntime(id, func(s *fakeaws.RuntimeSpec) { s.EnvironmentVariables["LOG_LEVEL"] = "DEBUG" })
		r := e.read(runtimeType, "workflow", id, state)
		if env := r.Inputs.Get("environmentVariables").AsMap(); env.Get("LOG_LEVEL").AsString() != "DEBUG" {
			t.Fatalf("read inputs = %v; want the live LOG_LEVEL", r.Inputs)
		}
		if get(r.Inputs, "containerUri") == "" || r.ID != id {
			t.Fatalf("read lost the configuration: %+v", r)
		}
	})
	t.Run("read_after_out_of_band_delete_reports_gone", func(t *testing.T) {
		e.fake.DeleteRuntime(id)
		if r := e.read(runtimeType, "workflow", id, state); r.ID != "" {
			t.Fatalf("read of a deleted runtime returned id %q; want empty (gone)", r.ID)
		}
	})
	t.Run("update_after_out_of_band_delete_says_refresh", func(t *testing.T) {
		inputs := runtimeInputs(name, func(m map[string]property.Value) { m["description"] = str("x") })
		if _, err := e.update(runtimeType, "workflow", id, state, inputs); err == nil || !strings.Contains(err.Error(), "pulumi refresh") {
			t.Fatalf("update of a deleted runtime: %v; want advice to refresh", err)
		}
	})
	t.Run("delete_twice_succeeds", func(t *testing.T) {
		id2, state2 := e.create(runtimeType, "assistant", runtimeInputs("bidopsai_dev_assistant"))
		if err := e.delete(runtimeType, "assistant", id2, state2); err != nil {
			t.Fatalf("first delete: %v", err)
		}
		if _, ok := e.fake.Runtime(id2); ok {
			t.Fatal("runtime still exists after delete")
		}
		if err := e.delete(runtimeType, "assistant", id2, state2); err != nil {
			t.Fatalf("second delete: %v; not found must count as deleted", err)
		}
	})
}
