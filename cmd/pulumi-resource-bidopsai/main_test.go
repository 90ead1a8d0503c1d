package main_test

import (
	"bufio"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource/plugin"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/protobuf/types/known/structpb"

	"github.com/bidopsai/bidopsai-infra/internal/fakeaws"
	"github.com/bidopsai/bidopsai-infra/internal/testbin"
)

// The real binary, pointed at the fake with environment only, as the engine would run it.
func TestBinaryReachesTheFakeThroughEnvironmentOnly(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the provider binary")
	}
	bin := testbin.Build(t, "pulumi-resource-bidopsai")
	fake := fakeaws.New(fakeaws.Options{})
	t.Cleanup(fake.Close)
	cmd := exec.CommandContext(t.Context(), bin)
	cmd.Env = append(os.Environ(), fake.Env()...)
	cmd.Env = append(cmd.Env, "AWS_CONFIG_FILE="+filepath.Join(t.TempDir(), "none"), "AWS_SHARED_CREDENTIALS_FILE="+filepath.Join(t.TempDir(), "none"))
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	port, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil {
		t.Fatalf("reading the plugin's port: %v", err)
	}
	conn, err := grpc.NewClient("127.0.0.1:"+strings.TrimSpace(port), grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = conn.Close() })
	prov := pulumirpc.NewResourceProviderClient(conn)
	ctx, cancel := context.WithTimeout(t.Context(), time.Minute)
	defer cancel()

	cfg := marshal(t, resource.PropertyMap{"environment": resource.NewProperty("dev"), "ecr": resource.NewProperty(`{"keepTaggedImages":10}`)})
	if _, err := prov.Configure(ctx, &pulumirpc.ConfigureRequest{Args: cfg, AcceptSecrets: true}); err != nil {
		t.Fatalf("Configure with foreign stack keys: %v", err)
	}
	urn := "urn:pulumi:dev::bidopsai::bidopsai:index:AgentRuntime::workflow"
	checked, err := prov.Check(ctx, &pulumirpc.CheckRequest{Urn: urn, Olds: marshal(t, nil), News: marshal(t, resource.PropertyMap{
		"agentRuntimeName": resource.NewProperty("bidopsai_dev_workflow"),
		"containerUri":     resource.NewProperty("123456789012.dkr.ecr.us-east-1.amazonaws.com/w@sha256:" + strings.Repeat("a", 64)),
		"roleArn":          resource.NewProperty("arn:aws:iam::123456789012:role/w"),
	})})
	if err != nil || len(checked.GetFailures()) > 0 {
		t.Fatalf("Check: %v %v", err, checked.GetFailures())
	}
	created, err := prov.Create(ctx, &pulumirpc.CreateRequest{Urn: urn, Properties: checked.GetInputs()})
	if err != nil {
		t.Fatalf("Create: %v", err)
	}
	if _, err := prov.Delete(ctx, &pulumirpc.DeleteRequest{Id: created.GetId(), Urn: urn, Properties: created.GetProperties()}); err != nil {
		t.Fatalf("Delete: %v", err)
	}
	if fake.Count("CreateAgentRuntime") != 1 || fake.Count("DeleteAgentRuntime") != 1 || len(fake.Runtimes()) != 0 {
		t.Fatalf("fake saw %+v", fake.Calls())
	}
}

func marshal(t *testing.T, m resource.PropertyMap) *structpb.Struct {
	t.Helper()
	s, err := plugin.MarshalProperties(m, plugin.MarshalOptions{KeepUnknowns: true, KeepSecrets: true})
	if err != nil {
		t.Fatal(err)
	}
	return s
}
