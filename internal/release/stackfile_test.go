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
			_, out, err := BumpVersions([]byte(c.in), "Pulumi.x.yaml", Agents[:1], Patch)
			if err != nil || string(out) != c.want {
				t.Errorf("got %q, %v\nwant %q", out, err, c.want)
			}
		})
	}
}

func TestStackFileRejectsNonStackNames(t *testing.T) {
	t.Parallel()
	for _, bad := range []string{"", ".hidden", "org/dev", "a b", strings.Repeat("x", 101)} {
		if _, err := StackFile(bad); err == nil {
			t.Errorf("StackFile(%q) succeeded, want an error", bad)
		}
	}
	if got, err := StackFile("prod"); err != nil || got != "Pulumi.prod.yaml" {
		t.Errorf("StackFile(prod) = %q, %v", got, err)
	}
}
