package provider_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	ac "github.com/aws/aws-sdk-go-v2/service/bedrockagentcorecontrol"
	"github.com/aws/aws-sdk-go-v2/service/bedrockagentcorecontrol/types"
	bda "github.com/aws/aws-sdk-go-v2/service/bedrockdataautomation"
	bdatypes "github.com/aws/aws-sdk-go-v2/service/bedrockdataautomation/types"
	p "github.com/pulumi/pulumi-go-provider"
	"github.com/pulumi/pulumi/sdk/v3/go/property"

	"github.com/bidopsai/bidopsai-infra/internal/fakeaws"
	"github.com/bidopsai/bidopsai-infra/internal/provider"
)

// lostCreate runs a create whose result never reaches the engine, as when the provider is
// killed while waiting: the create call lands, then reads fail and the response is dropped.
func (e *env) lostCreate(typ, name, readOp string, inputs property.Map) {
	e.t.Helper()
	e.fake.Inject(fakeaws.Fault{Op: readOp, Status: http.StatusForbidden, Code: "AccessDeniedException", Message: "connection lost"})
	if _, err := e.srv.Create(p.CreateRequest{Urn: urn(typ, name), Properties: e.check(typ, name, property.Map{}, inputs)}); err == nil {
		e.t.Fatalf("the interrupted create of %s succeeded; the test needs it to fail", name)
	}
}

func description(d string) func(map[string]property.Value) {
	return func(m map[string]property.Value) { m["description"] = str(d) }
}

func TestCreateAdoptsARuntimeLeftByAnInterruptedCreate(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	// More runtimes than one list page hold, so adoption must follow nextToken.
	for i := range 11 {
		e.create(runtimeType, fmt.Sprintf("other%d", i), runtimeInputs(fmt.Sprintf("agent_other_%02d", i)))
	}
	e.lostCreate(runtimeType, "r", "GetAgentRuntime", runtimeInputs("zz_agent_lost", description("v1")))
	orphan := runtimeNamed(t, e.fake, "zz_agent_lost")
	if orphan.Tags[provider.OwnerTagKey] == "" || !strings.Contains(orphan.Tags[provider.OwnerTagKey], "::r") {
		t.Fatalf("the runtime carries owner tag %q, want one naming resource r", orphan.Tags[provider.OwnerTagKey])
	}
	e.fake.ResetCalls()

	// The program changed meanwhile: adoption must also bring the runtime to the new spec.
	id, state := e.create(runtimeType, "r", runtimeInputs("zz_agent_lost", description("v2")))
	rt := runtimeNamed(t, e.fake, "zz_agent_lost")
	if id != orphan.ID || get(state, "agentRuntimeId") != orphan.ID || get(state, "status") != "READY" {
		t.Fatalf("create returned id %s state %v, want the orphan %s READY", id, state, orphan.ID)
	}
	if rt.Spec.Description == nil || *rt.Spec.Description != "v2" || rt.Status != "READY" || rt.Tags["component"] != "agentcore" {
		t.Fatalf("adopted runtime = %+v, want description v2, READY, program tags kept", rt)
	}
	if n := e.fake.Count("CreateAgentRuntime"); n != 1 {
		t.Errorf("CreateAgentRuntime called %d times, want 1 (refused as a duplicate)", n)
	}
	if n := e.fake.Count("UpdateAgentRuntime"); n != 1 {
		t.Errorf("UpdateAgentRuntime called %d times, want 1 (the spec changed)", n)
	}
	if n := e.fake.Count("ListAgentRuntimes"); n != 2 {
		t.Errorf("ListAgentRuntimes called %d times, want 2 (two pages)", n)
	}
	if len(e.fake.Runtimes()) != 12 {
		t.Errorf("the fake holds %d runtimes, want 12: adoption must not create another", len(e.fake.Runtimes()))
	}
	t.Run("read_hides_the_owner_tag", func(t *testing.T) {
		r := e.read(runtimeType, "r", id, state)
		if _, ok := r.Inputs.Get("tags").AsMap().GetOk(provider.OwnerTagKey); ok {
			t.Fatalf("read reports the owner tag as an input: %v", r.Inputs.Get("tags"))
		}
		if d := e.diff(runtimeType, "r", id, r.Properties, runtimeInputs("zz_agent_lost", description("v2"))); d.HasChanges {
			t.Fatalf("diff after read = %+v, want none", d)
		}
	})
	t.Run("an_unchanged_spec_is_adopted_without_an_update", func(t *testing.T) {
		e.lostCreate(runtimeType, "s", "GetAgentRuntime", runtimeInputs("agent_same"))
		e.fake.ResetCalls()
		_, state := e.create(runtimeType, "s", runtimeInputs("agent_same"))
		if get(state, "status") != "READY" || e.fake.Count("UpdateAgentRuntime") != 0 {
			t.Fatalf("state %v after %d updates, want READY and no update", state, e.fake.Count("UpdateAgentRuntime"))
		}
	})
}

