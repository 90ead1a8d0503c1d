package awsvalues

// The request limits and formats of the two control planes the
// bidopsai provider drives (bedrock-agentcore-control and bedrock-data-automation). The
// provider's Check and the fake AWS both call these functions, so what the preview refuses
// and what the fake service refuses cannot drift apart.
//
// Source of every number and pattern, unless a comment says otherwise: botocore's service
// models (github.com/boto/botocore, commit 0e6e2404, 2026-08-07),
// data/bedrock-agentcore-control/2023-06-05/service-2.json ("AC model" below) and
// data/bedrock-data-automation/2023-07-26/service-2.json ("BDA model"). The Go SDK modules
// the project pins (bedrockagentcorecontrol v1.79.0, bedrockdataautomation v1.13.0) carry
// only required-member checks (validators.go), not lengths or patterns.

import (
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"
)

// lengthProblem says why s is outside [lo, hi] characters, or "".
func lengthProblem(s string, lo, hi int) string {
	n := utf8.RuneCountInString(s)
	switch {
	case n < lo && lo == 1:
		return "must not be empty"
	case n < lo:
		return fmt.Sprintf("must be at least %d characters, got %d", lo, n)
	case n > hi:
		return fmt.Sprintf("must be at most %d characters, got %d", hi, n)
	}
	return ""
}

// enumProblem says why v is not one of allowed, or "".
func enumProblem(v string, allowed []string) string {
	if slices.Contains(allowed, v) {
		return ""
	}
	return fmt.Sprintf("%q must be one of %s", v, strings.Join(allowed, ", "))
}

// ClientToken is the idempotency token of create and update requests: 33-256 characters,
// letters and digits with single or repeated hyphens between them (AC model and BDA model,
// shape ClientToken, identical in both).
var (
	clientTokenRE = regexp.MustCompile(`^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,256}$`)
	clientTokenLo = 33
	clientTokenHi = 256
)

// ClientTokenProblem says why token is not a valid client token, or "".
func ClientTokenProblem(token string) string {
	if p := lengthProblem(token, clientTokenLo, clientTokenHi); p != "" {
		return p
	}
	if !clientTokenRE.MatchString(token) {
		return "must be letters and digits, optionally joined by hyphens"
	}
	return ""
}

// TagRules are one service's tag limits.
type TagRules struct {
	MaxTags int
	// Pattern, when set, is what keys and values may contain.
	Pattern *regexp.Regexp
}

// AWS tag limits, the same for every service this project tags (AWS "Tag restrictions"; AC and
// BDA models, TagKey / TagValue): keys 1-128 and values 0-256 characters, at most 50 user tags
// per resource where a service sets no other maximum; the aws: prefix, in any case, is reserved
// by AWS on keys and values.
const (
	TagKeyMax       = 128
	TagValueMax     = 256
	TagsPerResource = 50
)

// ReservedTag reports whether a tag key or value starts with the reserved aws: prefix.
func ReservedTag(s string) bool { return strings.HasPrefix(strings.ToLower(s), "aws:") }

var (
	// AgentCoreTags are AgentCore's rules: at most 50 tags, keys and values of letters, digits, spaces and
	// _ . : / = + @ - (AC model: TagsMap max 50, TagKey/TagValue pattern).
	AgentCoreTags = TagRules{MaxTags: TagsPerResource, Pattern: regexp.MustCompile(`^[a-zA-Z0-9\s._:/=+@-]*$`)}
	// DataAutomationTags are Data Automation's rules: at most 200 tags, no character pattern (BDA model: TagList max 200).
	DataAutomationTags = TagRules{MaxTags: 200}
)

// Problems lists why tags break the rules, keys in sorted order; reserved counts tags the
// caller adds itself on top of these (they share the service's maximum).
func (r TagRules) Problems(tags map[string]string, reserved int) []string {
	var out []string
	if limit := r.MaxTags - reserved; len(tags) > limit {
		out = append(out, fmt.Sprintf("at most %d tags are allowed, got %d", limit, len(tags)))
	}
	for _, k := range slices.Sorted(maps.Keys(tags)) {
		if p := lengthProblem(k, 1, TagKeyMax); p != "" {
			out = append(out, fmt.Sprintf("tag key %q %s", k, p))
		} else if ReservedTag(k) {
			out = append(out, fmt.Sprintf("tag key %q must not start with aws: (reserved by AWS)", k))
		} else if r.Pattern != nil && !r.Pattern.MatchString(k) {
			out = append(out, fmt.Sprintf("tag key %q may hold only letters, digits, spaces and _.:/=+@-", k))
		}
		v := tags[k]
		if p := lengthProblem(v, 0, TagValueMax); p != "" {
			out = append(out, fmt.Sprintf("tag %q value %s", k, p))
		} else if r.Pattern != nil && !r.Pattern.MatchString(v) {
			out = append(out, fmt.Sprintf("tag %q value may hold only letters, digits, spaces and _.:/=+@-", k))
		}
	}
	return out
}
