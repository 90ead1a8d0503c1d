package stack

import (
	"regexp"
	"strings"
)

// Consumer is who reads a stack output.
type Consumer string

// The three consumers of the stack's outputs.
const (
	WebApp    Consumer = "web app"   // the BidOps AI web application and its backend
	Agents    Consumer = "agents"    // an agent's configuration (AgentCore sets it; a local run reads it)
	Operators Consumer = "operators" // whoever releases, watches, rotates and audits the stack
)

// AgentPlaceholder starts a per-agent output's name in Exports: <agent>RuntimeArn stands for
// workflowAgentRuntimeArn and the same output of every other agent.
const AgentPlaceholder = "<agent>"

// Export documents one stack output. Build refuses to export a name with no row here.
type Export struct {
	Name        string // the output's name, or AgentPlaceholder + suffix for one output per agent
	Consumer    Consumer
	Description string
	// Condition is the configuration that turns the output on; "" when every stack exports it.
	Condition string
	// From is the component output it re-exports, "<tier>.<output>" ("storage.documentsBucketName");
	// "" when the program computes the value.
	From string
}

const (
	vpcOnly = "`bidopsai:network.mode: VPC`"
	kmsOnly = "`bidopsai:kms.customerManagedKey: true`"
)

// Exports are the stack outputs, in the order the tiers are built.
var Exports = []Export{
	{Name: "stackKeyArn", From: "encryption.keyArn", Consumer: Operators, Condition: kmsOnly,
		Description: "The stack's customer-managed KMS key, which encrypts buckets, secrets, parameters, logs and the alarm topic."},
	{Name: "stackKeyAlias", From: "encryption.aliasName", Consumer: Operators, Condition: kmsOnly, Description: "Alias of the stack key."},

	{Name: "projectDocumentsBucketName", From: "storage.documentsBucketName", Consumer: WebApp,
		Description: "Bucket the web app uploads project documents to (CORS for its origins); Data Automation parses them."},
	{Name: "projectDocumentsBucketArn", From: "storage.documentsBucketArn", Consumer: WebApp, Description: "ARN of the documents bucket, for the web app backend's IAM policy."},
	{Name: "artifactsBucketName", From: "storage.artifactsBucketName", Consumer: WebApp, Description: "Bucket of the files agents produce, which the web app lists and downloads."},
	{Name: "artifactsBucketArn", From: "storage.artifactsBucketArn", Consumer: WebApp, Description: "ARN of the artifacts bucket, for the web app backend's IAM policy."},
	{Name: "processedDocumentsBucketName", From: "storage.processedBucketName", Consumer: Agents, Description: "Bucket Data Automation writes parsed documents to."},
	{Name: "processedDocumentsBucketArn", From: "storage.processedBucketArn", Consumer: Operators, Description: "ARN of the processed-documents bucket, for IAM policies outside the stack."},
	{Name: "accessLogsBucketName", From: "storage.accessLogsBucketName", Consumer: Operators, Description: "S3 server access logs of the three data buckets, for audits."},
	{Name: "s3Region", Consumer: WebApp, Description: "Region of the buckets, for the web app's S3 client."},

	{Name: AgentPlaceholder + "RepositoryName", From: "registry.repositoryName", Consumer: Operators, Description: "The agent's ECR repository."},
	{Name: AgentPlaceholder + "RepositoryUri", From: "registry.repositoryUrl", Consumer: Operators, Description: "`<registry>/<repository>`: what the agent's images are tagged and pushed as."},
	{Name: AgentPlaceholder + "RepositoryArn", From: "registry.repositoryArn", Consumer: Operators, Description: "The repository's ARN, for a CI role that pushes images."},
	{Name: AgentPlaceholder + "Image", From: "registry.imageName", Consumer: Operators, Description: "The agent's release tag, `<repositoryUri>:v<version>`."},
	{Name: AgentPlaceholder + "ImageDigest", From: "registry.imageDigest", Consumer: Operators,
		Description: "`<repositoryUri>@sha256:...`: the image the runtime runs, to pin on a rollback."},
	{Name: "ecrRegion", Consumer: Operators, Description: "Region of the repositories, for `docker login`."},

	{Name: "agentConfigParameterPath", From: "settings.parameterPath", Consumer: Agents,
		Description: "SSM prefix `/bidopsai/<stack>/agents` the agents read their configuration under."},
	{Name: "databaseSecretArn", From: "settings.databaseSecretArn", Consumer: Operators, Description: "Secret of the database's read/write user (read-write agents); set or rotate its value."},
	{Name: "readOnlyDatabaseSecretArn", From: "settings.readOnlyDatabaseSecretArn", Consumer: Operators, Description: "Secret of the database's read-only user (read-only agents)."},
	{Name: "awsCredentialsSecretArn", From: "settings.awsCredentialsSecretArn", Consumer: Operators, Description: "Secret of the AWS keys of external integrations (read-write agents)."},
	{Name: "slackSecretArn", From: "settings.slackSecretArn", Consumer: Operators, Description: "Secret of the Slack app credentials (read-write agents)."},
	{Name: "langfuseSecretArn", From: "settings.langfuseSecretArn", Consumer: Operators, Description: "Secret of the Langfuse credentials (every agent)."},

	{Name: "userPoolId", From: "identity.userPoolId", Consumer: WebApp, Description: "Cognito user pool the web app signs users in with."},
	{Name: "userPoolArn", From: "identity.userPoolArn", Consumer: WebApp, Description: "The pool's ARN, for an authorizer in the web app's backend."},
	{Name: "userPoolClientId", From: "identity.userPoolClientId", Consumer: WebApp, Description: "The web app's public client (no secret)."},
	{Name: "userPoolDomain", From: "identity.userPoolDomain", Consumer: WebApp, Description: "Hosted-UI host, `<prefix>.auth.<region>.amazoncognito.com`."},
	{Name: "cognitoRegion", Consumer: WebApp, Description: "Region of the user pool."},

	{Name: "dataAutomationProjectArn", From: "dataautomation.projectArn", Consumer: Agents, Description: "Bedrock Data Automation project the agents parse documents with."},
	{Name: "processedDocsS3Uri", From: "dataautomation.processedS3Uri", Consumer: Agents, Description: "`s3://<processed bucket>/parsed-documents/`, where parsed output lands."},

	{Name: "vpcId", From: "network.vpcId", Consumer: Operators, Condition: vpcOnly, Description: "VPC the runtimes run in."},
	{Name: "privateSubnetIds", From: "network.privateSubnetIds", Consumer: Operators, Condition: vpcOnly, Description: "The runtimes' private subnets, one per zone."},
	{Name: "runtimeSecurityGroupId", From: "network.securityGroupId", Consumer: Operators, Condition: vpcOnly,
		Description: "The runtimes' security group; allow it in a database's group."},
	{Name: "vpcFlowLogGroup", From: "network.flowLogGroupName", Consumer: Operators, Condition: vpcOnly, Description: "Log group of the VPC's flow logs."},

	{Name: AgentPlaceholder + "RoleArn", Consumer: Operators, Description: "IAM role the agent's runtime runs as."},
	{Name: AgentPlaceholder + "RoleName", Consumer: Operators, Description: "The generated name of the agent's role."},

	{Name: AgentPlaceholder + "RuntimeId", From: "agentcore.runtimeId", Consumer: Operators,
		Description: "AgentCore runtime id; its logs are under `/aws/bedrock-agentcore/runtimes/<id>-DEFAULT`."},
	{Name: AgentPlaceholder + "RuntimeArn", From: "agentcore.runtimeArn", Consumer: WebApp, Description: "What the web app's backend passes to `InvokeAgentRuntime`."},
	{Name: AgentPlaceholder + "RuntimeVersion", From: "agentcore.runtimeVersion", Consumer: Operators, Description: "Runtime version the DEFAULT endpoint serves."},
	{Name: AgentPlaceholder + "InvocationUrl", From: "agentcore.invocationUrl", Consumer: WebApp,
		Description: "HTTPS URL that invokes the runtime (with a Cognito token when `bidopsai:runtime.jwtAuthorizer` is on)."},

	{Name: AgentPlaceholder + "LogGroupName", Consumer: Operators, Description: "The agent's application log group."},
	{Name: "systemLogGroupName", From: "observability.systemLogGroupName", Consumer: Operators, Description: "The stack-wide system log group."},
	{Name: "runtimeLogGroupNames", From: "observability.runtimeLogGroupNames", Consumer: Operators, Description: "AgentCore's own runtime log groups, by agent."},
	{Name: "dashboardName", From: "observability.dashboardName", Consumer: Operators, Description: "CloudWatch dashboard of the agents' metrics."},
	{Name: "dashboardUrl", From: "observability.dashboardURL", Consumer: Operators, Description: "The dashboard in the CloudWatch console."},
	{Name: "alarmTopicArn", From: "observability.alarmTopicArn", Consumer: Operators, Description: "SNS topic the alarms notify; empty when `bidopsai:alarms.enabled` is false."},
	{Name: "budgetName", From: "budget.budgetName", Consumer: Operators, Description: "Monthly cost budget; empty when `bidopsai:budget.monthlyLimitUsd` is 0."},
}

// agentPrefix is what an agent's output prefix looks like (camelCase).
var agentPrefix = regexp.MustCompile(`^[a-z][a-zA-Z0-9]*$`)

// LookupExport finds the row documenting an output name: its own row, else a per-agent row
// whose suffix it ends with after a camelCase agent prefix.
func LookupExport(name string) (Export, bool) {
	for _, e := range Exports {
		if e.Name == name {
			return e, true
		}
	}
	for _, e := range Exports {
		suffix, perAgent := strings.CutPrefix(e.Name, AgentPlaceholder)
		if prefix, ok := strings.CutSuffix(name, suffix); perAgent && ok && agentPrefix.MatchString(prefix) {
			return e, true
		}
	}
	return Export{}, false
}