func TestCreateRefusesARuntimeItDoesNotOwn(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	client := ac.NewFromConfig(e.fake.AWSConfig())
	for _, tc := range []struct{ name, owner, says string }{
		{"another_stack", "urn:pulumi:prod::bidopsai::bidopsai:index:AgentRuntime::r", "belongs to urn:pulumi:prod"},
		{"no_owner", "", "carries no " + provider.OwnerTagKey + " tag"},
	} {
		t.Run("refuses_a_runtime_of_"+tc.name, func(t *testing.T) {
			name := "agent_" + tc.name
			tags := map[string]string{}
			if tc.owner != "" {
				tags[provider.OwnerTagKey] = tc.owner
			}
			out, err := client.CreateAgentRuntime(t.Context(), &ac.CreateAgentRuntimeInput{
				AgentRuntimeName: aws.String(name), RoleArn: aws.String(role), Tags: tags,
				AgentRuntimeArtifact: &types.AgentRuntimeArtifactMemberContainerConfiguration{
					Value: types.ContainerConfiguration{ContainerUri: aws.String(image)}},
			})
			if err != nil {
				t.Fatal(err)
			}
			id := aws.ToString(out.AgentRuntimeId)
			e.fake.ResetCalls()
			_, err = e.srv.Create(p.CreateRequest{Urn: urn(runtimeType, "r"), Properties: e.check(runtimeType, "r", property.Map{}, runtimeInputs(name))})
			want := "pulumi import --stack dev bidopsai:index:AgentRuntime r " + id
			if err == nil || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), tc.says) {
				t.Fatalf("create error = %v, want one saying %q and giving `%s`", err, tc.says, want)
			}
			if m := e.fake.MutatingCalls(); len(m) != 1 || m[0].Op != "CreateAgentRuntime" {
				t.Fatalf("calls = %+v, want only the refused create", m)
			}
		})
	}
}

func TestUpdateRidesOutAConflictingUpdate(t *testing.T) {
	t.Parallel()
	t.Run("waits_for_the_other_update_then_retries", func(t *testing.T) {
		t.Parallel()
		e := newEnv(t)
		id, state := e.create(runtimeType, "r", runtimeInputs("agent_race"))
		e.fake.Inject(fakeaws.RacingUpdate("UpdateAgentRuntime", 1))
		e.fake.ResetCalls()
		state, err := e.update(runtimeType, "r", id, state, runtimeInputs("agent_race", description("v2")))
		if err != nil {
			t.Fatalf("update: %v", err)
		}
		var statuses []int
		for _, c := range e.fake.Calls() {
			if c.Op == "UpdateAgentRuntime" {
				statuses = append(statuses, c.Status)
			}
		}
		if fmt.Sprint(statuses) != "[409 202]" {
			t.Errorf("UpdateAgentRuntime answered %v, want a conflict then acceptance", statuses)
		}
		rt, _ := e.fake.Runtime(id)
		if get(state, "status") != "READY" || rt.Status != "READY" || rt.Spec.Description == nil || *rt.Spec.Description != "v2" {
			t.Fatalf("after the update: state %v, runtime %s %v", state, rt.Status, rt.Spec.Description)
		}
	})
	t.Run("gives_up_after_three_conflicts", func(t *testing.T) {
		t.Parallel()
		e := newEnv(t)
		id, state := e.create(runtimeType, "r", runtimeInputs("agent_busy"))
		e.fake.Inject(fakeaws.RacingUpdate("UpdateAgentRuntime", 3))
		if _, err := e.update(runtimeType, "r", id, state, runtimeInputs("agent_busy", description("v2"))); err == nil ||
			!strings.Contains(err.Error(), "ConflictException") {
			t.Fatalf("update error = %v, want the ConflictException after three tries", err)
		}
		if n := e.fake.Count("UpdateAgentRuntime"); n != 3 {
			t.Fatalf("UpdateAgentRuntime called %d times, want 3", n)
		}
	})
	t.Run("project_update_waits_for_the_other_update", func(t *testing.T) {
		t.Parallel()
		e := newEnv(t)
		arn, state := e.create(projectType, "parser", projectInputs("parser-race"))
		e.fake.Inject(fakeaws.RacingUpdate("UpdateDataAutomationProject", 1))
		state, err := e.update(projectType, "parser", arn, state, projectInputs("parser-race", func(m map[string]property.Value) {
			m["projectDescription"] = str("v2")
		}))
		if err != nil || get(state, "status") != "COMPLETED" || e.fake.Count("UpdateDataAutomationProject") != 2 {
			t.Fatalf("update = %v, %v after %d calls; want COMPLETED after a conflict and a retry", state, err,
				e.fake.Count("UpdateDataAutomationProject"))
		}
	})
}

