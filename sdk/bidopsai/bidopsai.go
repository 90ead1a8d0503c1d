// Package bidopsai is the Pulumi program's typed client for the bidopsai provider
// (internal/provider, binary pulumi-resource-bidopsai): AgentCore runtimes and Bedrock Data
// Automation projects. It is written by hand: each constructor registers the resource with
// ctx.RegisterResource and returns typed outputs.
package bidopsai

import (
	"fmt"
	"reflect"
	"regexp"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// Type tokens the provider serves.
const (
	AgentRuntimeType          = "bidopsai:index:AgentRuntime"
	DataAutomationProjectType = "bidopsai:index:DataAutomationProject"
	ProviderType              = "pulumi:providers:bidopsai"
)

// Name rules checked before anything is registered (the provider checks them again).
var (
	runtimeNameRE = regexp.MustCompile(`^[a-zA-Z][a-zA-Z0-9_]{0,47}$`)
	projectNameRE = regexp.MustCompile(`^[a-zA-Z0-9_-]{1,128}$`)
)

// Provider is an explicit instance of the bidopsai provider.
type Provider struct {
	pulumi.ProviderResourceState
}

// ProviderArgs configure an explicit provider.
type ProviderArgs struct {
	// Region of the AgentCore and Data Automation APIs. Default: the AWS SDK default chain.
	Region pulumi.StringPtrInput `pulumi:"region"`
}

type providerArgs struct {
	Region *string `pulumi:"region"`
}

// ElementType implements pulumi.Input.
func (ProviderArgs) ElementType() reflect.Type { return reflect.TypeOf((*providerArgs)(nil)).Elem() }

// NewProvider registers an explicit bidopsai provider; pass it to resources with pulumi.Provider.
func NewProvider(ctx *pulumi.Context, name string, args *ProviderArgs, opts ...pulumi.ResourceOption) (*Provider, error) {
	if args == nil {
		args = &ProviderArgs{}
	}
	var prov Provider
	if err := ctx.RegisterResource(ProviderType, name, args, &prov, opts...); err != nil {
		return nil, fmt.Errorf("registering bidopsai provider %s: %w", name, err)
	}
	return &prov, nil
}

// knownString returns the value of a plain (not computed) string input.
func knownString(in pulumi.StringInput) (string, bool) {
	s, ok := in.(pulumi.String)
	return string(s), ok
}

func knownStringPtr(in pulumi.StringPtrInput) (string, bool) {
	if s, ok := in.(pulumi.String); ok {
		return string(s), true
	}
	return "", false
}
