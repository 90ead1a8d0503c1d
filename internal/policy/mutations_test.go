package policy

import (
	"strings"
	"testing"

	"github.com/bidopsai/bidopsai-infra/components/network"
	"github.com/bidopsai/bidopsai-infra/internal/inventory"
)

// mutation breaks exactly one rule of the baseline. env defaults to prod; on names the resource
// the violation must be reported on.
type mutation struct {
	name, rule, env, on string
	mutate              func(f *fixture)
}

var mutations = []mutation{
	// ECR
	{"rejects_scan_on_push_off", "SR-ECR-1", "", "t-images", func(f *fixture) {
		f.set("t-images", "imageScanningConfiguration.scanOnPush", false)
	}},
	{"rejects_mutable_tags", "SR-ECR-2", "", "t-images", func(f *fixture) { f.set("t-images", "imageTagMutability", "MUTABLE") }},
	{"rejects_mutable_tags_in_dev", "SR-ECR-2", Dev, "t-images", func(f *fixture) {
		f.set("t-images", "imageTagMutability", "MUTABLE")
	}},
	{"rejects_repository_without_lifecycle", "SR-ECR-3", "", "t-images", func(f *fixture) { f.remove("t-images-lifecycle") }},
	{"rejects_lifecycle_keeping_untagged_forever", "SR-ECR-3", "", "t-images-lifecycle", func(f *fixture) {
		f.set("t-images-lifecycle", "policy", `{"rules":[{"rulePriority":1,"selection":{"tagStatus":"tagged","tagPrefixList":["v"],"countType":"imageCountMoreThan","countNumber":10},"action":{"type":"expire"}}]}`)
	}},
	{"rejects_aes256_repository", "SR-ECR-4", "", "t-images", func(f *fixture) {
		f.set("t-images", "encryptionConfigurations", list(map[string]any{"encryptionType": "AES256"}))
	}},
	{"rejects_aws_managed_ecr_key", "SR-ECR-4", "", "t-images", func(f *fixture) {
		f.set("t-images", "encryptionConfigurations.0.kmsKey", "alias/aws/ecr")
	}},
	{"warns_aes256_repository_in_dev", "SR-ECR-4", Dev, "t-images", func(f *fixture) {
		f.set("t-images", "encryptionConfigurations", nil)
	}},
	{"rejects_public_repository_policy", "SR-ECR-5", "", "t-images-policy", func(f *fixture) {
		f.addStatement("t-images-policy", "policy", stmt("Public", "Allow", map[string]any{"Principal": "*", "Action": "ecr:BatchGetImage"}))
	}},
	{"rejects_force_delete", "SR-ECR-6", "", "t-images", func(f *fixture) { f.set("t-images", "forceDelete", true) }},
	{"rejects_unprotected_repository", "SR-ECR-6", Staging, "t-images", func(f *fixture) { f.get("t-images").Protect = false }},

	// S3
	{"rejects_partial_public_access_block", "SR-S3-1", "", "t-documents-public-access", func(f *fixture) {
		f.set("t-documents-public-access", "blockPublicPolicy", false)
	}},
	{"rejects_bucket_without_public_access_block", "SR-S3-1", Dev, "t-documents", func(f *fixture) {
		f.remove("t-documents-public-access")
	}},
	{"rejects_object_writer_ownership", "SR-S3-2", "", "t-documents-ownership", func(f *fixture) {
		f.set("t-documents-ownership", "rule.objectOwnership", "ObjectWriter")
	}},
	{"rejects_public_read_acl", "SR-S3-2", "", "t-documents-acl", func(f *fixture) {
		f.add(typeBucketACL, "t-documents-acl", map[string]any{"bucket": auto("t-documents"), "acl": "public-read"}, "t-documents")
	}},
	{"rejects_bucket_without_ownership_controls", "SR-S3-2", "", "t-documents", func(f *fixture) { f.remove("t-documents-ownership") }},
	{"rejects_policy_without_tls_deny", "SR-S3-3", "", "t-documents-policy", func(f *fixture) {
		f.set("t-documents-policy", "policy", doc(stmt("Read", "Allow", map[string]any{
			"Principal": map[string]any{"AWS": "arn:aws:iam::" + acct + ":root"}, "Action": "s3:GetObject",
			"Resource": "arn:aws:s3:::" + auto("t-documents") + "/*"})))
	}},
	{"rejects_bucket_without_policy", "SR-S3-3", "", "t-documents", func(f *fixture) { f.remove("t-documents-policy") }},
	{"rejects_public_bucket_grant", "SR-S3-4", "", "t-documents-policy", func(f *fixture) {
		f.addStatement("t-documents-policy", "policy", stmt("Public", "Allow", map[string]any{"Principal": "*",
			"Action": "s3:GetObject", "Resource": "arn:aws:s3:::" + auto("t-documents") + "/*"}))
	}},
	{"rejects_not_principal", "SR-S3-4", "", "t-documents-policy", func(f *fixture) {
		f.addStatement("t-documents-policy", "policy", stmt("Odd", "Deny", map[string]any{
			"NotPrincipal": map[string]any{"AWS": "arn:aws:iam::" + acct + ":root"}, "Action": "s3:DeleteObject",
			"Resource": "arn:aws:s3:::" + auto("t-documents") + "/*"}))
	}},
	{"rejects_sse_s3_in_prod", "SR-S3-5", "", "t-documents-encryption", func(f *fixture) {
		f.set("t-documents-encryption", "rules", list(map[string]any{
			"applyServerSideEncryptionByDefault": map[string]any{"sseAlgorithm": "AES256"}}))
	}},
	{"warns_missing_bucket_key_in_dev", "SR-S3-5", Dev, "t-documents-encryption", func(f *fixture) {
		f.set("t-documents-encryption", "rules.0.bucketKeyEnabled", false)
	}},
	{"rejects_bucket_without_encryption_config", "SR-S3-5", "", "t-documents", func(f *fixture) { f.remove("t-documents-encryption") }},
	{"rejects_suspended_versioning", "SR-S3-6", "", "t-documents-versioning", func(f *fixture) {
		f.set("t-documents-versioning", "versioningConfiguration.status", "Suspended")
	}},
	{"rejects_bucket_without_access_logging", "SR-S3-7", "", "t-documents", func(f *fixture) { f.remove("t-documents-logging") }},
	{"rejects_bucket_logging_to_itself", "SR-S3-7", "", "t-documents-logging", func(f *fixture) {
		f.set("t-documents-logging", "targetBucket", auto("t-documents"))
	}},
	{"rejects_lifecycle_without_multipart_abort", "SR-S3-8", "", "t-documents-lifecycle", func(f *fixture) {
		f.set("t-documents-lifecycle", "rules.0.status", "Disabled")
	}},
	{"rejects_versioned_bucket_without_noncurrent_expiry", "SR-S3-8", "", "t-documents", func(f *fixture) {
		f.set("t-documents-lifecycle", "rules.1.noncurrentVersionExpiration", nil)
	}},
	{"rejects_bucket_without_lifecycle", "SR-S3-8", Dev, "t-documents", func(f *fixture) { f.remove("t-documents-lifecycle") }},
	{"rejects_dotted_bucket_name", "SR-S3-9", "", "t-documents", func(f *fixture) {
		f.set("t-documents", "bucket", "docs.example")
		f.rename(auto("t-documents"), "docs.example")
	}},
	{"rejects_uppercase_bucket_prefix", "SR-S3-9", "", "t-documents", func(f *fixture) {
		f.set("t-documents", "bucketPrefix", "Docs-")
		f.rename(auto("t-documents"), "Docs-20260101000000000000000001")
	}},
	{"warns_bucket_without_notifications", "SR-S3-10", "", "t-documents", func(f *fixture) { f.remove("t-documents-notification") }},
	{"warns_bucket_without_replication", "SR-S3-11", "", "t-documents", func(f *fixture) { f.remove("t-documents-replication") }},
	{"rejects_force_destroy_in_prod", "SR-S3-13", "", "t-documents", func(f *fixture) { f.set("t-documents", "forceDestroy", true) }},
	{"rejects_unprotected_bucket", "SR-S3-13", "", "t-documents", func(f *fixture) { f.get("t-documents").Protect = false }},

	// IAM
	{"rejects_admin_statement", "SR-IAM-1", "", "t-workflow-policy", func(f *fixture) {
		f.addStatement("t-workflow-policy", "policy", stmt("Admin", "Allow", map[string]any{"Action": "*", "Resource": "*"}))
	}},
	{"rejects_administrator_access", "SR-IAM-1", Dev, "t-workflow-agent-admin", func(f *fixture) {
		f.add(typeRoleAttachment, "t-workflow-agent-admin", map[string]any{"role": auto("t-workflow-agent"),
			"policyArn": "arn:aws:iam::aws:policy/AdministratorAccess"}, "t-workflow-agent")
	}},
	{"rejects_service_wildcard", "SR-IAM-2", "", "t-workflow-policy", func(f *fixture) {
		f.addStatement("t-workflow-policy", "policy", stmt("AllS3", "Allow", map[string]any{"Action": "s3:*",
			"Resource": "arn:aws:s3:::t-processed-abc1234/*"}))
	}},
	{"rejects_scopable_action_on_star", "SR-IAM-3", "", "t-base-policy", func(f *fixture) {
		f.addStatement("t-base-policy", "policy", stmt("ReadAll", "Allow", map[string]any{"Action": "s3:GetObject", "Resource": "*"}))
	}},
	{"rejects_put_metric_data_without_namespace", "SR-IAM-3", "", "t-base-policy", func(f *fixture) {
		f.addStatement("t-base-policy", "policy", stmt("Metrics2", "Allow", map[string]any{"Action": "cloudwatch:PutMetricData", "Resource": "*"}))
	}},
	{"rejects_unscoped_pass_role", "SR-IAM-4", "", "t-workflow-policy", func(f *fixture) {
		f.addStatement("t-workflow-policy", "policy", stmt("Pass", "Allow", map[string]any{"Action": "iam:PassRole", "Resource": "*"}))
	}},
	{"rejects_put_role_policy", "SR-IAM-4", "", "t-workflow-policy", func(f *fixture) {
		f.addStatement("t-workflow-policy", "policy", stmt("Escalate", "Allow", map[string]any{"Action": "iam:Put*",
			"Resource": "arn:aws:iam::" + acct + ":role/x"}))
	}},
	{"rejects_allow_not_action", "SR-IAM-5", "", "t-workflow-policy", func(f *fixture) {
		f.addStatement("t-workflow-policy", "policy", stmt("AllButIAM", "Allow", map[string]any{"NotAction": "iam:*",
			"Resource": "arn:aws:s3:::t-processed-abc1234/*"}))
	}},
	{"rejects_not_principal_trust", "SR-IAM-5", "", "t-workflow-agent", func(f *fixture) {
		f.addStatement("t-workflow-agent", "assumeRolePolicy", stmt("Odd", "Deny", map[string]any{
			"NotPrincipal": map[string]any{"Service": agentCoreService}, "Action": "sts:AssumeRole"}))
	}},
	{"rejects_agentcore_trust_without_source_arn", "SR-IAM-6", "", "t-assistant-agent", func(f *fixture) {
		f.set("t-assistant-agent", "assumeRolePolicy", doc(stmt("AgentCore", "Allow", map[string]any{
			"Principal": map[string]any{"Service": agentCoreService}, "Action": "sts:AssumeRole",
			"Condition": map[string]any{"StringEquals": map[string]any{"aws:SourceAccount": acct}}})))
	}},
	{"rejects_trust_of_everyone", "SR-IAM-6", "", "t-workflow-agent", func(f *fixture) {
		f.addStatement("t-workflow-agent", "assumeRolePolicy", stmt("Anyone", "Allow", map[string]any{"Principal": "*", "Action": "sts:AssumeRole"}))
	}},
	{"rejects_unconditioned_account_root_trust", "SR-IAM-6", "", "t-workflow-agent", func(f *fixture) {
		f.addStatement("t-workflow-agent", "assumeRolePolicy", stmt("Account", "Allow", map[string]any{
			"Principal": map[string]any{"AWS": acct}, "Action": "sts:AssumeRole"}))
	}},
	{"rejects_aws_managed_policy", "SR-IAM-7", "", "t-workflow-agent", func(f *fixture) {
		f.set("t-workflow-agent", "managedPolicyArns", list("arn:aws:iam::aws:policy/AmazonS3FullAccess"))
	}},
	{"warns_aws_managed_policy_in_dev", "SR-IAM-7", Dev, "t-workflow-agent-s3", func(f *fixture) {
		f.add(typeRoleAttachment, "t-workflow-agent-s3", map[string]any{"role": auto("t-workflow-agent"),
			"policyArn": "arn:aws:iam::aws:policy/BedrockAgentCoreFullAccess"}, "t-workflow-agent")
	}},
	{"rejects_write_in_assistant_role", "SR-IAM-8", "", "t-assistant-policy", func(f *fixture) {
		f.addStatement("t-assistant-policy", "policy", stmt("Write", "Allow", map[string]any{"Action": "s3:PutObject",
			"Resource": "arn:aws:s3:::" + auto("t-documents") + "/*"}))
	}},
	{"rejects_write_in_any_role_tagged_read_only", "SR-IAM-8", "", "t-researcher-policy", func(f *fixture) {
		f.add(typeRole, "t-researcher", map[string]any{"assumeRolePolicy": agentCoreTrust(),
			"tags": map[string]any{"component": "access", "bidopsai:access": "read-only"}})
		f.add(typePolicy, "t-researcher-policy", map[string]any{"policy": doc(stmt("Write", "Allow",
			map[string]any{"Action": "s3:PutObject", "Resource": "arn:aws:s3:::" + auto("t-documents") + "/*"}))})
		f.add(typeRoleAttachment, "t-researcher-own", map[string]any{"role": auto("t-researcher"),
			"policyArn": "arn:aws:iam::" + acct + ":policy/" + auto("t-researcher-policy")}, "t-researcher", "t-researcher-policy")
	}},
	{"rejects_write_in_policy_attached_to_assistant", "SR-IAM-8", "", "t-base-policy", func(f *fixture) {
		f.addStatement("t-base-policy", "policy", stmt("Events", "Allow", map[string]any{"Action": "bedrock-agentcore:DeleteEvent",
			"Resource": "arn:aws:bedrock-agentcore:us-east-1:" + acct + ":memory/*"}))
	}},
	{"rejects_workflow_write_to_documents", "SR-IAM-9", "", "t-workflow-policy", func(f *fixture) {
		f.addStatement("t-workflow-policy", "policy", stmt("WriteDocs", "Allow", map[string]any{"Action": "s3:PutObject",
			"Resource": "arn:aws:s3:::" + auto("t-documents") + "/*"}))
	}},
	{"rejects_workflow_write_to_access_logs", "SR-IAM-9", "", "t-workflow-policy", func(f *fixture) {
		f.addStatement("t-workflow-policy", "policy", stmt("WriteLogs", "Allow", map[string]any{"Action": "s3:PutObject",
			"Resource": "arn:aws:s3:::t-access-logs-processed/*"}))
	}},
	{"rejects_workflow_bucket_delete", "SR-IAM-9", "", "t-workflow-policy", func(f *fixture) {
		f.addStatement("t-workflow-policy", "policy", stmt("Drop", "Allow", map[string]any{"Action": "s3:DeleteBucket",
			"Resource": "arn:aws:s3:::t-processed-abc1234"}))
	}},
	{"rejects_decrypt_on_star", "SR-IAM-10", "", "t-base-policy", func(f *fixture) {
		f.addStatement("t-base-policy", "policy", stmt("DecryptAll", "Allow", map[string]any{"Action": "kms:Decrypt", "Resource": "*"}))
	}},
	{"warns_inline_role_policy", "SR-IAM-11", "", "t-workflow-agent-inline", func(f *fixture) {
		f.add(typeRolePolicy, "t-workflow-agent-inline", map[string]any{"role": auto("t-workflow-agent"), "policy": doc(
			stmt("Read", "Allow", map[string]any{"Action": "s3:GetObject", "Resource": "arn:aws:s3:::" + auto("t-documents") + "/*"}))},
			"t-workflow-agent")
	}},

	// Secrets Manager and SSM
	{"rejects_secret_without_cmk", "SR-SM-1", "", "t-db-secret", func(f *fixture) { f.set("t-db-secret", "kmsKeyId", nil) }},
	{"rejects_secret_without_rotation", "SR-SM-2", "", "t-db-secret", func(f *fixture) { f.remove("t-db-rotation") }},
	{"rejects_rotation_over_90_days", "SR-SM-2", "", "t-db-rotation", func(f *fixture) {
		f.set("t-db-rotation", "rotationRules.automaticallyAfterDays", 120.0)
	}},
	{"rejects_plaintext_secret_value", "SR-SM-3", "", "t-db-version", func(f *fixture) { f.set("t-db-version", "secretString", "hunter2") }},
	{"rejects_short_recovery_window_in_prod", "SR-SM-4", "", "t-db-secret", func(f *fixture) {
		f.set("t-db-secret", "recoveryWindowInDays", 7.0)
	}},
	{"warns_invalid_recovery_window_in_dev", "SR-SM-4", Dev, "t-db-secret", func(f *fixture) {
		f.set("t-db-secret", "recoveryWindowInDays", 3.0)
	}},
	{"warns_secret_without_description", "SR-SM-5", "", "t-db-secret", func(f *fixture) { f.set("t-db-secret", "description", nil) }},
	{"rejects_string_parameter", "SR-SSM-1", "", "t-flag", func(f *fixture) { f.set("t-flag", "type", "String") }},
	{"rejects_secure_string_with_aws_key", "SR-SSM-2", "", "t-flag", func(f *fixture) { f.set("t-flag", "keyId", "alias/aws/ssm") }},
	{"rejects_reserved_parameter_name", "SR-SSM-3", "", "t-flag", func(f *fixture) { f.set("t-flag", "name", "/aws/flag") }},
	{"rejects_advanced_tier_for_small_value", "SR-SSM-3", "", "t-flag", func(f *fixture) {
		f.set("t-flag", "tier", "Advanced")
		f.set("t-flag", "value", "small")
	}},

	// KMS
	{"rejects_key_without_rotation", "SR-KMS-1", "", "t-key", func(f *fixture) { f.set("t-key", "enableKeyRotation", false) }},
	{"rejects_public_key_policy", "SR-KMS-2", "", "t-key", func(f *fixture) {
		f.addStatement("t-key", "policy", stmt("Everyone", "Allow", map[string]any{"Principal": "*", "Action": "kms:Decrypt", "Resource": "*"}))
	}},
	{"rejects_key_without_policy", "SR-KMS-2", "", "t-key", func(f *fixture) { f.set("t-key", "policy", nil) }},
	{"rejects_bypassed_lockout_check", "SR-KMS-3", "", "t-key", func(f *fixture) { f.set("t-key", "bypassPolicyLockoutSafetyCheck", true) }},
	{"rejects_short_deletion_window_in_prod", "SR-KMS-4", "", "t-key", func(f *fixture) { f.set("t-key", "deletionWindowInDays", 7.0) }},
	{"rejects_unprotected_key_in_prod", "SR-KMS-4", "", "t-key", func(f *fixture) { f.get("t-key").Protect = false }},
	{"warns_out_of_range_deletion_window_in_dev", "SR-KMS-4", Dev, "t-key", func(f *fixture) { f.set("t-key", "deletionWindowInDays", 45.0) }},
	{"rejects_logs_key_without_context", "SR-KMS-5", "", "t-key", func(f *fixture) {
		f.set("t-key", "policy", doc(stmt("Admin", "Allow", map[string]any{"Principal": map[string]any{"AWS": "arn:aws:iam::" + acct + ":root"},
			"Action": "kms:*", "Resource": "*"}),
			stmt("Logs", "Allow", map[string]any{"Principal": map[string]any{"Service": "logs.us-east-1.amazonaws.com"},
				"Action": "kms:Encrypt", "Resource": "*"})))
	}},
	{"rejects_logs_key_not_allowing_logs", "SR-KMS-5", Dev, "t-key", func(f *fixture) {
		f.set("t-key", "policy", doc(stmt("Admin", "Allow", map[string]any{"Principal": map[string]any{"AWS": "arn:aws:iam::" + acct + ":root"},
			"Action": "kms:*", "Resource": "*"})))
	}},

	// CloudWatch
	{"rejects_unset_retention", "SR-CW-1", "", "t-logs", func(f *fixture) { f.set("t-logs", "retentionInDays", nil) }},
	{"rejects_180_day_retention_in_prod", "SR-CW-2", "", "t-logs", func(f *fixture) { f.set("t-logs", "retentionInDays", 180.0) }},
	{"rejects_30_day_retention_in_staging", "SR-CW-2", Staging, "t-logs", func(f *fixture) { f.set("t-logs", "retentionInDays", 30.0) }},
	{"rejects_log_group_without_cmk", "SR-CW-3", "", "t-logs", func(f *fixture) { f.set("t-logs", "kmsKeyId", nil) }},
	{"rejects_never_expiring_logs", "SR-CW-4", "", "t-logs", func(f *fixture) { f.set("t-logs", "retentionInDays", 0.0) }},
	{"rejects_alarm_without_actions", "SR-ALM-1", "", "t-errors", func(f *fixture) { f.set("t-errors", "alarmActions", list()) }},
	{"warns_alarm_without_actions_in_dev", "SR-ALM-1", Dev, "t-errors", func(f *fixture) { f.set("t-errors", "alarmActions", nil) }},
	{"rejects_disabled_alarm_actions", "SR-ALM-2", "", "t-errors", func(f *fixture) { f.set("t-errors", "actionsEnabled", false) }},
	{"rejects_unencrypted_alarm_topic", "SR-ALM-3", "", "t-alarms", func(f *fixture) { f.set("t-alarms", "kmsMasterKeyId", nil) }},
	{"rejects_alarm_without_missing_data_policy", "SR-ALM-4", "", "t-errors", func(f *fixture) { f.set("t-errors", "treatMissingData", nil) }},
	{"rejects_45_second_period", "SR-ALM-4", "", "t-errors", func(f *fixture) { f.set("t-errors", "period", 45.0) }},
	{"rejects_more_datapoints_than_periods", "SR-ALM-4", "", "t-errors", func(f *fixture) { f.set("t-errors", "datapointsToAlarm", 3.0) }},
	{"rejects_invalid_dashboard_json", "SR-DASH-1", "", "t-dashboard", func(f *fixture) { f.set("t-dashboard", "dashboardBody", `{"widgets":[`) }},
	{"rejects_dashboard_reading_foreign_logs", "SR-DASH-1", "", "t-dashboard", func(f *fixture) {
		f.set("t-dashboard", "dashboardBody", `{"widgets":[{"type":"log","properties":{"query":"SOURCE '/other/app' | fields @message"}}]}`)
	}},

	// X-Ray
	{"warns_tracing_without_kms", "SR-XR-1", "", "t-sampling", func(f *fixture) { f.remove("t-xray-encryption") }},
	{"warns_xray_encryption_none", "SR-XR-1", "", "t-xray-encryption", func(f *fixture) {
		f.set("t-xray-encryption", "type", "NONE")
		f.set("t-xray-encryption", "keyId", nil)
	}},
	{"rejects_full_sampling_in_prod", "SR-XR-2", "", "t-sampling", func(f *fixture) { f.set("t-sampling", "fixedRate", 1.0) }},
	{"rejects_traces_without_sampling_rule", "SR-XR-2", "", "t-traces", func(f *fixture) { f.remove("t-sampling") }},
	{"rejects_other_xray_action_on_star", "SR-XR-3", "", "t-base-policy", func(f *fixture) {
		f.addStatement("t-base-policy", "policy", stmt("Read", "Allow", map[string]any{"Action": "xray:GetTraceSummaries", "Resource": "*"}))
	}},

	// Cognito
	{"rejects_short_passwords", "SR-COG-1", "", "t-pool", func(f *fixture) { f.set("t-pool", "passwordPolicy.minimumLength", 6.0) }},
	{"rejects_passwords_without_symbols", "SR-COG-1", Dev, "t-pool", func(f *fixture) { f.set("t-pool", "passwordPolicy.requireSymbols", false) }},
	{"rejects_optional_mfa_in_prod", "SR-COG-2", "", "t-pool", func(f *fixture) { f.set("t-pool", "mfaConfiguration", "OPTIONAL") }},
	{"warns_mfa_off_in_dev", "SR-COG-2", Dev, "t-pool", func(f *fixture) { f.set("t-pool", "mfaConfiguration", "OFF") }},
	{"warns_threat_protection_audit_only", "SR-COG-3", "", "t-pool", func(f *fixture) {
		f.set("t-pool", "userPoolAddOns.advancedSecurityMode", "AUDIT")
	}},
	{"rejects_pool_without_deletion_protection", "SR-COG-4", "", "t-pool", func(f *fixture) { f.set("t-pool", "deletionProtection", "INACTIVE") }},
	{"rejects_unauthenticated_identities", "SR-COG-5", "", "t-identities", func(f *fixture) {
		f.set("t-identities", "allowUnauthenticatedIdentities", true)
	}},
	{"rejects_password_auth_flow", "SR-COG-7", Dev, "t-web-client", func(f *fixture) {
		f.set("t-web-client", "explicitAuthFlows", list("ALLOW_USER_PASSWORD_AUTH", "ALLOW_USER_SRP_AUTH"))
	}},
	{"rejects_default_auth_flows", "SR-COG-7", "", "t-web-client", func(f *fixture) { f.set("t-web-client", "explicitAuthFlows", nil) }},
	{"rejects_runtime_without_jwt_authorizer", "SR-COG-6", "", "t-assistant", func(f *fixture) { f.set("t-assistant", "authorizer", nil) }},
	{"rejects_authorizer_without_clients", "SR-COG-6", "", "t-assistant", func(f *fixture) {
		f.set("t-assistant", "authorizer.allowedClients", list())
	}},

	// AgentCore and Data Automation
	{"rejects_role_outside_the_stack", "SR-AC-1", "", "t-assistant", func(f *fixture) {
		f.set("t-assistant", "roleArn", "arn:aws:iam::"+acct+":role/someone-elses")
	}},
	{"rejects_role_not_trusting_agentcore", "SR-AC-1", "", "t-assistant", func(f *fixture) {
		f.set("t-assistant-agent", "assumeRolePolicy", doc(stmt("Lambda", "Allow", map[string]any{
			"Principal": map[string]any{"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"})))
	}},
	{"rejects_latest_image", "SR-AC-2", "", "t-assistant", func(f *fixture) {
		f.set("t-assistant", "containerUri", acct+".dkr.ecr.us-east-1.amazonaws.com/"+auto("t-images")+":latest")
	}},
	{"rejects_tag_of_foreign_repository", "SR-AC-2", "", "t-assistant", func(f *fixture) {
		f.set("t-assistant", "containerUri", "public.ecr.aws/someone/agent:v1.0.0")
	}},
	{"rejects_secret_in_environment", "SR-AC-3", "", "t-assistant", func(f *fixture) {
		f.set("t-assistant", "environmentVariables.DB_PASSWORD", inventory.Secret)
	}},
	{"rejects_credential_looking_value", "SR-AC-3", "", "t-assistant", func(f *fixture) {
		f.set("t-assistant", "environmentVariables.UPSTREAM", "AKIAABCDEFGHIJKLMNOP")
	}},
	{"rejects_value_named_like_a_secret", "SR-AC-3", "", "t-assistant", func(f *fixture) {
		f.set("t-assistant", "environmentVariables.SLACK_TOKEN", "not-a-reference")
	}},
	{"rejects_hyphen_in_runtime_name", "SR-AC-4", "", "t-assistant", func(f *fixture) { f.set("t-assistant", "agentRuntimeName", "t-assistant") }},
	{"rejects_unbounded_sessions", "SR-AC-6", "", "t-assistant", func(f *fixture) { f.set("t-assistant", "maxLifetime", nil) }},
	{"rejects_idle_longer_than_lifetime", "SR-AC-6", "", "t-assistant", func(f *fixture) {
		f.set("t-assistant", "idleRuntimeSessionTimeout", 3600.0)
		f.set("t-assistant", "maxLifetime", 1800.0)
	}},
	{"rejects_missing_delete_timeout", "SR-AC-7", "", "t-assistant", func(f *fixture) { delete(f.get("t-assistant").CustomTimeouts, "delete") }},
	{"rejects_jwt_runtime_role_without_the_user_id_deny", "SR-AC-11", Dev, "t-assistant", func(f *fixture) {
		// The deny now names another action, so the user-id form is no longer denied.
		f.set("t-base-policy", "policy", strings.Replace(f.get("t-base-policy").Inputs["policy"].(string),
			"GetWorkloadAccessTokenForUserId", "GetWorkloadAccessTokenForJWTx", 1))
	}},
	{"rejects_jwt_runtime_role_allowing_user_id_tokens", "SR-AC-11", "", "t-assistant", func(f *fixture) {
		f.addStatement("t-assistant-policy", "policy", stmt("UserIdTokens", "Allow", map[string]any{
			"Action":   "bedrock-agentcore:GetWorkloadAccessToken*",
			"Resource": "arn:aws:bedrock-agentcore:us-east-1:" + acct + ":workload-identity-directory/default"}))
	}},
	{"rejects_runtime_without_the_stack_tag", "SR-TAG-1", Dev, "t-assistant", func(f *fixture) { f.set("t-assistant", "tags.stack", nil) }},
	{"rejects_project_with_only_the_component_tag", "SR-TAG-1", "", "t-parser", func(f *fixture) {
		f.set("t-parser", "tags", map[string]any{"component": "dataautomation"})
	}},
	{"rejects_unprotected_runtime", "SR-AC-8", "", "t-assistant", func(f *fixture) { f.get("t-assistant").Protect = false }},
	{"rejects_amd64_image", "SR-AC-9", "", "t-assistant-image", func(f *fixture) {
		f.set("t-assistant-image", "build.platform", "linux/amd64")
	}},
	{"rejects_public_network_mode_in_prod", "SR-AC-10", "", "t-assistant", func(f *fixture) { f.set("t-assistant", "networkMode", "PUBLIC") }},
	{"warns_public_network_mode_in_staging", "SR-AC-10", Staging, "t-assistant", func(f *fixture) {
		f.set("t-assistant", "networkMode", "PUBLIC")
	}},
	{"warns_data_automation_without_cmk", "SR-BDA-1", "", "t-parser", func(f *fixture) { f.set("t-parser", "kmsKeyId", nil) }},

	// Network
	{"rejects_vpc_without_ecr_dkr_endpoint", "SR-NET-1", "", "t-vpc", func(f *fixture) { f.remove("t-endpoint-ecr.dkr") }},
	{"rejects_vpc_without_s3_gateway", "SR-NET-1", Dev, "t-vpc", func(f *fixture) { f.remove("t-endpoint-s3") }},
	{"rejects_endpoint_without_private_dns", "SR-NET-1", "", "t-vpc", func(f *fixture) {
		f.set("t-endpoint-bedrock-agentcore", "privateDnsEnabled", false)
	}},
	{"rejects_s3_as_interface_only", "SR-NET-1", "", "t-vpc", func(f *fixture) {
		f.set("t-endpoint-s3", "vpcEndpointType", "Interface")
		f.set("t-endpoint-s3", "privateDnsEnabled", true)
	}},
	{"ignores_endpoints_of_another_vpc", "SR-NET-1", "", "t-vpc", func(f *fixture) {
		f.remove("t-endpoint-sts")
		f.add(typeVpc, "t-other-vpc", map[string]any{"cidrBlock": "10.1.0.0/16"})
		f.add(typeEndpoint, "t-other-vpc-sts", map[string]any{"vpcId": "vpc-other",
			"serviceName": network.ServiceName("us-east-1", "sts"), "vpcEndpointType": "Interface", "privateDnsEnabled": true}, "t-other-vpc")
		f.add(typeFlowLog, "t-other-vpc-flow-logs", map[string]any{"vpcId": "vpc-other"}, "t-other-vpc")
		for _, e := range f.inv.Resources {
			if e.Type == typeEndpoint && e.Name != "t-other-vpc-sts" {
				f.add(typeEndpoint, "t-other-vpc-"+strings.TrimPrefix(e.Name, "t-endpoint-"), e.Inputs, "t-other-vpc")
			}
		}
	}},
	{"rejects_vpc_without_flow_logs", "SR-NET-2", "", "t-vpc", func(f *fixture) { f.remove("t-flow-logs") }},
}

func TestEachMutationBreaksExactlyItsRule(t *testing.T) {
	covered := map[string]bool{}
	for _, m := range mutations {
		t.Run(m.name, func(t *testing.T) {
			env := m.env
			if env == "" {
				env = Prod
			}
			f := baseline(t)
			m.mutate(f)
			rule, ok := Lookup(m.rule)
			if !ok {
				t.Fatalf("no rule %s", m.rule)
			}
			v := expectOnly(t, Check(f.inv, env).Violations, m.rule, rule.Levels.For(env).String())
			if v.URN != f.get(m.on).URN {
				t.Errorf("reported on %s, want %s", v.URN, f.get(m.on).URN)
			}
			if v.Message == "" {
				t.Error("violation has no message")
			}
		})
		covered[m.rule] = true
	}
	for _, r := range Rules() {
		if !covered[r.ID] {
			t.Errorf("%s has no mutation", r.ID)
		}
	}
}
