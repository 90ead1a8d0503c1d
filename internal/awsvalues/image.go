package awsvalues

import "regexp"

// dockerTag is the tag grammar of the distribution reference spec: 1-128 characters of
// [A-Za-z0-9_.-], not starting with '.' or '-' ('+' of SemVer build metadata is not allowed).
var dockerTag = regexp.MustCompile(`^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$`)

// ImageTag is the tag an agent version is pushed under: v<version>.
func ImageTag(version string) string { return "v" + version }

// ValidImageTag reports whether tag is a valid docker image tag.
func ValidImageTag(tag string) bool { return dockerTag.MatchString(tag) }
