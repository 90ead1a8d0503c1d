package redact

import (
	"strings"
	"testing"
)

func TestShow(t *testing.T) {
	t.Run("quotes_a_short_value_whole", func(t *testing.T) {
		if got := Show("dev"); got != `"dev"` {
			t.Fatalf("got %s", got)
		}
	})
	t.Run("escapes_control_characters_and_terminal_escapes", func(t *testing.T) {
		got := Show("a\nb\x1b[31mred")
		if strings.ContainsAny(got, "\n\x1b") {
			t.Fatalf("raw control characters reach the message: %q", got)
		}
	})
	t.Run("cuts_a_long_value_to_its_first_characters_and_length", func(t *testing.T) {
		long := strings.Repeat("é", 5000)
		got := Show(long)
		if !strings.HasSuffix(got, "... (5000 characters)") || strings.Count(got, "é") != Keep {
			t.Fatalf("got %s", got)
		}
	})
	t.Run("hides_secrets", func(t *testing.T) {
		if got := Value("hunter2-hunter2", true); got != Secret {
			t.Fatalf("got %s", got)
		}
	})
}
