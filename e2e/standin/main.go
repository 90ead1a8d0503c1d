// Command standin is a stand-in resource-provider plugin for the e2e tests only: the aws, docker
// and random plugins cannot be downloaded here, so `make e2e-plugins` builds this binary into
// build/e2e-plugins/ under each of their names (pulumi-resource-aws, ...). It speaks the real
// plugin protocol; its outputs come from internal/mock, the table the offline plan uses.
//
// Environment: BIDOPSAI_STANDIN_DIR (required: the call log and the live resources are kept
// there), BIDOPSAI_STANDIN_LATENCY (optional, e.g. "docker:index/image:Image=10s,*=1s").
package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/provider"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

const binaryPrefix = "pulumi-resource-"

func main() {
	pkg := strings.TrimPrefix(filepath.Base(os.Args[0]), binaryPrefix)
	if err := run(pkg); err != nil {
		fmt.Fprintf(os.Stderr, "%s%s (e2e stand-in): %v\n", binaryPrefix, pkg, err)
		os.Exit(1)
	}
}

func run(pkg string) error {
	if _, ok := packageVersions()[pkg]; !ok {
		return fmt.Errorf("unknown package %q: install this binary as %s<one of %s> (make e2e-plugins)",
			pkg, binaryPrefix, strings.Join(knownPackages(), "|"))
	}
	srv, err := newServer(pkg, os.Getenv(dirEnv), os.Getenv(latencyEnv))
	if err != nil {
		return err
	}
	return provider.Main(pkg, func(*provider.HostClient) (pulumirpc.ResourceProviderServer, error) {
		return srv, nil
	})
}
