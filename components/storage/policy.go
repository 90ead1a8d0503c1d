package storage

import (
	"fmt"

	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/s3"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/bidopsai/bidopsai-infra/internal/policydoc"
)

// Statement ids, stable so tests and reviewers can find them.
const (
	sidTLSOnly     = "DenyInsecureTransport"
	sidLogDelivery = "AllowServerAccessLogDelivery"
)

// logDeliveryService is the principal S3 server access logging writes as.
const logDeliveryService = "logging.s3.amazonaws.com"

// logSource is a bucket that logs into the access-logs bucket, and its key prefix there.
type logSource struct {
	arn, prefix string
}

// tlsOnly denies every request that does not use TLS, on the bucket and its objects (SR-S3-3).
func tlsOnly(bucketArn string) policydoc.Statement {
	return policydoc.Deny(sidTLSOnly, []string{"s3:*"}, []string{bucketArn, bucketArn + "/*"}).
		For(policydoc.AllPrincipals).
		With("Bool", "aws:SecureTransport", "false")
}

// sourcePolicy is the policy of a documents, artifacts or processed bucket.
func sourcePolicy(bucketArn string) (string, error) {
	return policydoc.New(tlsOnly(bucketArn)).JSON()
}

// logsPolicy is TLS-only plus log delivery from S3 logging, only for this account's three source
// buckets and only under their prefixes (confused-deputy protection).
func logsPolicy(logsArn, account string, sources []logSource) (string, error) {
	var keys, arns []string
	for _, s := range sources {
		keys = append(keys, logsArn+"/"+s.prefix+"*")
		arns = append(arns, s.arn)
	}
	deliver := policydoc.Allow(sidLogDelivery, []string{"s3:PutObject"}, keys).
		For(policydoc.Service(logDeliveryService)).
		With("StringEquals", "aws:SourceAccount", account).
		With("ArnLike", "aws:SourceArn", arns)
	return policydoc.New(tlsOnly(logsArn), deliver).JSON()
}

// tlsPolicy attaches the TLS-only policy to a source bucket.
func (b *builder) tlsPolicy(bk *bucket) error {
	doc := bk.res.Arn.ApplyT(sourcePolicy).(pulumi.StringOutput)
	return b.policy(bk, doc)
}

// logsPolicy attaches the logs bucket's policy; it needs the source buckets' ARNs.
func (b *builder) logsPolicy(logs *bucket, sources []*bucket) error {
	arns := []any{logs.res.Arn}
	for _, s := range sources {
		arns = append(arns, s.res.Arn)
	}
	account := b.args.AccountID
	doc := pulumi.All(arns...).ApplyT(func(vs []any) (string, error) {
		var srcs []logSource
		for i, s := range sources {
			arn, ok := vs[i+1].(string)
			if !ok {
				return "", fmt.Errorf("ARN of %s: expected a string, got %T", s.logical, vs[i+1])
			}
			srcs = append(srcs, logSource{arn: arn, prefix: s.spec.logPrefix})
		}
		logsArn, ok := vs[0].(string)
		if !ok {
			return "", fmt.Errorf("ARN of %s: expected a string, got %T", logs.logical, vs[0])
		}
		return logsPolicy(logsArn, account, srcs)
	}).(pulumi.StringOutput)
	return b.policy(logs, doc)
}

func (b *builder) policy(bk *bucket, doc pulumi.StringOutput) error {
	var err error
	bk.policy, err = s3.NewBucketPolicy(b.ctx, bk.logical+"-policy", &s3.BucketPolicyArgs{
		Bucket: bk.res.ID(),
		Policy: doc,
	}, b.opts(afterPAB(bk))...)
	if err != nil {
		return fmt.Errorf("policy of %s: %w", bk.logical, err)
	}
	return nil
}
