// Command fakeaws runs the in-process AgentCore / Data Automation fake as a standalone server on
// a loopback address, so shell and end-to-end tests can point the provider binary at it with
// AWS_ENDPOINT_URL_BEDROCK_AGENTCORE_CONTROL and AWS_ENDPOINT_URL_BEDROCK_DATA_AUTOMATION.
// It prints "FAKEAWS_URL=<url>" on the first line of stdout once it is listening.
package main

import (
	"flag"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"github.com/bidopsai/bidopsai-infra/internal/fakeaws"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run(args []string) error {
	fs := flag.NewFlagSet("fakeaws", flag.ContinueOnError)
	addr := fs.String("addr", "127.0.0.1:0", "loopback host:port to listen on (port 0 picks a free one)")
	region := fs.String("region", "us-east-1", "region written into ARNs")
	account := fs.String("account", "123456789012", "account written into ARNs")
	createGets := fs.Int("create-gets", 2, "creates finish on this Get")
	updateGets := fs.Int("update-gets", 2, "updates finish on this Get")
	deleteGets := fs.Int("delete-gets", 1, "deletes finish on this Get")
	if err := fs.Parse(args); err != nil {
		return err
	}
	srv, err := fakeaws.Start(*addr, fakeaws.Options{Region: *region, Account: *account})
	if err != nil {
		return err
	}
	defer srv.Close()
	for _, kind := range []fakeaws.Kind{fakeaws.KindRuntime, fakeaws.KindProject} {
		for phase, gets := range map[fakeaws.Phase]int{
			fakeaws.PhaseCreate: *createGets, fakeaws.PhaseUpdate: *updateGets, fakeaws.PhaseDelete: *deleteGets,
		} {
			if err := srv.SetScript(kind, phase, fakeaws.Script{AfterGets: gets}); err != nil {
				return err
			}
		}
	}
	fmt.Printf("FAKEAWS_URL=%s\n", srv.URL())
	stop := make(chan os.Signal, 1)
	signal.Notify(stop, os.Interrupt, syscall.SIGTERM)
	<-stop
	return nil
}
