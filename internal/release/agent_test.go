package release

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// project writes Pulumi.yaml and Pulumi.test.yaml into a temporary directory.
func project(t *testing.T, projectFile, stackFile string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range map[string]string{"Pulumi.yaml": projectFile, "Pulumi.test.yaml": stackFile} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

const projectWithDefault = "name: bidopsai\nruntime: go\nconfig:\n  agents:\n    type: object\n    default:\n" +
	"      workflow: {version: 1.0.0}\n      ai-assistant: {version: 1.0.0}\n"

func ids(c Configured) []string {
	out := make([]string, len(c.Agents))
	for i, a := range c.Agents {
		out[i] = a.ID
	}
	return out
}

func TestStackAgents(t *testing.T) {
	t.Parallel()
	t.Run("reads_the_keys_of_the_stack_files_agents_sorted", func(t *testing.T) {
		dir := project(t, projectWithDefault, "config:\n  bidopsai:agents:\n    workflow: {version: 1.0.0}\n"+
			"    researcher: {version: 0.1.0}\n    ai-assistant: {version: 1.0.0}\n")
		c, err := StackAgents(dir, "test")
		if err != nil || !slices.Equal(ids(c), []string{"ai-assistant", "researcher", "workflow"}) || c.From != "Pulumi.test.yaml" {
			t.Fatalf("StackAgents = %v from %q, %v; want ai-assistant, researcher, workflow from Pulumi.test.yaml", ids(c), c.From, err)
		}
	})
	t.Run("falls_back_to_the_default_in_pulumi_yaml", func(t *testing.T) {
		c, err := StackAgents(project(t, projectWithDefault, "config:\n  aws:region: us-east-1\n"), "test")
		if err != nil || !slices.Equal(ids(c), []string{"ai-assistant", "workflow"}) || !strings.Contains(c.From, "Pulumi.yaml") {
			t.Fatalf("StackAgents = %v from %q, %v; want the default's ids from Pulumi.yaml", ids(c), c.From, err)
		}
	})
	t.Run("reads_the_committed_dev_stack", func(t *testing.T) {
		c, err := StackAgents("../..", "dev")
		if err != nil || !slices.Contains(ids(c), "workflow") {
			t.Fatalf("StackAgents(dev) = %v, %v", ids(c), err)
		}
	})
	for name, tc := range map[string]struct{ project, stack, errHas string }{
		"rejects_agents_as_a_secret": {projectWithDefault, "config:\n  bidopsai:agents:\n    secure: AAAA\n", "is a secret"},
		"rejects_an_empty_map":       {projectWithDefault, "config:\n  bidopsai:agents: {}\n", "at least one agent"},
		"rejects_a_list":             {projectWithDefault, "config:\n  bidopsai:agents: [workflow]\n", "map each agent id"},
		"rejects_no_agents_anywhere": {"name: bidopsai\nruntime: go\nconfig:\n  agents:\n    type: object\n", "config: {}\n", "no default"},
		"rejects_hostile_yaml":       {projectWithDefault, "config:\n  bidopsai:agents:\n    workflow: {version: 1.0.0}\n    workflow: {version: 2.0.0}\n", "already set"},
	} {
		t.Run(name, func(t *testing.T) {
			if _, err := StackAgents(project(t, tc.project, tc.stack), "test"); err == nil || !strings.Contains(err.Error(), tc.errHas) {
				t.Fatalf("err = %v, want one containing %q", err, tc.errHas)
			}
		})
	}
}

func TestSelectAgents(t *testing.T) {
	t.Parallel()
	c := Configured{Agents: []Agent{{ID: "ai-assistant"}, {ID: "researcher"}, {ID: "workflow"}}, From: "Pulumi.dev.yaml"}
	if got, err := c.Select(All); err != nil || len(got) != 3 {
		t.Errorf("Select(all) = %v, %v; want every configured agent", got, err)
	}
	if got, err := c.Select("researcher"); err != nil || !slices.Equal(got, []Agent{{ID: "researcher"}}) {
		t.Errorf("Select(researcher) = %v, %v", got, err)
	}
	for _, id := range []string{"both", "aiAssistant", ""} {
		_, err := c.Select(id)
		if err == nil || !strings.Contains(err.Error(), `Pulumi.dev.yaml has: "ai-assistant", "researcher", "workflow"`) {
			t.Errorf("Select(%q) = %v, want an error listing the configured ids", id, err)
		}
	}
	if _, err := c.Find(All); err == nil {
		t.Error("Find(all) accepted all where one agent is needed")
	}
}

func TestAgentNames(t *testing.T) {
	t.Parallel()
	v := Version{Major: 1, Minor: 4, Patch: 2}
	a := Agent{ID: "ai-assistant"}
	if a.Tag(v) != "ai-assistant-v1.4.2" || a.TagMessage(v) != "ai-assistant agent v1.4.2" {
		t.Errorf("tag %q message %q", a.Tag(v), a.TagMessage(v))
	}
}
