package storage

import (
	"fmt"

	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/s3"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// logging sends a source bucket's server access logs to the logs bucket. It waits for the logs
// bucket's policy, which is what lets S3 deliver there (ACL grants are off).
func (b *builder) logging(bk, logs *bucket) error {
	if bk.spec.logPrefix == "" {
		return nil
	}
	_, err := s3.NewBucketLoggingV2(b.ctx, bk.logical+"-logging", &s3.BucketLoggingV2Args{
		Bucket:       bk.res.ID(),
		TargetBucket: logs.res.ID(),
		TargetPrefix: pulumi.String(bk.spec.logPrefix),
	}, b.opts(afterPAB(bk, logs.policy))...)
	if err != nil {
		return fmt.Errorf("access logging of %s: %w", bk.logical, err)
	}
	return nil
}

// cors lets the configured browser origins use presigned URLs on the bucket.
func (b *builder) cors(bk *bucket) error {
	if bk.spec.corsMethods == nil {
		return nil
	}
	_, err := s3.NewBucketCorsConfigurationV2(b.ctx, bk.logical+"-cors", &s3.BucketCorsConfigurationV2Args{
		Bucket: bk.res.ID(),
		CorsRules: s3.BucketCorsConfigurationV2CorsRuleArray{
			s3.BucketCorsConfigurationV2CorsRuleArgs{
				AllowedMethods: pulumi.ToStringArray(bk.spec.corsMethods),
				AllowedOrigins: pulumi.ToStringArray(b.args.CorsAllowedOrigins),
				AllowedHeaders: pulumi.ToStringArray([]string{"*"}),
				ExposeHeaders:  pulumi.ToStringArray(corsExposed),
				MaxAgeSeconds:  pulumi.Int(corsMaxAgeSeconds),
			},
		},
	}, b.opts(afterPAB(bk))...)
	if err != nil {
		return fmt.Errorf("CORS of %s: %w", bk.logical, err)
	}
	return nil
}
