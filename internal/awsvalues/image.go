package awsvalues

import (
	"regexp"
	"strings"
)

// dockerTag is the tag grammar of the distribution reference spec: 1-128 characters of
// [A-Za-z0-9_.-], not starting with '.' or '-' ('+' of SemVer build metadata is not allowed).
var dockerTag = regexp.MustCompile(`^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$`)

// ImageTag is the tag an agent version is pushed under: v<version>.
func ImageTag(version string) string { return "v" + version }

// ValidImageTag reports whether tag is a valid docker image tag.
func ValidImageTag(tag string) bool { return dockerTag.MatchString(tag) }

// ImageDigest is a content digest as a registry reports it: sha256:<64 lowercase hex digits>.
var ImageDigest = regexp.MustCompile(`^sha256:[a-f0-9]{64}$`)

// PinnedByDigest reports whether an image reference ends in @<ImageDigest>.
func PinnedByDigest(ref string) bool {
	at := strings.LastIndex(ref, "@")
	return at >= 0 && ImageDigest.MatchString(ref[at+1:])
}
