// Package provider is the bidopsai Pulumi provider: AgentCore runtimes
// (bidopsai:index:AgentRuntime) and Bedrock Data Automation projects
// (bidopsai:index:DataAutomationProject) as resources with real create, read, update and
// delete against the AWS control planes, waits with backoff, and drift detection.
package provider

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	p "github.com/pulumi/pulumi-go-provider"
	"github.com/pulumi/pulumi-go-provider/infer"
	"github.com/pulumi/pulumi/sdk/v3/go/common/tokens"
)

// Name is the Pulumi package name; Version is the provider's version; SDKImportPath is where
// the Go SDK generated from this provider's schema lives (sdk/, `make sdk`).
const (
	Name          = "bidopsai"
	Version       = "0.1.0"
	SDKImportPath = "github.com/bidopsai/bidopsai-infra/sdk/bidopsai"
)

// Type tokens infer derives from the resource types (module "provider" maps to "index").
const (
	AgentRuntimeType          = Name + ":index:AgentRuntime"
	DataAutomationProjectType = Name + ":index:DataAutomationProject"
)

// Default wait budgets, used when the program sets no custom timeouts.
const (
	DefaultCreateTimeout   = 30 * time.Minute
	DefaultUpdateTimeout   = 30 * time.Minute
	DefaultDeleteTimeout   = 20 * time.Minute
	DefaultRolePropagation = 2 * time.Minute
)

// Options inject the provider's collaborators; the zero value is production behaviour.
type Options struct {
	Clock Clock    // time source of waits; nil is the wall clock
	Poll  Schedule // polling backoff; zero is DefaultSchedule
	// RolePropagation bounds the retry of "role cannot be assumed yet"; zero is 2 minutes.
	RolePropagation time.Duration
	// AWSConfig builds the SDK configuration for a region ("" = default chain); nil is
	// DefaultAWSConfig, which honours AWS_ENDPOINT_URL_<SERVICE> overrides.
	AWSConfig func(ctx context.Context, region string) (aws.Config, error)
	// Progress receives waiting messages; nil sends them to the provider logger as status.
	Progress func(ctx context.Context, msg string)
}

// deps is what every resource shares: collaborators and the per-region client cache.
type deps struct {
	clock           Clock
	poll            Schedule
	rolePropagation time.Duration
	awsConfig       func(ctx context.Context, region string) (aws.Config, error)
	progress        func(ctx context.Context, msg string)

	mu      sync.Mutex
	clients map[string]*clients
}

func newDeps(o Options) *deps {
	d := &deps{clock: o.Clock, poll: o.Poll, rolePropagation: o.RolePropagation,
		awsConfig: o.AWSConfig, progress: o.Progress, clients: map[string]*clients{}}
	if d.clock == nil {
		d.clock = realClock{}
	}
	if !d.poll.valid() {
		d.poll = DefaultSchedule
	}
	if d.rolePropagation <= 0 {
		d.rolePropagation = DefaultRolePropagation
	}
	if d.awsConfig == nil {
		d.awsConfig = DefaultAWSConfig
	}
	if d.progress == nil {
		d.progress = func(ctx context.Context, msg string) { p.GetLogger(ctx).InfoStatus(msg) }
	}
	return d
}

// New builds the provider with its two resources and its configuration.
func New(o Options) (p.Provider, error) {
	d := newDeps(o)
	prov, err := infer.NewProviderBuilder().
		WithDisplayName("bidopsai").
		WithDescription("AgentCore runtimes and Bedrock Data Automation projects for BidOps AI.").
		WithNamespace("bidopsai").
		WithGoImportPath(SDKImportPath).
		WithConfig(infer.Config(Config{})).
		WithResources(
			infer.Resource(&AgentRuntime{d: d}),
			infer.Resource(&DataAutomationProject{d: d}),
		).
		WithModuleMap(map[tokens.ModuleName]tokens.ModuleName{"provider": "index"}).
		Build()
	if err != nil {
		return p.Provider{}, fmt.Errorf("building the bidopsai provider: %w", err)
	}
	return withURN(guardConfig(prov)), nil
}
