// Package redact is the one path by which a user-supplied value reaches a message: secrets
// become [secret], everything else is quoted (control characters escaped) and long values are
// cut to their first characters and their length, so no message ever echoes a value whole.
package redact

import (
	"strconv"
	"unicode/utf8"
)

// Secret is what a message shows in place of a secret value.
const Secret = "[secret]"

// Keep is how many characters of a long value a message shows: enough for a model id, an ARN or
// a URL whole, never a pasted file.
const Keep = 100

// Show renders value for a message: quoted, and cut to Keep characters plus its length when longer.
func Show(value string) string { return show(value, Keep) }

// Key renders a config key for a message: quoted, and cut only past KeepKey characters (the
// project's own keys are long; a key from a hostile file may be huge).
func Key(key string) string { return show(key, KeepKey) }

// KeepKey is how many characters of a long key a message shows.
const KeepKey = 120

func show(value string, keep int) string {
	n := utf8.RuneCountInString(value)
	if n <= keep {
		return strconv.Quote(value)
	}
	cut, runes := value, 0
	for i := range value {
		if runes == keep {
			cut = value[:i]
			break
		}
		runes++
	}
	return strconv.Quote(cut) + "... (" + strconv.Itoa(n) + " characters)"
}

// Value renders value for a message, or [secret] when it came from a secret.
func Value(value string, secret bool) string {
	if secret {
		return Secret
	}
	return Show(value)
}