func TestCreateAdoptsAProjectLeftByAnInterruptedCreate(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	e.lostCreate(projectType, "parser", "GetDataAutomationProject", projectInputs("parser-lost"))
	orphans := e.fake.Projects()
	if len(orphans) != 1 || orphans[0].Tags[provider.OwnerTagKey] == "" {
		t.Fatalf("projects after the lost create = %+v, want one with an owner tag", orphans)
	}
	arn, state := e.create(projectType, "parser", projectInputs("parser-lost", func(m map[string]property.Value) {
		m["projectStage"] = str("LIVE")
	}))
	pr, _ := e.fake.Project(arn)
	if arn != orphans[0].ARN || get(state, "status") != "COMPLETED" || pr.Spec.ProjectStage != "LIVE" || len(e.fake.Projects()) != 1 {
		t.Fatalf("create = %s %v, project %+v; want the orphan %s adopted, COMPLETED and LIVE", arn, state, pr, orphans[0].ARN)
	}
	t.Run("refuses_a_project_it_does_not_own", func(t *testing.T) {
		client := bda.NewFromConfig(e.fake.AWSConfig())
		out, err := client.CreateDataAutomationProject(t.Context(), &bda.CreateDataAutomationProjectInput{
			ProjectName: aws.String("parser-foreign"), ProjectStage: bdatypes.DataAutomationProjectStageDevelopment,
			StandardOutputConfiguration: &bdatypes.StandardOutputConfiguration{},
		})
		if err != nil {
			t.Fatal(err)
		}
		_, err = e.srv.Create(p.CreateRequest{Urn: urn(projectType, "other"),
			Properties: e.check(projectType, "other", property.Map{}, projectInputs("parser-foreign"))})
		want := "pulumi import --stack dev bidopsai:index:DataAutomationProject other " + aws.ToString(out.ProjectArn)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Fatalf("create error = %v, want one giving `%s`", err, want)
		}
	})
}

func TestCheckReservesTheOwnerTag(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	resp, err := e.srv.Check(p.CheckRequest{Urn: urn(runtimeType, "r"), Inputs: runtimeInputs("agent_x", func(m map[string]property.Value) {
		m["tags"] = obj(map[string]property.Value{provider.OwnerTagKey: str("me")})
	})})
	if err != nil || len(resp.Failures) != 1 || resp.Failures[0].Property != "tags" || !strings.Contains(resp.Failures[0].Reason, "reserved") {
		t.Fatalf("Check = %+v, %v; want one failure on tags saying the key is reserved", resp.Failures, err)
	}
}

func runtimeNamed(t *testing.T, f *fakeaws.Server, name string) fakeaws.Runtime {
	t.Helper()
	var found []fakeaws.Runtime
	for _, r := range f.Runtimes() {
		if r.Name == name {
			found = append(found, r)
		}
	}
	if len(found) != 1 {
		t.Fatalf("the fake holds %d runtimes named %s, want 1", len(found), name)
	}
	return found[0]
}

func TestUpdateTagsTheOwner(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	t.Run("an_imported_runtime_is_tagged_by_its_next_update", func(t *testing.T) {
		client := ac.NewFromConfig(e.fake.AWSConfig())
		out, err := client.CreateAgentRuntime(t.Context(), &ac.CreateAgentRuntimeInput{
			AgentRuntimeName: aws.String("agent_imported"), RoleArn: aws.String(role),
			AgentRuntimeArtifact: &types.AgentRuntimeArtifactMemberContainerConfiguration{
				Value: types.ContainerConfiguration{ContainerUri: aws.String(image)}},
		})
		if err != nil {
			t.Fatal(err)
		}
		id := aws.ToString(out.AgentRuntimeId)
		imported := e.read(runtimeType, "r", id, property.Map{}).Properties
		if _, err := e.update(runtimeType, "r", id, imported, runtimeInputs("agent_imported")); err != nil {
			t.Fatalf("update: %v", err)
		}
		if rt, _ := e.fake.Runtime(id); !strings.HasSuffix(rt.Tags[provider.OwnerTagKey], "::r") || rt.Tags["component"] != "agentcore" {
			t.Fatalf("tags after the update = %v, want the owner tag naming r and the program's tags", rt.Tags)
		}
	})
	t.Run("an_owned_runtime_with_unchanged_tags_gets_no_tag_call", func(t *testing.T) {
		id, state := e.create(runtimeType, "s", runtimeInputs("agent_owned"))
		e.fake.ResetCalls()
		if _, err := e.update(runtimeType, "s", id, state, runtimeInputs("agent_owned", description("v2"))); err != nil {
			t.Fatalf("update: %v", err)
		}
		if n, m := e.fake.Count("TagResource"), e.fake.Count("UntagResource"); n+m != 0 {
			t.Fatalf("update made %d TagResource and %d UntagResource calls, want none", n, m)
		}
	})
}
