// Package protect holds the resource options for stateful resources (buckets, repositories, user
// pools, secrets, log groups, keys): protected against `pulumi destroy` and retained in AWS if
// removed from the program, when the stack's `bidopsai:protect` is true.
package protect

import "github.com/pulumi/pulumi/sdk/v3/go/pulumi"

// Stateful returns Protect and RetainOnDelete set to on.
func Stateful(on bool) pulumi.ResourceOption {
	return pulumi.Composite(pulumi.Protect(on), pulumi.RetainOnDelete(on))
}
