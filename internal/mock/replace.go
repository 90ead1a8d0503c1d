package mock

import "slices"

// replaceOnChange lists, per resource type, the input properties that the cloud cannot change in
// place: a new value replaces the resource. Source: the Terraform AWS provider's resource docs
// (arguments marked "Forces new resource"), which pulumi-aws bridges unchanged; the random
// provider's docs for RandomPassword (every argument forces a new result). The bidopsai types
// decide this in their own provider's Diff (internal/provider). Types missing here update in place.
var replaceOnChange = map[string][]string{
	"aws:s3/bucketV2:BucketV2":                                                                   {"bucket", "bucketPrefix", "objectLockEnabled"},
	"aws:s3/bucketPolicy:BucketPolicy":                                                           {"bucket"},
	"aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock":                                     {"bucket"},
	"aws:s3/bucketOwnershipControls:BucketOwnershipControls":                                     {"bucket"},
	"aws:s3/bucketVersioningV2:BucketVersioningV2":                                               {"bucket", "expectedBucketOwner"},
	"aws:s3/bucketLoggingV2:BucketLoggingV2":                                                     {"bucket", "expectedBucketOwner"},
	"aws:s3/bucketCorsConfigurationV2:BucketCorsConfigurationV2":                                 {"bucket", "expectedBucketOwner"},
	"aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2":                       {"bucket", "expectedBucketOwner"},
	"aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2": {"bucket", "expectedBucketOwner"},
	"aws:ecr/repository:Repository":                                                              {"name"},
	"aws:ecr/lifecyclePolicy:LifecyclePolicy":                                                    {"repository"},
	"aws:ecr/repositoryPolicy:RepositoryPolicy":                                                  {"repository"},
	"aws:ssm/parameter:Parameter":                                                                {"name"},
	"aws:secretsmanager/secret:Secret":                                                           {"name", "namePrefix"},
	"aws:secretsmanager/secretVersion:SecretVersion":                                             {"secretId", "secretString", "secretBinary"},
	"aws:iam/role:Role":                                                                          {"name", "namePrefix", "path"},
	"aws:iam/policy:Policy":                                                                      {"name", "namePrefix", "path"},
	"aws:iam/rolePolicyAttachment:RolePolicyAttachment":                                          {"role", "policyArn"},
	"aws:kms/key:Key":                                                                            {"customerMasterKeySpec", "keyUsage", "multiRegion", "xksKeyId"},
	"aws:kms/alias:Alias":                                                                        {"name", "namePrefix"},
	"aws:cognito/userPool:UserPool":                                                              {"name", "aliasAttributes", "usernameAttributes"},
	"aws:cognito/userPoolClient:UserPoolClient":                                                  {"userPoolId", "generateSecret"},
	"aws:cognito/userPoolDomain:UserPoolDomain":                                                  {"domain", "userPoolId"},
	"aws:cognito/userGroup:UserGroup":                                                            {"name", "userPoolId"},
	"aws:cloudwatch/logGroup:LogGroup":                                                           {"name", "namePrefix", "logGroupClass"},
	"aws:cloudwatch/metricAlarm:MetricAlarm":                                                     {"name"},
	"aws:cloudwatch/dashboard:Dashboard":                                                         {"dashboardName"},
	"aws:sns/topic:Topic":                                                                        {"name", "namePrefix", "fifoTopic"},
	"aws:sns/topicSubscription:TopicSubscription":                                                {"topic", "protocol", "endpoint"},
	"aws:xray/group:Group":                                                                       {"groupName"},
	"aws:xray/samplingRule:SamplingRule":                                                         {"ruleName"},
	"aws:budgets/budget:Budget":                                                                  {"name", "namePrefix", "accountId"},
	"aws:ec2/securityGroup:SecurityGroup":                                                        {"name", "namePrefix", "vpcId", "description"},
	"random:index/randomPassword:RandomPassword": {"length", "special", "upper", "lower", "numeric",
		"minSpecial", "minUpper", "minLower", "minNumeric", "overrideSpecial", "keepers"},
}

// ReplaceOnChange returns the input properties of typ whose change replaces the resource.
func ReplaceOnChange(typ string) []string { return slices.Clone(replaceOnChange[typ]) }
