package fakeaws_test

import (
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	ac "github.com/aws/aws-sdk-go-v2/service/bedrockagentcorecontrol"
	bda "github.com/aws/aws-sdk-go-v2/service/bedrockdataautomation"
	bdatypes "github.com/aws/aws-sdk-go-v2/service/bedrockdataautomation/types"

	"github.com/bidopsai/bidopsai-infra/internal/fakeaws"
)

// What a provider needs to recover from a create it never saw finish: the runtime outlives
// the client, can be found by name through every page of the list, and carries its tags.
func TestRuntimesCanBeFoundAfterTheClientWentAway(t *testing.T) {
	t.Parallel()
	srv, _, c, _ := start(t)
	srv.Inject(fakeaws.Fault{Op: "CreateAgentRuntime", Times: 5, Status: 500, Code: "InternalServerException", AfterCommit: true})
	in := createInput("agent_lost")
	in.Tags = map[string]string{"owner": "stack-a"}
	if _, err := c.CreateAgentRuntime(t.Context(), in); err == nil {
		t.Fatal("every reply was lost, yet the client saw success")
	}
	for i := range 12 {
		mustCreate(t, c, fmt.Sprintf("agent_%02d", i))
	}
	var names []string
	pages := ac.NewListAgentRuntimesPaginator(c, &ac.ListAgentRuntimesInput{})
	for pages.HasMorePages() {
		page, err := pages.NextPage(t.Context())
		if err != nil {
			t.Fatalf("ListAgentRuntimes: %v", err)
		}
		for _, rt := range page.AgentRuntimes {
			names = append(names, aws.ToString(rt.AgentRuntimeName))
		}
	}
	if n := srv.Count("ListAgentRuntimes"); len(names) != 13 || n != 2 {
		t.Fatalf("listed %d runtimes in %d pages, want 13 in 2", len(names), n)
	}
	var lost []fakeaws.Runtime
	for _, r := range srv.Runtimes() {
		if r.Name == "agent_lost" {
			lost = append(lost, r)
		}
	}
	if len(lost) != 1 || lost[0].Tags["owner"] != "stack-a" {
		t.Fatalf("runtimes named agent_lost = %+v, want exactly one, tagged", lost)
	}
}

func TestRacingUpdateMakesTheUpdateConflict(t *testing.T) {
	t.Parallel()
	srv, _, c, _ := start(t)
	id := mustCreate(t, c, "agent_race")
	status(t, c, id)
	status(t, c, id) // READY on the second read
	srv.Inject(fakeaws.RacingUpdate("UpdateAgentRuntime", 1))
	upd := &ac.UpdateAgentRuntimeInput{AgentRuntimeId: aws.String(id), RoleArn: aws.String(testRole),
		AgentRuntimeArtifact: createInput("x").AgentRuntimeArtifact}
	if _, err := c.UpdateAgentRuntime(t.Context(), upd); errCode(err) != "ConflictException" {
		t.Fatalf("update during another update = %v, want ConflictException", err)
	}
	if st, _ := status(t, c, id); st != "UPDATING" {
		t.Fatalf("status = %s, want UPDATING (the other client's update)", st)
	}
	status(t, c, id)
	if _, err := c.UpdateAgentRuntime(t.Context(), upd); err != nil {
		t.Fatalf("update once the other one ended: %v", err)
	}
}

func TestProjectsAreListedByStage(t *testing.T) {
	t.Parallel()
	_, _, _, b := start(t)
	for _, stage := range []bdatypes.DataAutomationProjectStage{bdatypes.DataAutomationProjectStageDevelopment, bdatypes.DataAutomationProjectStageLive} {
		_, err := b.CreateDataAutomationProject(t.Context(), &bda.CreateDataAutomationProjectInput{
			ProjectName: aws.String("parser-" + string(stage)), ProjectStage: stage,
			StandardOutputConfiguration: &bdatypes.StandardOutputConfiguration{},
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	for filter, want := range map[bdatypes.DataAutomationProjectStageFilter]int{"": 1, "DEVELOPMENT": 1, "ALL": 2} {
		out, err := b.ListDataAutomationProjects(t.Context(), &bda.ListDataAutomationProjectsInput{ProjectStageFilter: filter})
		if err != nil || len(out.Projects) != want {
			t.Errorf("list with filter %q = %v, %v; want %d projects", filter, out, err, want)
		}
	}
}
