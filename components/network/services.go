package network

import (
	"fmt"

	"github.com/bidopsai/bidopsai-infra/internal/policydoc"
)

// service is one AWS service the runtimes reach through an interface endpoint.
type service struct {
	// Name is the endpoint suffix: com.amazonaws.<region>.<Name>.
	Name string
	// Why says who needs it.
	Why string
	// scoped lists resource ARN patterns (with %[1]s region, %[2]s account) the endpoint admits;
	// empty admits any resource, for services whose calls name no account resource.
	scoped []string
	// unscoped are actions AWS cannot scope to a resource, admitted on "*" beside scoped.
	unscoped []string
	// open leaves the endpoint on AWS's default full-access policy, for the reason given.
	open string
}

// services are the interface endpoints a VPC-mode runtime needs with no internet path. Names
// and needs are from AWS's docs: AgentCore dev guide "Configure AgentCore Runtime and tools for
// VPC" and "Use interface VPC endpoints" (bedrock-agentcore data plane); ECR user guide
// "Amazon ECR interface VPC endpoints" (ecr.api, ecr.dkr and the S3 gateway for layers);
// Bedrock user guide "Use interface VPC endpoints" (bedrock-runtime,
// bedrock-data-automation-runtime); PrivateLink "AWS services that integrate" (logs,
// monitoring, xray, sts, secretsmanager, ssm). Since May 2026 a VPC runtime gets no
// service-managed S3 path (AgentCore API VpcConfig.requireServiceS3Endpoint), so images and
// code come through these endpoints and the S3 gateway endpoint.
var services = []service{
	{Name: "ecr.api", Why: "image manifests and registry auth at runtime start",
		scoped: []string{"arn:aws:ecr:%[1]s:%[2]s:repository/*"}, unscoped: []string{ecrAuthAction}},
	{Name: "ecr.dkr", Why: "image pulls (layers come from S3 through the gateway endpoint)",
		scoped: []string{"arn:aws:ecr:%[1]s:%[2]s:repository/*"}, unscoped: []string{ecrAuthAction}},
	{Name: "logs", Why: "runtime and agent logs (CloudWatch Logs)",
		scoped: []string{"arn:aws:logs:%[1]s:%[2]s:*"}},
	{Name: "monitoring", Why: "agent metrics (cloudwatch:PutMetricData)"},
	{Name: "xray", Why: "traces"},
	{Name: "sts", Why: "credentials of the agents' roles"},
	{Name: "secretsmanager", Why: "database, Slack and Langfuse credentials",
		scoped: []string{"arn:aws:secretsmanager:%[1]s:%[2]s:secret:*"}},
	{Name: "ssm", Why: "agent configuration parameters",
		scoped: []string{"arn:aws:ssm:%[1]s:%[2]s:*"}},
	{Name: "bedrock-runtime", Why: "model invocation"},
	{Name: "bedrock-agentcore", Why: "AgentCore data plane: workload identity tokens, memory, tools",
		open: "the data plane also takes OAuth bearer tokens, which carry no IAM principal to restrict (AgentCore dev guide, interface endpoints: authorization considerations)"},
	{Name: "bedrock-data-automation-runtime", Why: "document parsing jobs (InvokeDataAutomationAsync)"},
}

// S3Service is the gateway endpoint's suffix.
const S3Service = "s3"

// InterfaceServices are the suffixes of the interface endpoints a VPC stack must have, for the
// policy rule that checks them.
func InterfaceServices() []string {
	out := make([]string, len(services))
	for i, s := range services {
		out[i] = s.Name
	}
	return out
}

// ServiceName is an endpoint service name in a region.
func ServiceName(region, suffix string) string { return "com.amazonaws." + region + "." + suffix }

// ecrAuthAction is ECR's registry-wide call; AWS cannot scope it to a repository.
const ecrAuthAction = "ecr:GetAuthorizationToken"

// policy is the endpoint policy: only this account's principals, and where the service's
// resources carry an account, only this account's resources. "" keeps AWS's default policy.
func (s service) policy(region, account string) (string, error) {
	if s.open != "" {
		return "", nil
	}
	inAccount := func(st policydoc.Statement) policydoc.Statement {
		return st.For(policydoc.AllPrincipals).With("StringEquals", "aws:PrincipalAccount", account)
	}
	if len(s.scoped) == 0 {
		return policydoc.New(inAccount(policydoc.Allow("AccountPrincipals", []string{"*"}, []string{"*"}))).JSON()
	}
	arns := make([]string, len(s.scoped))
	for i, p := range s.scoped {
		arns[i] = fmt.Sprintf(p, region, account)
	}
	sts := []policydoc.Statement{inAccount(policydoc.Allow("AccountResources", []string{"*"}, arns))}
	if len(s.unscoped) > 0 {
		sts = append(sts, inAccount(policydoc.Allow("Unscoped", s.unscoped, []string{"*"})))
	}
	return policydoc.New(sts...).JSON()
}

// ecrLayerBucket is where ECR serves image layers from (ECR user guide, interface VPC
// endpoints: "Minimum Amazon S3 bucket permissions for Amazon ECR").
func ecrLayerBucket(region string) string {
	return "arn:aws:s3:::prod-" + region + "-starport-layer-bucket"
}

// s3ObjectActions are what the agents do with their buckets (see components/access).
var s3ObjectActions = []string{"s3:GetObject", "s3:GetObjectVersion", "s3:PutObject", "s3:DeleteObject",
	"s3:ListBucket", "s3:GetBucketLocation", "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts"}

// s3Policy admits only the stack's buckets and ECR's layer bucket through the gateway endpoint.
func s3Policy(region string, buckets []string) (string, error) {
	var arns []string
	for _, b := range buckets {
		arns = append(arns, b, b+"/*")
	}
	return policydoc.New(
		policydoc.Allow("StackBuckets", s3ObjectActions, arns).For(policydoc.AllPrincipals),
		policydoc.Allow("EcrLayers", []string{"s3:GetObject"}, []string{ecrLayerBucket(region) + "/*"}).For(policydoc.AllPrincipals),
	).JSON()
}
