// Command sdkgen regenerates the bidopsai provider's schema and Go SDK (sdk/schema.json,
// sdk/bidopsai) from internal/provider. Run it through `make sdk` (go generate ./sdk/...).
package main

import (
	"context"
	"flag"
	"fmt"
	"os"

	"github.com/bidopsai/bidopsai-infra/internal/sdkgen"
)

func main() {
	dir := flag.String("dir", ".", "the SDK directory (sdk/) to write into")
	flag.Parse()
	files, err := sdkgen.Files(context.Background())
	if err == nil {
		err = sdkgen.Write(*dir, files)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "sdkgen: %v\n", err)
		os.Exit(1)
	}
}
