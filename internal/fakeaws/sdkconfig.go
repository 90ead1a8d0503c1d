package fakeaws

import (
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/ratelimit"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/aws-sdk-go-v2/credentials"
)

// Fake credentials: the fake does not check signatures, but the SDK needs something to sign with.
const (
	AccessKeyID     = "AKIAFAKEAWS000000000"
	SecretAccessKey = "fakeaws-secret-access-key"
)

// AWSConfig returns an SDK configuration aimed at the fake: its region, fake static
// credentials, the fake's URL as base endpoint, and the SDK's standard retryer with
// millisecond backoff so retry tests take no real time.
func (s *Server) AWSConfig() aws.Config {
	return aws.Config{
		Region:       s.opts.Region,
		Credentials:  credentials.NewStaticCredentialsProvider(AccessKeyID, SecretAccessKey, ""),
		BaseEndpoint: aws.String(s.URL()),
		Retryer: func() aws.Retryer {
			return retry.NewStandard(func(o *retry.StandardOptions) {
				o.MaxAttempts = 5
				o.RateLimiter = ratelimit.None
				o.Backoff = retry.BackoffDelayerFunc(func(int, error) (time.Duration, error) { return time.Millisecond, nil })
			})
		},
	}
}

// Env returns the environment that points a separate process (the provider binary) at the
// fake through the SDK's standard endpoint variables, with fake credentials and region.
func (s *Server) Env() []string {
	return []string{
		"AWS_ENDPOINT_URL_BEDROCK_AGENTCORE_CONTROL=" + s.URL(),
		"AWS_ENDPOINT_URL_BEDROCK_DATA_AUTOMATION=" + s.URL(),
		"AWS_ACCESS_KEY_ID=" + AccessKeyID,
		"AWS_SECRET_ACCESS_KEY=" + SecretAccessKey,
		"AWS_REGION=" + s.opts.Region,
		"AWS_EC2_METADATA_DISABLED=true",
	}
}
