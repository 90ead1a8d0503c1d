package policy

// Type tokens of the resources the rules read: pulumi-aws v6, pulumi-docker v4 and the
// project's own provider (internal/provider, whose schema is sdk/schema.json).
const (
	typeRepository       = "aws:ecr/repository:Repository"
	typeLifecyclePolicy  = "aws:ecr/lifecyclePolicy:LifecyclePolicy"
	typeRepositoryPolicy = "aws:ecr/repositoryPolicy:RepositoryPolicy"
	typeRegistryScanning = "aws:ecr/registryScanningConfiguration:RegistryScanningConfiguration"

	typeBucket            = "aws:s3/bucketV2:BucketV2"
	typePublicAccessBlock = "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock"
	typeOwnership         = "aws:s3/bucketOwnershipControls:BucketOwnershipControls"
	typeBucketACL         = "aws:s3/bucketAclV2:BucketAclV2"
	typeBucketPolicy      = "aws:s3/bucketPolicy:BucketPolicy"
	typeEncryption        = "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2"
	typeVersioning        = "aws:s3/bucketVersioningV2:BucketVersioningV2"
	typeLogging           = "aws:s3/bucketLoggingV2:BucketLoggingV2"
	typeLifecycle         = "aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2"
	typeNotification      = "aws:s3/bucketNotification:BucketNotification"
	typeReplication       = "aws:s3/bucketReplicationConfig:BucketReplicationConfig"

	typeRole             = "aws:iam/role:Role"
	typePolicy           = "aws:iam/policy:Policy"
	typeRolePolicy       = "aws:iam/rolePolicy:RolePolicy"
	typeRoleAttachment   = "aws:iam/rolePolicyAttachment:RolePolicyAttachment"
	typePolicyAttachment = "aws:iam/policyAttachment:PolicyAttachment"

	typeSecret         = "aws:secretsmanager/secret:Secret"
	typeSecretVersion  = "aws:secretsmanager/secretVersion:SecretVersion"
	typeSecretRotation = "aws:secretsmanager/secretRotation:SecretRotation"
	typeParameter      = "aws:ssm/parameter:Parameter"
	typeKey            = "aws:kms/key:Key"

	typeLogGroup       = "aws:cloudwatch/logGroup:LogGroup"
	typeMetricAlarm    = "aws:cloudwatch/metricAlarm:MetricAlarm"
	typeCompositeAlarm = "aws:cloudwatch/compositeAlarm:CompositeAlarm"
	typeDashboard      = "aws:cloudwatch/dashboard:Dashboard"
	typeTopic          = "aws:sns/topic:Topic"

	typeXRayEncryption = "aws:xray/encryptionConfig:EncryptionConfig"
	typeSamplingRule   = "aws:xray/samplingRule:SamplingRule"
	typeXRayGroup      = "aws:xray/group:Group"

	typeUserPool       = "aws:cognito/userPool:UserPool"
	typeIdentityPool   = "aws:cognito/identityPool:IdentityPool"
	typeUserPoolClient = "aws:cognito/userPoolClient:UserPoolClient"

	typeVpc      = "aws:ec2/vpc:Vpc"
	typeEndpoint = "aws:ec2/vpcEndpoint:VpcEndpoint"
	typeFlowLog  = "aws:ec2/flowLog:FlowLog"

	typeImage          = "docker:index/image:Image"
	typeAgentRuntime   = "bidopsai:index:AgentRuntime"
	typeDataAutomation = "bidopsai:index:DataAutomationProject"
)
