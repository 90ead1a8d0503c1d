package provider

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/bedrockagentcorecontrol"
	"github.com/aws/aws-sdk-go-v2/service/bedrockdataautomation"
	"github.com/aws/smithy-go"
	"github.com/pulumi/pulumi-go-provider/infer"
)

// Endpoint override variables the AWS SDK reads (service ids "Bedrock AgentCore Control" and
// "Bedrock Data Automation"); config.LoadDefaultConfig honours them, so tests can point the
// provider binary at a fake with environment only.
const (
	EndpointEnvAgentCore      = "AWS_ENDPOINT_URL_BEDROCK_AGENTCORE_CONTROL"
	EndpointEnvDataAutomation = "AWS_ENDPOINT_URL_BEDROCK_DATA_AUTOMATION"
)

// Retry settings: control-plane calls are limited to a few TPS per account, so throttling
// and 5xx are retried by the SDK with adaptive client-side rate limiting.
const (
	retryMaxAttempts = 10
	retryMaxBackoff  = 20 * time.Second
)

// NewRetryer is the SDK retryer the provider uses: adaptive mode, 10 attempts, 20 s cap.
func NewRetryer() aws.Retryer {
	return retry.NewAdaptiveMode(func(o *retry.AdaptiveModeOptions) {
		o.StandardOptions = append(o.StandardOptions, func(so *retry.StandardOptions) {
			so.MaxAttempts = retryMaxAttempts
			so.MaxBackoff = retryMaxBackoff
		})
	})
}

// DefaultAWSConfig loads the default credential chain and shared config, for region when
// it is not empty, with the provider's retryer.
func DefaultAWSConfig(ctx context.Context, region string) (aws.Config, error) {
	opts := []func(*config.LoadOptions) error{config.WithRetryer(NewRetryer)}
	if region != "" {
		opts = append(opts, config.WithRegion(region))
	}
	cfg, err := config.LoadDefaultConfig(ctx, opts...)
	if err != nil {
		return aws.Config{}, fmt.Errorf("loading AWS configuration: %w", err)
	}
	return cfg, nil
}

type clients struct {
	agentcore *bedrockagentcorecontrol.Client
	bda       *bedrockdataautomation.Client
}

// clientsFor returns the clients for the configured region, built once per region.
func (d *deps) clientsFor(ctx context.Context) (*clients, error) {
	region := infer.GetConfig[Config](ctx).Region
	d.mu.Lock()
	defer d.mu.Unlock()
	if c, ok := d.clients[region]; ok {
		return c, nil
	}
	cfg, err := d.awsConfig(ctx, region)
	if err != nil {
		return nil, err
	}
	if cfg.Region == "" {
		return nil, errors.New("no AWS region: set bidopsai:region (or an explicit provider's region) or AWS_REGION")
	}
	c := &clients{
		agentcore: bedrockagentcorecontrol.NewFromConfig(cfg),
		bda:       bedrockdataautomation.NewFromConfig(cfg),
	}
	d.clients[region] = c
	return c, nil
}

func errorCode(err error) string {
	var ae smithy.APIError
	if errors.As(err, &ae) {
		return ae.ErrorCode()
	}
	return ""
}

func isNotFound(err error) bool { return errorCode(err) == "ResourceNotFoundException" }

func isConflict(err error) bool { return errorCode(err) == "ConflictException" }

func isAccessDenied(err error) bool { return errorCode(err) == "AccessDeniedException" }

// isPropagating reports the validation failures AWS returns while a new role or its ECR
// permissions have not reached every IAM endpoint yet; they clear within a minute or two.
func isPropagating(err error) bool {
	var ae smithy.APIError
	if !errors.As(err, &ae) || ae.ErrorCode() != "ValidationException" {
		return false
	}
	msg := ae.ErrorMessage()
	return strings.Contains(msg, "Role validation failed") || strings.Contains(msg, "Access denied while validating ECR URI")
}
