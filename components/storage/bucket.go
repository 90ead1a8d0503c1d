package storage

import (
	"fmt"

	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/s3"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/bidopsai/bidopsai-infra/internal/tier"
)

// builder carries what every child needs: the context, the parent, the name and the args.
type builder struct {
	ctx    *pulumi.Context
	parent pulumi.Resource
	name   string
	args   *BucketsArgs
}

// bucket is one bucket and the children that later children must wait for.
type bucket struct {
	spec       spec
	logical    string
	res        *s3.BucketV2
	pab        *s3.BucketPublicAccessBlock
	versioning *s3.BucketVersioningV2 // nil when the bucket is not versioned
	policy     *s3.BucketPolicy       // set once the policy exists
}

// opts are the options of a child: parented to the component, plus extra.
func (b *builder) opts(extra ...pulumi.ResourceOption) []pulumi.ResourceOption {
	return append([]pulumi.ResourceOption{pulumi.Parent(b.parent)}, extra...)
}

// afterPAB orders a bucket setting after the public access block: S3 rejects concurrent
// bucket-configuration calls, and a policy put before the block can be refused.
func afterPAB(bk *bucket, more ...pulumi.Resource) pulumi.ResourceOption {
	return pulumi.DependsOn(append([]pulumi.Resource{bk.pab}, more...))
}

// bucket creates the bucket with its public access block, ownership controls, default
// encryption and (per spec) versioning.
func (b *builder) bucket(s spec) (*bucket, error) {
	bk := &bucket{spec: s, logical: b.name + s.suffix}
	var err error
	bk.res, err = s3.NewBucketV2(b.ctx, bk.logical, &s3.BucketV2Args{
		ForceDestroy: pulumi.Bool(b.args.ForceDestroy),
		Tags:         tier.TagsFor(component, b.args.Tags),
	}, b.opts(tier.Stateful(b.args.Protect))...)
	if err != nil {
		return nil, fmt.Errorf("bucket %s: %w", bk.logical, err)
	}
	bk.pab, err = s3.NewBucketPublicAccessBlock(b.ctx, bk.logical+"-public-access", &s3.BucketPublicAccessBlockArgs{
		Bucket:                bk.res.ID(),
		BlockPublicAcls:       pulumi.Bool(true),
		BlockPublicPolicy:     pulumi.Bool(true),
		IgnorePublicAcls:      pulumi.Bool(true),
		RestrictPublicBuckets: pulumi.Bool(true),
	}, b.opts()...)
	if err != nil {
		return nil, fmt.Errorf("public access block of %s: %w", bk.logical, err)
	}
	_, err = s3.NewBucketOwnershipControls(b.ctx, bk.logical+"-ownership", &s3.BucketOwnershipControlsArgs{
		Bucket: bk.res.ID(),
		Rule:   &s3.BucketOwnershipControlsRuleArgs{ObjectOwnership: pulumi.String("BucketOwnerEnforced")},
	}, b.opts(afterPAB(bk))...)
	if err != nil {
		return nil, fmt.Errorf("ownership controls of %s: %w", bk.logical, err)
	}
	_, err = s3.NewBucketServerSideEncryptionConfigurationV2(b.ctx, bk.logical+"-encryption",
		&s3.BucketServerSideEncryptionConfigurationV2Args{
			Bucket: bk.res.ID(),
			Rules:  s3.BucketServerSideEncryptionConfigurationV2RuleArray{b.encryptionRule(s)},
		}, b.opts(afterPAB(bk))...)
	if err != nil {
		return nil, fmt.Errorf("encryption of %s: %w", bk.logical, err)
	}
	if s.versioned {
		bk.versioning, err = s3.NewBucketVersioningV2(b.ctx, bk.logical+"-versioning", &s3.BucketVersioningV2Args{
			Bucket:                  bk.res.ID(),
			VersioningConfiguration: &s3.BucketVersioningV2VersioningConfigurationArgs{Status: pulumi.String("Enabled")},
		}, b.opts(afterPAB(bk))...)
		if err != nil {
			return nil, fmt.Errorf("versioning of %s: %w", bk.logical, err)
		}
	}
	return bk, nil
}

// encryptionRule is SSE-KMS with bucket keys (fewer KMS calls) when the spec allows and a key is
// given, else SSE-S3.
func (b *builder) encryptionRule(s spec) s3.BucketServerSideEncryptionConfigurationV2RuleArgs {
	if s.kms && b.args.KMSKeyArn != nil {
		return s3.BucketServerSideEncryptionConfigurationV2RuleArgs{
			ApplyServerSideEncryptionByDefault: &s3.BucketServerSideEncryptionConfigurationV2RuleApplyServerSideEncryptionByDefaultArgs{
				SseAlgorithm:   pulumi.String("aws:kms"),
				KmsMasterKeyId: b.args.KMSKeyArn.ToStringOutput().ToStringPtrOutput(),
			},
			BucketKeyEnabled: pulumi.Bool(true),
		}
	}
	return s3.BucketServerSideEncryptionConfigurationV2RuleArgs{
		ApplyServerSideEncryptionByDefault: &s3.BucketServerSideEncryptionConfigurationV2RuleApplyServerSideEncryptionByDefaultArgs{
			SseAlgorithm: pulumi.String("AES256"),
		},
	}
}
