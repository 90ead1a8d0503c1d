package tier

import (
	"fmt"
	"strings"
	"testing"
)

func TestCheck(t *testing.T) {
	var got []string
	CheckTags("XArgs.Tags", map[string]string{"ok": "v", "aws:owner": "x", "long": strings.Repeat("v", 257)},
		func(field string, _ any, _ string) { got = append(got, field) })
	want := []string{"XArgs.Tags key", `XArgs.Tags["long"]`}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Fatalf("Check reported %v, want %v", got, want)
	}
}

func TestForAddsTheTierTag(t *testing.T) {
	m := TagsFor("storage", map[string]string{"component": "spoofed", "team": "x"})
	if len(m) != 2 {
		t.Fatalf("tags %v", m)
	}
}

func TestCheckAWSLimits(t *testing.T) {
	many := map[string]string{}
	for i := range 50 {
		many[fmt.Sprintf("k%02d", i)] = "v"
	}
	cases := map[string]struct {
		tags map[string]string
		want string
	}{
		"reserved_prefix_any_case":     {map[string]string{"AWS:x": "v"}, "key"},
		"reserved_prefix_in_value":     {map[string]string{"x": "Aws:y"}, `["x"]`},
		"key_of_129_characters":        {map[string]string{strings.Repeat("é", 129): "v"}, "key"},
		"value_of_257_characters":      {map[string]string{"x": strings.Repeat("é", 257)}, `["x"]`},
		"semicolon_in_key":             {map[string]string{"a;b": "v"}, "key"},
		"newline_in_value":             {map[string]string{"a": "x\ny"}, `["a"]`},
		"fifty_plus_the_component_tag": {many, "XArgs.Tags"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			var got []string
			CheckTags("XArgs.Tags", tc.tags, func(field string, _ any, _ string) { got = append(got, field) })
			if len(got) != 1 || !strings.HasSuffix(got[0], tc.want) {
				t.Fatalf("reported %v, want one ending %q", got, tc.want)
			}
		})
	}
	var got []string
	ok := map[string]string{strings.Repeat("é", 128): strings.Repeat("é", 256), "team name": "a/b=c+d-e@f:g_h.i"}
	CheckTags("XArgs.Tags", ok, func(field string, _ any, _ string) { got = append(got, field) })
	if len(got) != 0 {
		t.Fatalf("valid tags refused: %v", got)
	}
}
