// Command pulumi-resource-bidopsai is the bidopsai Pulumi provider plugin. The Pulumi engine
// starts it; point it at a fake control plane with AWS_ENDPOINT_URL_BEDROCK_AGENTCORE_CONTROL
// and AWS_ENDPOINT_URL_BEDROCK_DATA_AUTOMATION.
package main

import (
	"context"
	"fmt"
	"os"

	"github.com/bidopsai/bidopsai-infra/internal/provider"
)

func main() {
	prov, err := provider.New(provider.Options{})
	if err == nil {
		err = prov.Run(context.Background(), provider.Name, provider.Version)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "pulumi-resource-bidopsai: %v\n", err)
		os.Exit(1)
	}
}
