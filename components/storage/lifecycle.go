package storage

import (
	"fmt"

	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/s3"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// abortMultipartDays cleans up abandoned multipart uploads on every bucket (SR-S3-8).
const abortMultipartDays = 7

// lifecycleSpec is a bucket's lifecycle; a zero field means "no such rule".
type lifecycleSpec struct {
	iaAfterDays     int // move current objects to STANDARD_IA
	expireAfterDays int // delete current objects
	noncurrentDays  int // delete overwritten or deleted versions
}

// lifecycleRules turns a spec into S3 rules, each over the whole bucket (empty filter).
func lifecycleRules(l lifecycleSpec) s3.BucketLifecycleConfigurationV2RuleArray {
	rule := func(id string) *s3.BucketLifecycleConfigurationV2RuleArgs {
		return &s3.BucketLifecycleConfigurationV2RuleArgs{
			Id:     pulumi.String(id),
			Status: pulumi.String("Enabled"),
			Filter: &s3.BucketLifecycleConfigurationV2RuleFilterArgs{},
		}
	}
	var rules s3.BucketLifecycleConfigurationV2RuleArray
	if l.iaAfterDays > 0 {
		r := rule("transition-to-standard-ia")
		r.Transitions = s3.BucketLifecycleConfigurationV2RuleTransitionArray{
			s3.BucketLifecycleConfigurationV2RuleTransitionArgs{
				Days: pulumi.Int(l.iaAfterDays), StorageClass: pulumi.String("STANDARD_IA"),
			},
		}
		rules = append(rules, r)
	}
	if l.expireAfterDays > 0 {
		r := rule("expire-objects")
		r.Expiration = &s3.BucketLifecycleConfigurationV2RuleExpirationArgs{Days: pulumi.Int(l.expireAfterDays)}
		rules = append(rules, r)
	}
	if l.noncurrentDays > 0 {
		r := rule("expire-noncurrent-versions")
		r.NoncurrentVersionExpiration = &s3.BucketLifecycleConfigurationV2RuleNoncurrentVersionExpirationArgs{
			NoncurrentDays: pulumi.Int(l.noncurrentDays),
		}
		rules = append(rules, r)
	}
	r := rule("abort-incomplete-multipart-uploads")
	r.AbortIncompleteMultipartUpload = &s3.BucketLifecycleConfigurationV2RuleAbortIncompleteMultipartUploadArgs{
		DaysAfterInitiation: pulumi.Int(abortMultipartDays),
	}
	return append(rules, r)
}

// lifecycle applies the bucket's rules after its versioning, so noncurrent rules see a versioned bucket.
func (b *builder) lifecycle(bk *bucket) error {
	var deps []pulumi.Resource
	if bk.versioning != nil {
		deps = append(deps, bk.versioning)
	}
	_, err := s3.NewBucketLifecycleConfigurationV2(b.ctx, bk.logical+"-lifecycle", &s3.BucketLifecycleConfigurationV2Args{
		Bucket: bk.res.ID(),
		Rules:  lifecycleRules(bk.spec.rules),
	}, b.opts(afterPAB(bk, deps...))...)
	if err != nil {
		return fmt.Errorf("lifecycle of %s: %w", bk.logical, err)
	}
	return nil
}
