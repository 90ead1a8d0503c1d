package release

import (
	"strings"
	"testing"
)

func TestParseVersion(t *testing.T) {
	t.Parallel()
	valid := []string{"0.0.0", "1.4.2", "10.20.30", "1.0.0-alpha", "1.0.0-rc.1+build.7", "1.0.0+20130313144700", "1.0.0-0.3.7", "1.0.0-x-y-z.--"}
	for _, s := range valid {
		v, err := ParseVersion(s)
		if err != nil || v.String() != s {
			t.Errorf("ParseVersion(%q) = %v, %v; want it back unchanged", s, v, err)
		}
	}
	invalid := []struct{ in, errHas string }{
		{"v1.0.0", `has a "v" prefix`},
		{"V1.0.0", `has a "V" prefix`},
		{"1.0", "not SemVer 2.0.0"},
		{"01.0.0", "not SemVer 2.0.0"},
		{"1.0.0-01", "not SemVer 2.0.0"},
		{"1.0.0+", "not SemVer 2.0.0"},
		{" 1.0.0", "not SemVer 2.0.0"},
		{"", "not SemVer 2.0.0"},
		{"latest", "not SemVer 2.0.0"},
		{"18446744073709551616.0.0", "does not fit in 64 bits"},
	}
	for _, c := range invalid {
		if _, err := ParseVersion(c.in); err == nil || !strings.Contains(err.Error(), c.errHas) || !strings.Contains(err.Error(), c.in) {
			t.Errorf("ParseVersion(%q) error = %v; want one naming the value and containing %q", c.in, err, c.errHas)
		}
	}
}

func TestBumpVersion(t *testing.T) {
	t.Parallel()
	cases := []struct {
		from string
		part Part
		want string
	}{
		{"1.4.2", Patch, "1.4.3"},
		{"1.4.2", Minor, "1.5.0"},
		{"1.4.2", Major, "2.0.0"},
		{"1.4.2+build.1", Patch, "1.4.3"},
		{"1.4.2-rc.1", Patch, "1.4.2"},
		{"1.4.2-rc.1", Minor, "1.5.0"},
		{"1.4.0-rc.1", Minor, "1.4.0"},
		{"1.4.0-rc.1", Major, "2.0.0"},
		{"2.0.0-rc.1", Major, "2.0.0"},
	}
	for _, c := range cases {
		v, err := ParseVersion(c.from)
		if err != nil {
			t.Fatal(err)
		}
		got, err := v.Bump(c.part)
		if err != nil || got.String() != c.want {
			t.Errorf("%s bump %s = %v, %v; want %s", c.from, c.part, got, err, c.want)
		}
	}
}

func TestBumpRejectsOverflowAndUnknownPart(t *testing.T) {
	t.Parallel()
	v, err := ParseVersion("1.18446744073709551615.0")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := v.Bump(Minor); err == nil || !strings.Contains(err.Error(), "maximum") {
		t.Errorf("bumping a maximal minor: err = %v, want overflow error", err)
	}
	if _, err := v.Bump("micro"); err == nil || !strings.Contains(err.Error(), "major, minor, patch") {
		t.Errorf("bumping part micro: err = %v, want one listing the parts", err)
	}
}
