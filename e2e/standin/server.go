package main

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource/plugin"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/protobuf/types/known/emptypb"
	"google.golang.org/protobuf/types/known/structpb"

	"github.com/bidopsai/bidopsai-infra/internal/mock"
)

const (
	dirEnv     = "BIDOPSAI_STANDIN_DIR"
	latencyEnv = "BIDOPSAI_STANDIN_LATENCY"
)

// versions is "aws=6.83.4,docker=4.10.0,..." from the linker (-X main.versions=...): the
// packages this binary stands in for, with the versions go.mod pins (mk/e2e.mk sets it).
var versions string

// packageVersions parses versions.
func packageVersions() map[string]string {
	out := map[string]string{}
	for _, kv := range strings.Split(versions, ",") {
		if name, ver, ok := strings.Cut(kv, "="); ok && name != "" {
			out[name] = ver
		}
	}
	return out
}

func knownPackages() []string { return slices.Sorted(maps.Keys(packageVersions())) }

// server is one stand-in provider process. The engine starts one per provider instance.
type server struct {
	pulumirpc.UnimplementedResourceProviderServer

	pkg     string
	store   *store
	latency latency

	mu     sync.Mutex
	region string
}

func newServer(pkg, dir, latencySpec string) (*server, error) {
	if dir == "" {
		return nil, fmt.Errorf("%s is not set: the stand-in keeps its call log and live resources there", dirEnv)
	}
	lat, err := parseLatency(latencySpec)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", latencyEnv, err)
	}
	st, err := openStore(dir)
	if err != nil {
		return nil, err
	}
	return &server{pkg: pkg, store: st, latency: lat, region: "us-east-1"}, nil
}

var marshalOpts = plugin.MarshalOptions{KeepUnknowns: true, KeepSecrets: true, KeepResources: true}

func unmarshal(s *structpb.Struct) (resource.PropertyMap, error) {
	return plugin.UnmarshalProperties(s, marshalOpts)
}

func marshal(m resource.PropertyMap) (*structpb.Struct, error) {
	return plugin.MarshalProperties(m, marshalOpts)
}

func (s *server) GetPluginInfo(context.Context, *emptypb.Empty) (*pulumirpc.PluginInfo, error) {
	return &pulumirpc.PluginInfo{Version: packageVersions()[s.pkg]}, nil
}

func (s *server) GetSchema(context.Context, *pulumirpc.GetSchemaRequest) (*pulumirpc.GetSchemaResponse, error) {
	return &pulumirpc.GetSchemaResponse{Schema: fmt.Sprintf(`{"name":%q}`, s.pkg)}, nil
}

func (s *server) CheckConfig(_ context.Context, req *pulumirpc.CheckRequest) (*pulumirpc.CheckResponse, error) {
	return &pulumirpc.CheckResponse{Inputs: req.GetNews()}, nil
}

func (s *server) DiffConfig(context.Context, *pulumirpc.DiffRequest) (*pulumirpc.DiffResponse, error) {
	return &pulumirpc.DiffResponse{Changes: pulumirpc.DiffResponse_DIFF_NONE}, nil
}

// Configure remembers the region (aws) that outputs are made for.
func (s *server) Configure(_ context.Context, req *pulumirpc.ConfigureRequest) (*pulumirpc.ConfigureResponse, error) {
	region := ""
	if args := req.GetArgs(); args != nil {
		if v, ok := args.GetFields()["region"]; ok && v.GetStringValue() != "" {
			region = v.GetStringValue()
		}
	}
	if region != "" {
		s.mu.Lock()
		s.region = region
		s.mu.Unlock()
	}
	// No preview support: in a preview the engine itself marks every output unknown.
	return &pulumirpc.ConfigureResponse{AcceptSecrets: true, AcceptResources: true}, nil
}

func (s *server) currentRegion() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.region
}

func (s *server) Invoke(_ context.Context, req *pulumirpc.InvokeRequest) (*pulumirpc.InvokeResponse, error) {
	args, err := unmarshal(req.GetArgs())
	if err != nil {
		return nil, err
	}
	s.store.log(call{Method: "Invoke", Token: req.GetTok(), Inputs: args})
	ret, err := marshal(mock.Invoke(s.currentRegion(), req.GetTok(), args))
	if err != nil {
		return nil, err
	}
	return &pulumirpc.InvokeResponse{Return: ret}, nil
}

