package policy

import (
	"fmt"
	"strings"
)

// Status is the outcome of one rule on one resource.
type Status int

// The four outcomes; the zero value is NotApplicable so an empty Finding claims nothing.
const (
	NotApplicable Status = iota
	Pass
	Fail
	Unknown
)

// String names the status for test output.
func (s Status) String() string {
	switch s {
	case Pass:
		return "pass"
	case Fail:
		return "fail"
	case Unknown:
		return "unknown"
	case NotApplicable:
		return "not applicable"
	}
	return "not applicable"
}

// Finding is what a check says about one resource.
type Finding struct {
	Status  Status
	Message string
	// Unwaivable marks failures no waiver may hide (a secret value stored in plaintext).
	Unwaivable bool
}

func pass() Finding { return Finding{Status: Pass} }

func na() Finding { return Finding{} }

func fail(format string, args ...any) Finding {
	return Finding{Status: Fail, Message: fmt.Sprintf(format, args...)}
}

// unknown names the input that is not known yet.
func unknown(path string) Finding {
	return Finding{Status: Unknown, Message: fmt.Sprintf("input %s is unknown until apply", path)}
}

// all combines the parts of one check: any failure fails (messages joined), else any unknown
// is unknown, else any pass passes; only not-applicable parts leave the whole not applicable.
func all(parts ...Finding) Finding {
	var fails, unknowns []string
	out := na()
	unwaivable := false
	for _, p := range parts {
		switch p.Status {
		case Fail:
			fails = append(fails, p.Message)
			unwaivable = unwaivable || p.Unwaivable
		case Unknown:
			unknowns = append(unknowns, p.Message)
		case Pass:
			out = pass()
		case NotApplicable:
		}
	}
	switch {
	case len(fails) > 0:
		return Finding{Status: Fail, Message: strings.Join(fails, "; "), Unwaivable: unwaivable}
	case len(unknowns) > 0:
		return Finding{Status: Unknown, Message: strings.Join(unknowns, "; ")}
	}
	return out
}
