// Command bidopsai-policy is the project's Pulumi policy pack: the SR-… rules of internal/policy,
// enforced at the level bidopsai:environment gives them, for
// `pulumi preview --policy-pack <dir>` (see mk/policy.mk for the directory and the command).
package main

import (
	"fmt"
	"os"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/policyx"

	"github.com/bidopsai/bidopsai-infra/internal/policy"
)

func main() {
	if err := policyx.Main(policy.NewPack); err != nil {
		fmt.Fprintf(os.Stderr, "bidopsai-policy: %v\n", err)
		os.Exit(1)
	}
}