// Check accepts the inputs as they are: validation is the program's and the policy pack's job.
func (s *server) Check(_ context.Context, req *pulumirpc.CheckRequest) (*pulumirpc.CheckResponse, error) {
	s.store.log(call{Method: "Check", URN: req.GetUrn(), Type: resource.URN(req.GetUrn()).Type().String()})
	return &pulumirpc.CheckResponse{Inputs: req.GetNews()}, nil
}

// Diff names every changed input; a change to one AWS cannot make in place is a replacement.
func (s *server) Diff(_ context.Context, req *pulumirpc.DiffRequest) (*pulumirpc.DiffResponse, error) {
	olds, err := unmarshal(req.GetOldInputs())
	if err != nil {
		return nil, err
	}
	news, err := unmarshal(req.GetNews())
	if err != nil {
		return nil, err
	}
	typ := resource.URN(req.GetUrn()).Type().String()
	changed, replaced := diffInputs(typ, olds, news)
	s.store.log(call{Method: "Diff", URN: req.GetUrn(), Type: typ, Changed: changed, Replaced: replaced})
	if len(changed) == 0 {
		return &pulumirpc.DiffResponse{Changes: pulumirpc.DiffResponse_DIFF_NONE}, nil
	}
	return &pulumirpc.DiffResponse{Changes: pulumirpc.DiffResponse_DIFF_SOME, Diffs: changed, Replaces: replaced}, nil
}

func (s *server) Create(_ context.Context, req *pulumirpc.CreateRequest) (*pulumirpc.CreateResponse, error) {
	urn, typ := req.GetUrn(), resource.URN(req.GetUrn()).Type().String()
	inputs, err := unmarshal(req.GetProperties())
	if err != nil {
		return nil, err
	}
	start := s.wait(typ)
	id, state := mock.Outputs(s.currentRegion(), urn, typ, inputs)
	if err := s.store.put(live{URN: urn, Type: typ, ID: id, State: state}); err != nil {
		return nil, err
	}
	s.store.log(call{Method: "Create", URN: urn, Type: typ, ID: id, Inputs: inputs, Start: start, End: time.Now()})
	props, err := marshal(state)
	if err != nil {
		return nil, err
	}
	return &pulumirpc.CreateResponse{Id: id, Properties: props}, nil
}

// Read reports the resource unchanged while the stand-in holds it, and gone (no id) once it
// was deleted behind the engine's back. Echoing the engine's state keeps its secrets secret.
func (s *server) Read(_ context.Context, req *pulumirpc.ReadRequest) (*pulumirpc.ReadResponse, error) {
	urn := req.GetUrn()
	s.store.log(call{Method: "Read", URN: urn, Type: resource.URN(urn).Type().String(), ID: req.GetId()})
	l, ok, err := s.store.get(urn)
	if err != nil || !ok || l.ID != req.GetId() {
		return &pulumirpc.ReadResponse{}, err
	}
	return &pulumirpc.ReadResponse{Id: l.ID, Properties: req.GetProperties(), Inputs: req.GetInputs()}, nil
}

func (s *server) Update(_ context.Context, req *pulumirpc.UpdateRequest) (*pulumirpc.UpdateResponse, error) {
	urn, typ := req.GetUrn(), resource.URN(req.GetUrn()).Type().String()
	news, err := unmarshal(req.GetNews())
	if err != nil {
		return nil, err
	}
	start := s.wait(typ)
	_, state := mock.Outputs(s.currentRegion(), urn, typ, news)
	if err := s.store.put(live{URN: urn, Type: typ, ID: req.GetId(), State: state}); err != nil {
		return nil, err
	}
	s.store.log(call{Method: "Update", URN: urn, Type: typ, ID: req.GetId(), Inputs: news, Start: start, End: time.Now()})
	props, err := marshal(state)
	if err != nil {
		return nil, err
	}
	return &pulumirpc.UpdateResponse{Properties: props}, nil
}

func (s *server) Delete(_ context.Context, req *pulumirpc.DeleteRequest) (*emptypb.Empty, error) {
	urn, typ := req.GetUrn(), resource.URN(req.GetUrn()).Type().String()
	start := s.wait(typ)
	s.store.log(call{Method: "Delete", URN: urn, Type: typ, ID: req.GetId(), Start: start, End: time.Now()})
	return &emptypb.Empty{}, s.store.remove(urn)
}

// wait sleeps for the latency configured for typ, standing in for the cloud's own time, and
// returns when the operation started.
func (s *server) wait(typ string) time.Time {
	start := time.Now()
	if d := s.latency.of(typ); d > 0 {
		time.Sleep(d)
	}
	return start
}
