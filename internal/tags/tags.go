// Package tags builds the per-tier tag set. Stack-wide tags (project, environment, stack,
// managed-by) come from the AWS provider's default tags in the stack file, and are passed as extra
// tags to the bidopsai provider's resources, which default tags never reach; each tier adds its
// `component` tag, so cost reports split by tier.
package tags

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// Key is the tag that names the tier a resource belongs to.
const Key = "component"

// For returns extra merged with component=<tier>; the tier tag wins over a clashing extra tag.
func For(component string, extra map[string]string) pulumi.StringMap {
	out := pulumi.StringMap{}
	for k, v := range extra {
		out[k] = pulumi.String(v)
	}
	out[Key] = pulumi.String(component)
	return out
}

// Check reports each extra tag AWS would refuse: keys of 1-128 characters that do not start
// with the reserved "aws:" prefix, values of at most 256. Fields are named after field
// ("BucketsArgs.Tags"), in key order.
func Check(field string, extra map[string]string, bad func(field string, value any, rule string)) {
	for _, k := range slices.Sorted(maps.Keys(extra)) {
		if k == "" || len(k) > 128 || strings.HasPrefix(strings.ToLower(k), "aws:") {
			bad(field+" key", k, "must be 1-128 characters and not start with aws:")
		}
		if v := extra[k]; len(v) > 256 {
			bad(fmt.Sprintf("%s[%q]", field, k), v, "must be at most 256 characters")
		}
	}
}
