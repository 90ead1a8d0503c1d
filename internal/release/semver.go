package release

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/bidopsai/bidopsai-infra/internal/awsvalues"
)

// Version is a SemVer 2.0.0 version; pre-release and build metadata are kept verbatim.
type Version struct {
	Major, Minor, Patch uint64
	Pre                 string // pre-release identifiers without the leading "-"
	Build               string // build metadata without the leading "+"
}

// ParseVersion parses a SemVer 2.0.0 version such as 1.4.2 or 2.0.0-rc.1. A leading "v" is an
// error: stack files hold bare versions and the image and git tags add the "v".
func ParseVersion(s string) (Version, error) {
	if strings.HasPrefix(s, "v") || strings.HasPrefix(s, "V") {
		return Version{}, fmt.Errorf("version %q has a %q prefix; write %q (SemVer 2.0.0 without a prefix)", s, s[:1], s[1:])
	}
	m := awsvalues.SemVer.FindStringSubmatch(s)
	if m == nil {
		return Version{}, fmt.Errorf("version %q is not SemVer 2.0.0: want MAJOR.MINOR.PATCH[-PRERELEASE][+BUILD], for example 1.4.2", s)
	}
	var nums [3]uint64
	for i := range nums {
		n, err := strconv.ParseUint(m[i+1], 10, 64)
		if err != nil {
			return Version{}, fmt.Errorf("version %q: %q does not fit in 64 bits", s, m[i+1])
		}
		nums[i] = n
	}
	return Version{Major: nums[0], Minor: nums[1], Patch: nums[2], Pre: m[4], Build: m[5]}, nil
}

// String formats v as SemVer 2.0.0.
func (v Version) String() string {
	s := fmt.Sprintf("%d.%d.%d", v.Major, v.Minor, v.Patch)
	if v.Pre != "" {
		s += "-" + v.Pre
	}
	if v.Build != "" {
		s += "+" + v.Build
	}
	return s
}

// Part is the part of a version to bump.
type Part string

// The parts a bump accepts.
const (
	Major Part = "major"
	Minor Part = "minor"
	Patch Part = "patch"
)

// ParsePart validates a part name.
func ParsePart(s string) (Part, error) {
	switch p := Part(s); p {
	case Major, Minor, Patch:
		return p, nil
	}
	return "", fmt.Errorf("part %q is not one of major, minor, patch", s)
}

// Bump returns the next version for part; the result has no pre-release or build metadata.
// A pre-release precedes its release, so as with `npm version`, bumping 2.0.0-rc.1 by
// major gives 2.0.0, and 1.3.0-rc.1 by minor gives 1.3.0.
func (v Version) Bump(p Part) (Version, error) {
	next := Version{Major: v.Major, Minor: v.Minor, Patch: v.Patch}
	pre := v.Pre != ""
	inc := func(n *uint64) error {
		if *n == math.MaxUint64 {
			return fmt.Errorf("cannot bump %s of %s: the %s number is at its maximum", p, v, p)
		}
		*n++
		return nil
	}
	var err error
	switch p {
	case Major:
		if !pre || v.Minor != 0 || v.Patch != 0 {
			err = inc(&next.Major)
		}
		next.Minor, next.Patch = 0, 0
	case Minor:
		if !pre || v.Patch != 0 {
			err = inc(&next.Minor)
		}
		next.Patch = 0
	case Patch:
		if !pre {
			err = inc(&next.Patch)
		}
	default:
		_, err = ParsePart(string(p))
	}
	if err != nil {
		return Version{}, err
	}
	return next, nil
}
