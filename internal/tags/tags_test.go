package tags

import (
	"strings"
	"testing"
)

func TestCheck(t *testing.T) {
	var got []string
	Check("XArgs.Tags", map[string]string{"ok": "v", "aws:owner": "x", "long": strings.Repeat("v", 257)},
		func(field string, _ any, _ string) { got = append(got, field) })
	want := []string{"XArgs.Tags key", `XArgs.Tags["long"]`}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Fatalf("Check reported %v, want %v", got, want)
	}
}

func TestForAddsTheTierTag(t *testing.T) {
	m := For("storage", map[string]string{"component": "spoofed", "team": "x"})
	if len(m) != 2 {
		t.Fatalf("tags %v", m)
	}
}
