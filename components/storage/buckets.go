// Package storage is the storage tier: the project-documents, artifacts, processed-documents and
// access-logs buckets, each locked down (no public access, no ACLs, TLS only, encrypted) with
// lifecycle rules, and versioning, server access logging and browser CORS where they apply.
package storage

import (
	"fmt"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/bidopsai/bidopsai-infra/internal/tier"
)

// TypeToken is the component's type; renaming it needs pulumi.Aliases.
const TypeToken = "bidopsai:storage:Buckets"

// component is the value of the tier's cost-allocation tag.
const component = "storage"

// Buckets is the storage tier. Other tiers use only its outputs.
type Buckets struct {
	pulumi.ResourceState

	// DocumentsBucketName is the project-documents bucket's name.
	DocumentsBucketName pulumi.StringOutput `pulumi:"documentsBucketName"`
	// DocumentsBucketArn is the project-documents bucket's ARN.
	DocumentsBucketArn pulumi.StringOutput `pulumi:"documentsBucketArn"`
	// ArtifactsBucketName is the artifacts bucket's name.
	ArtifactsBucketName pulumi.StringOutput `pulumi:"artifactsBucketName"`
	// ArtifactsBucketArn is the artifacts bucket's ARN.
	ArtifactsBucketArn pulumi.StringOutput `pulumi:"artifactsBucketArn"`
	// ProcessedBucketName is the processed-documents bucket's name.
	ProcessedBucketName pulumi.StringOutput `pulumi:"processedBucketName"`
	// ProcessedBucketArn is the processed-documents bucket's ARN.
	ProcessedBucketArn pulumi.StringOutput `pulumi:"processedBucketArn"`
	// AccessLogsBucketName is the server-access-logs bucket's name.
	AccessLogsBucketName pulumi.StringOutput `pulumi:"accessLogsBucketName"`
	// AccessLogsBucketArn is the server-access-logs bucket's ARN.
	AccessLogsBucketArn pulumi.StringOutput `pulumi:"accessLogsBucketArn"`
}

// NewBuckets creates the four buckets and their settings. Invalid args create nothing.
func NewBuckets(ctx *pulumi.Context, name string, args *BucketsArgs, opts ...pulumi.ResourceOption) (*Buckets, error) {
	if err := args.Validate(name); err != nil {
		return nil, err
	}
	c := &Buckets{}
	if err := ctx.RegisterComponentResource(TypeToken, name, c, opts...); err != nil {
		return nil, fmt.Errorf("storage %q: register component: %w", name, err)
	}
	b := &builder{ctx: ctx, parent: c, name: name, args: args}
	logs, sources, err := b.build()
	if err != nil {
		return nil, fmt.Errorf("storage %q: %w", name, err)
	}
	by := map[string]*bucket{}
	for _, sb := range sources {
		by[sb.spec.suffix] = sb
	}
	docs, artifacts, processed := by[suffixDocuments], by[suffixArtifacts], by[suffixProcessed]
	c.DocumentsBucketName, c.DocumentsBucketArn = docs.res.Bucket, docs.res.Arn
	c.ArtifactsBucketName, c.ArtifactsBucketArn = artifacts.res.Bucket, artifacts.res.Arn
	c.ProcessedBucketName, c.ProcessedBucketArn = processed.res.Bucket, processed.res.Arn
	c.AccessLogsBucketName, c.AccessLogsBucketArn = logs.res.Bucket, logs.res.Arn
	if err := tier.RegisterOutputs(ctx, c); err != nil {
		return nil, fmt.Errorf("storage %q: register outputs: %w", name, err)
	}
	return c, nil
}

// build creates the logs bucket first (the others log into it), then the three source buckets,
// then the settings that join them. It returns the logs bucket and documents, artifacts, processed.
func (b *builder) build() (*bucket, []*bucket, error) {
	logs, err := b.bucket(accessLogsSpec(b.args))
	if err != nil {
		return nil, nil, err
	}
	var sources []*bucket
	for _, s := range sourceSpecs(b.args) {
		sb, err := b.bucket(s)
		if err != nil {
			return nil, nil, err
		}
		sources = append(sources, sb)
	}
	if err := b.logsPolicy(logs, sources); err != nil {
		return nil, nil, err
	}
	for _, sb := range sources {
		if err := b.tlsPolicy(sb); err != nil {
			return nil, nil, err
		}
		if err := b.logging(sb, logs); err != nil {
			return nil, nil, err
		}
		if err := b.cors(sb); err != nil {
			return nil, nil, err
		}
	}
	for _, bk := range append([]*bucket{logs}, sources...) {
		if err := b.lifecycle(bk); err != nil {
			return nil, nil, err
		}
	}
	return logs, sources, nil
}
