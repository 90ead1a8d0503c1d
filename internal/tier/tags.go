package tier

import (
	"fmt"
	"maps"
	"regexp"
	"slices"
	"unicode/utf8"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/bidopsai/bidopsai-infra/internal/awsvalues"
)

// ComponentTag is the tag that names the tier a resource belongs to.
const ComponentTag = "component"

// AccessTag is the tag on an agent's role and own policy naming its access (read-write |
// read-only): the policy rules find read-only and read/write roles by it, never by name.
const AccessTag = "bidopsai:access"

// The values of AccessTag (components/access.Level): what an agent's role may do with the data.
const (
	ReadWriteAccess = "read-write"
	ReadOnlyAccess  = "read-only"
)

// TagsFor returns extra merged with component=<tier>; the tier tag wins over a clashing extra tag.
func TagsFor(component string, extra map[string]string) pulumi.StringMap {
	out := pulumi.StringMap{}
	for k, v := range extra {
		out[k] = pulumi.String(v)
	}
	out[ComponentTag] = pulumi.String(component)
	return out
}

// allowed is the characters AWS allows in tags: letters, digits, spaces and _ . : / = + - @.
var allowed = regexp.MustCompile(`^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$`)

// CheckTags reports each extra tag AWS would refuse, and a set that with the tier's own component
// tag would exceed the per-resource maximum. Fields are named after field ("BucketsArgs.Tags"),
// in key order.
func CheckTags(field string, extra map[string]string, bad func(field string, value any, rule string)) {
	keyMax, valueMax, most := awsvalues.TagKeyMax, awsvalues.TagValueMax, awsvalues.TagsPerResource
	for _, k := range slices.Sorted(maps.Keys(extra)) {
		if n := utf8.RuneCountInString(k); n == 0 || n > keyMax || awsvalues.ReservedTag(k) || !allowed.MatchString(k) {
			bad(field+" key", k, fmt.Sprintf("must be 1-%d characters of letters, digits, spaces and _ . : / = + - @ and "+
				"not start with aws: (reserved)", keyMax))
		}
		if v := extra[k]; utf8.RuneCountInString(v) > valueMax || awsvalues.ReservedTag(v) || !allowed.MatchString(v) {
			bad(fmt.Sprintf("%s[%q]", field, k), v, fmt.Sprintf("must be at most %d characters of letters, digits, "+
				"spaces and _ . : / = + - @ and not start with aws: (reserved)", valueMax))
		}
	}
	n := len(extra)
	if _, ok := extra[ComponentTag]; !ok {
		n++ // the component tag every tier adds
	}
	if n > most {
		bad(field, fmt.Sprintf("%d tags", len(extra)), fmt.Sprintf("at most %d tags per resource, counting the %s tag "+
			"the project adds: at most %d here", most, ComponentTag, most-1))
	}
}
