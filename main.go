// Command bidopsai-infra is the Pulumi program; everything lives in internal/stack.
package main

import (
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/bidopsai/bidopsai-infra/internal/stack"
)

func main() {
	pulumi.Run(stack.Program)
}
