// Package policy is the security and reliability gate: every SR-… rule of
// shared/reference/security-rules.md that applies to a resource this program creates, written
// once as a Go validator over one inventory.Resource and used in three places: the offline plan
// (Evaluate, Report), the policy pack binary (cmd/bidopsai-policy, through Pack) and the tests.
//
// Enforcement per environment is M (mandatory), A (advisory) or X (not applied), exactly as the
// rules file's tables say; staging uses the prod column unless the file says otherwise. An
// environment name other than dev or staging is treated as prod, the strictest.
//
// A check returns one Finding per resource: pass, fail (with a message), unknown (an input the
// check reads is "[unknown]", as during preview) or not applicable. Failures and unknowns become
// inventory.Violation values whose Level is one of:
//
//   - "mandatory": a rule that is M in this environment fails; the gate fails.
//   - "advisory":  a rule that is A in this environment fails; reported and scored, never fatal.
//   - "unknown":   a rule that is M or A here could not be decided because an input is not known
//     yet; the message names the input and the level the rule has. It is never counted as a pass
//     and never fails the gate (the same inputs are known, and checked, during `pulumi up`).
//
// Waivers live in waivers.go only: a waived finding is not a violation and is listed by Report.
package policy
