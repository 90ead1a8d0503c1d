package encryption

import (
	"fmt"

	"github.com/bidopsai/bidopsai-infra/internal/awsvalues"
	"github.com/bidopsai/bidopsai-infra/internal/policydoc"
)

// Statement ids, stable so tests and reviewers can find them.
const (
	sidAdminister     = "AccountAdministersKey"
	sidUseViaServices = "AccountUsesKeyThroughServices"
	sidLogs           = "CloudWatchLogsEncryptLogGroups"
	sidAlarmTopic     = "AlarmTopicPublish"
	sidServiceGrants  = "AccountLetsECRHoldGrants"
)

// adminActions manage the key's lifecycle and policy; none of them reads or writes data.
var adminActions = []string{
	"kms:CancelKeyDeletion", "kms:CreateAlias", "kms:DeleteAlias", "kms:DescribeKey",
	"kms:DisableKey", "kms:DisableKeyRotation", "kms:EnableKey", "kms:EnableKeyRotation",
	"kms:GetKeyPolicy", "kms:GetKeyRotationStatus", "kms:ListGrants", "kms:ListKeyPolicies",
	"kms:ListKeyRotations", "kms:ListResourceTags", "kms:PutKeyPolicy", "kms:RevokeGrant",
	"kms:RotateKeyOnDemand", "kms:ScheduleKeyDeletion", "kms:TagResource", "kms:UntagResource",
	"kms:UpdateAlias", "kms:UpdateKeyDescription",
}

// useActions are what S3 (SSE-KMS), Secrets Manager and SSM (SecureString) call for a principal.
var useActions = []string{
	"kms:Decrypt", "kms:DescribeKey", "kms:Encrypt", "kms:GenerateDataKey",
	"kms:GenerateDataKeyWithoutPlaintext", "kms:ReEncryptFrom", "kms:ReEncryptTo",
}

// logsActions are the CloudWatch Logs documented set (Encrypt*, Decrypt*, ReEncrypt*,
// GenerateDataKey*, Describe*), spelled out.
var logsActions = []string{
	"kms:Decrypt", "kms:DescribeKey", "kms:Encrypt", "kms:GenerateDataKey",
	"kms:GenerateDataKeyWithoutPlaintext", "kms:ReEncryptFrom", "kms:ReEncryptTo",
}

// topicActions let CloudWatch alarms publish to, and SNS deliver from, the encrypted alarm topic.
var topicActions = []string{"kms:Decrypt", "kms:GenerateDataKey"}

// viaServices are the services through which this account's principals may use the key.
func viaServices(region string) []string {
	return []string{
		"s3." + region + ".amazonaws.com",
		"secretsmanager." + region + ".amazonaws.com",
		"ssm." + region + ".amazonaws.com",
		"ecr." + region + ".amazonaws.com",
	}
}

// grantActions let ECR hold a grant on the key for a repository's lifetime (it encrypts
// layers with it); only grants for AWS resources, only through ECR.
var grantActions = []string{"kms:CreateGrant", "kms:RetireGrant"}

// keyPolicy is the stack key's policy. In a key policy Resource "*" means this key only.
// The root principal delegates to IAM: roles still need an IAM grant on the key ARN.
func keyPolicy(account, region string) (string, error) {
	root := policydoc.AWS(fmt.Sprintf("arn:%s:iam::%s:root", awsvalues.Partition(region), account))
	this := []string{"*"}
	logGroups := fmt.Sprintf("arn:%s:logs:%s:%s:log-group:*", awsvalues.Partition(region), region, account)
	return policydoc.New(
		policydoc.Allow(sidAdminister, adminActions, this).For(root),
		policydoc.Allow(sidUseViaServices, useActions, this).For(root).
			With("StringEquals", "kms:ViaService", viaServices(region)).
			With("StringEquals", "kms:CallerAccount", account),
		policydoc.Allow(sidServiceGrants, grantActions, this).For(root).
			With("StringEquals", "kms:ViaService", "ecr."+region+".amazonaws.com").
			With("Bool", "kms:GrantIsForAWSResource", "true"),
		policydoc.Allow(sidLogs, logsActions, this).For(policydoc.Service("logs."+region+".amazonaws.com")).
			With("ArnLike", "kms:EncryptionContext:aws:logs:arn", logGroups).
			// Logs does not document sending aws:SourceAccount to KMS; IfExists cannot break log groups.
			With("StringEqualsIfExists", "aws:SourceAccount", account),
		policydoc.Allow(sidAlarmTopic, topicActions, this).
			For(policydoc.Service("cloudwatch.amazonaws.com", "sns.amazonaws.com")).
			With("StringEquals", "aws:SourceAccount", account),
	).JSON()
}
