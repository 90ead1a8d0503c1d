// Package tags builds the per-tier tag set. Stack-wide tags (project, environment, managed-by) come
// from the AWS provider's default tags in the stack file; each tier adds only its `component` tag,
// so cost reports split by tier.
package tags

import "github.com/pulumi/pulumi/sdk/v3/go/pulumi"

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
