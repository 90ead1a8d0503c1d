package access

import "slices"

// IAM action lists, one named value per grant, each scoped to ARNs in documents.go. Names were
// checked against the Service Authorization Reference. There are no bedrock:Converse* actions:
// Converse is authorized as bedrock:InvokeModel, ConverseStream as ...WithResponseStream.

// Base policy (every role).
var (
	// ecrPullActions pull this stack's agent images.
	ecrPullActions = []string{"ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"}
	// ecrTokenActions log in to the registry; GetAuthorizationToken has no resource type.
	ecrTokenActions = []string{"ecr:GetAuthorizationToken"}
	// logsWriteActions create and write the runtime's and the agents' log streams. No
	// logs:CreateLogGroup: the stack owns every group, with its retention and key.
	logsWriteActions = []string{"logs:CreateLogStream", "logs:DescribeLogStreams", "logs:PutLogEvents"}
	// logsDescribeGroupsActions list log groups (the AgentCore runtime looks its group up).
	logsDescribeGroupsActions = []string{"logs:DescribeLogGroups"}
	// xrayActions send traces and read sampling rules; X-Ray has no resource types for them.
	xrayActions = []string{"xray:GetSamplingRules", "xray:GetSamplingTargets", "xray:PutTelemetryRecords",
		"xray:PutTraceSegments"}
	// metricsActions publish custom metrics; PutMetricData has no resource type, only a
	// cloudwatch:namespace condition.
	metricsActions = []string{"cloudwatch:PutMetricData"}
	// workloadTokenActions get the runtime's workload access token (AgentCore Identity), for
	// runtimes without a JWT authorizer.
	workloadTokenActions = append(slices.Clone(jwtWorkloadTokenActions), userIDWorkloadTokenActions...)
	// jwtWorkloadTokenActions are all a runtime behind a JWT authorizer needs.
	jwtWorkloadTokenActions = []string{"bedrock-agentcore:GetWorkloadAccessToken",
		"bedrock-agentcore:GetWorkloadAccessTokenForJWT"}
	// userIDWorkloadTokenActions trust a caller-supplied user id; denied behind a JWT authorizer.
	userIDWorkloadTokenActions = []string{"bedrock-agentcore:GetWorkloadAccessTokenForUserId"}
	// ssmReadActions read the agents' configuration parameters.
	ssmReadActions = []string{"ssm:GetParameter", "ssm:GetParameters", "ssm:GetParametersByPath"}
	// kmsDecryptActions read objects, secrets and parameters encrypted with the stack key.
	kmsDecryptActions = []string{"kms:Decrypt"}
)

// secretReadActions read one agent's secrets (in each role's own policy).
var secretReadActions = []string{"secretsmanager:DescribeSecret", "secretsmanager:GetSecretValue"}

// Model and knowledge-base reads (workflow and assistant).
var (
	// modelInvokeActions run inference (InvokeModel, Converse, and their streaming forms).
	modelInvokeActions = []string{"bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"}
	// inferenceProfileReadActions are needed to run inference through an inference profile.
	inferenceProfileReadActions = []string{"bedrock:GetInferenceProfile"}
	// kbRetrieveActions query a knowledge base.
	kbRetrieveActions = []string{"bedrock:Retrieve"}
	// kbGenerateActions query a knowledge base and generate an answer; RetrieveAndGenerate has no
	// resource type (the Retrieve and InvokeModel it makes are authorized on their own ARNs).
	kbGenerateActions = []string{"bedrock:RetrieveAndGenerate"}
)

// S3 grants.
var (
	// s3ReadObjectActions read objects (and their versions).
	s3ReadObjectActions = []string{"s3:GetObject", "s3:GetObjectVersion"}
	// s3ListActions list a bucket's keys.
	s3ListActions = []string{"s3:ListBucket"}
	// s3WriteObjectActions write and delete objects; granted on artifacts and processed only
	// (SR-IAM-9). No bucket-level write (policy, ACL, delete) is ever granted.
	s3WriteObjectActions = []string{"s3:DeleteObject", "s3:PutObject"}
)

// AgentCore Memory (data plane, plus GetMemory to read the memory's configuration).
var (
	memoryReadActions = []string{"bedrock-agentcore:GetEvent", "bedrock-agentcore:GetMemory",
		"bedrock-agentcore:GetMemoryRecord", "bedrock-agentcore:ListActors", "bedrock-agentcore:ListEvents",
		"bedrock-agentcore:ListMemoryRecords", "bedrock-agentcore:ListSessions",
		"bedrock-agentcore:RetrieveMemoryRecords"}
	// memoryWriteActions record and remove conversation events; long-term records are
	// extracted by the service, so the agents get no record writes.
	memoryWriteActions = []string{"bedrock-agentcore:CreateEvent", "bedrock-agentcore:DeleteEvent"}
)

// Workflow-only writes.
var (
	// dataAutomationInvokeActions start a Data Automation job.
	dataAutomationInvokeActions = []string{"bedrock:InvokeDataAutomationAsync"}
	// dataAutomationStatusActions poll a Data Automation job.
	dataAutomationStatusActions = []string{"bedrock:GetDataAutomationStatus"}
	// kmsWriteActions encrypt new objects with the stack key (SSE-KMS PutObject).
	kmsWriteActions = []string{"kms:GenerateDataKey"}
)

// dbConnectActions open an IAM-authenticated database session as one user (only with
// AgentRolesArgs.DatabaseIAMAuth).
var dbConnectActions = []string{"rds-db:connect"}
