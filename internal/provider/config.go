package provider

import (
	"context"
	"fmt"

	p "github.com/pulumi/pulumi-go-provider"
	"github.com/pulumi/pulumi-go-provider/infer"
	"github.com/pulumi/pulumi/sdk/v3/go/property"

	"github.com/bidopsai/bidopsai-infra/internal/awsvalues"
)

// Config is the provider configuration. The Pulumi project is also named bidopsai, so the
// default provider receives every bidopsai:* stack key; keys other than region are ignored.
type Config struct {
	Region string `pulumi:"region,optional"`
}

// Annotate documents the configuration.
func (c *Config) Annotate(a infer.Annotator) {
	a.Describe(&c.Region, "AWS region of the AgentCore and Data Automation control planes. "+
		"Default: the AWS SDK default chain (AWS_REGION, then the shared config).")
}

// regionOf reads the region key of a configuration map ("" when absent or unknown).
func regionOf(m property.Map) string {
	v, ok := m.GetOk("region")
	if !ok {
		return ""
	}
	if !v.IsString() {
		return ""
	}
	return v.AsString()
}

// guardConfig wraps the inferred CheckConfig and DiffConfig so that only region is
// validated and diffed: a change to any other bidopsai:* key must not replace the provider
// (that would replace every runtime and project it manages).
func guardConfig(prov p.Provider) p.Provider {
	check := prov.CheckConfig
	prov.CheckConfig = func(ctx context.Context, req p.CheckRequest) (p.CheckResponse, error) {
		resp, err := check(ctx, req)
		if err != nil {
			return resp, err
		}
		if r := regionOf(req.Inputs); r != "" && !awsvalues.ValidRegion(r) {
			resp.Failures = append(resp.Failures, p.CheckFailure{Property: "region",
				Reason: fmt.Sprintf("region %q %s", r, awsvalues.RegionRule)})
		}
		return resp, nil
	}
	prov.DiffConfig = func(_ context.Context, req p.DiffRequest) (p.DiffResponse, error) {
		olds := req.OldInputs
		if olds.Len() == 0 {
			olds = req.State
		}
		if regionOf(olds) == regionOf(req.Inputs) {
			return p.DiffResponse{}, nil
		}
		return p.DiffResponse{HasChanges: true, DetailedDiff: map[string]p.PropertyDiff{
			"region": {Kind: p.UpdateReplace, InputDiff: true},
		}}, nil
	}
	return prov
}
