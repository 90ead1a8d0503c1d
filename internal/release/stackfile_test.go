package release

import (
	"strings"
	"testing"
)

func TestBumpVersionsLocatesScalarsInAnyLayout(t *testing.T) {
	t.Parallel()
	cases := []struct{ name, in, want string }{
		{"after_non_ascii_text_on_the_same_line",
			"config:\n  bidopsai:agents:\n    workflow: {note: \"héllo wörld ✓\", version: 1.0.0}\n",
			"config:\n  bidopsai:agents:\n    workflow: {note: \"héllo wörld ✓\", version: 1.0.1}\n"},
		{"single_quoted",
			"config:\n  bidopsai:agents:\n    workflow:\n      version: '1.0.0' # keep\n",
			"config:\n  bidopsai:agents:\n    workflow:\n      version: '1.0.1' # keep\n"},
		{"crlf_line_endings",
			"config:\r\n  bidopsai:agents:\r\n    workflow:\r\n      version: 1.0.0\r\n",
			"config:\r\n  bidopsai:agents:\r\n    workflow:\r\n      version: 1.0.1\r\n"},
		{"no_trailing_newline",
			"config:\n  bidopsai:agents:\n    workflow:\n      version: 1.0.0",
			"config:\n  bidopsai:agents:\n    workflow:\n      version: 1.0.1"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			_, out, err := BumpVersions([]byte(c.in), "Pulumi.x.yaml", workflowOnly, Patch)
			if err != nil || string(out) != c.want {
				t.Errorf("got %q, %v\nwant %q", out, err, c.want)
			}
		})
	}
}

func TestBumpRefusesWhatItCannotEditUnambiguously(t *testing.T) {
	t.Parallel()
	cases := map[string]struct{ in, want string }{
		"shared_anchor":     {"config:\n  bidopsai:agents:\n    workflow: &a\n      version: 1.0.0\n    ai-assistant: *a\n", "anchor or alias"},
		"aliased_version":   {"config:\n  bidopsai:v: &v 1.0.0\n  bidopsai:agents:\n    workflow:\n      version: *v\n", "anchor or alias"},
		"duplicate_version": {"config:\n  bidopsai:agents:\n    workflow:\n      version: 1.0.0\n      version: 2.0.0\n", "already set"},
		"both_spellings":    {"config:\n  agents:\n    workflow: {version: 1.0.0}\n  bidopsai:agents:\n    workflow: {version: 1.0.0}\n", "again"},
		"two_documents":     {"config:\n  bidopsai:agents:\n    workflow: {version: 1.0.0}\n---\nconfig: {}\n", "more than one"},
		"block_scalar":      {"config:\n  bidopsai:agents:\n    workflow:\n      version: |\n        1.0.0\n", "not SemVer"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			_, _, err := BumpVersions([]byte(c.in), "Pulumi.x.yaml", workflowOnly, Patch)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("want an error with %q, got %v", c.want, err)
			}
		})
	}
	t.Run("edits_the_unprefixed_spelling_the_program_reads", func(t *testing.T) {
		_, out, err := BumpVersions([]byte("config:\n  agents:\n    workflow: {version: 1.0.0}\n"), "Pulumi.x.yaml", workflowOnly, Patch)
		if err != nil || !strings.Contains(string(out), "version: 1.0.1") {
			t.Fatalf("got %s, %v", out, err)
		}
	})
}

// workflowOnly selects the workflow agent alone.
var workflowOnly = []Agent{{ID: "workflow"}}
