package policy

import (
	"strings"
	"testing"

	"github.com/bidopsai/bidopsai-infra/internal/inventory"
)

const unk = inventory.Unknown

// unknownCase makes an input a rule reads "[unknown]", as during preview. Other rules reading
// the same input may be unknown too; none may pass or fail on it.
type unknownCase struct {
	rule   string
	mutate func(f *fixture)
}

// detach makes a settings resource's bucket reference unknown and unresolvable.
func detach(f *fixture, name string) {
	f.set(name, "bucket", unk)
	f.get(name).Dependencies = nil
}

var unknownCases = []unknownCase{
	{"SR-ECR-1", func(f *fixture) { f.set("t-images", "imageScanningConfiguration", unk) }},
	{"SR-ECR-2", func(f *fixture) { f.set("t-images", "imageTagMutability", unk) }},
	{"SR-ECR-3", func(f *fixture) { f.set("t-images-lifecycle", "policy", unk) }},
	{"SR-ECR-4", func(f *fixture) { f.set("t-images", "encryptionConfigurations.0.kmsKey", unk) }},
	{"SR-ECR-5", func(f *fixture) { f.set("t-images-policy", "policy", unk) }},
	{"SR-ECR-6", func(f *fixture) { f.set("t-images", "forceDelete", unk) }},
	{"SR-S3-1", func(f *fixture) { f.set("t-documents-public-access", "ignorePublicAcls", unk) }},
	{"SR-S3-2", func(f *fixture) { f.set("t-documents-ownership", "rule", unk) }},
	{"SR-S3-3", func(f *fixture) { detach(f, "t-documents-policy") }},
	{"SR-S3-4", func(f *fixture) { f.set("t-documents-policy", "policy", unk) }},
	{"SR-S3-5", func(f *fixture) {
		f.set("t-documents-encryption", "rules.0.applyServerSideEncryptionByDefault.kmsMasterKeyId", unk)
	}},
	{"SR-S3-6", func(f *fixture) { f.set("t-documents-versioning", "versioningConfiguration.status", unk) }},
	{"SR-S3-7", func(f *fixture) { f.set("t-documents-logging", "targetBucket", unk) }},
	{"SR-S3-8", func(f *fixture) { f.set("t-documents-lifecycle", "rules", unk) }},
	{"SR-S3-9", func(f *fixture) { f.set("t-documents", "bucket", unk) }},
	{"SR-S3-10", func(f *fixture) { detach(f, "t-documents-notification") }},
	{"SR-S3-11", func(f *fixture) { detach(f, "t-documents-replication") }},
	{"SR-S3-13", func(f *fixture) { f.set("t-documents", "forceDestroy", unk) }},
	{"SR-IAM-1", func(f *fixture) { f.set("t-workflow-agent-own", "policyArn", unk) }},
	{"SR-IAM-2", func(f *fixture) { f.set("t-workflow-policy", "policy", unk) }},
	{"SR-IAM-3", func(f *fixture) { f.set("t-base-policy", "policy", unk) }},
	{"SR-IAM-4", func(f *fixture) { f.set("t-workflow-policy", "policy", unk) }},
	{"SR-IAM-5", func(f *fixture) { f.set("t-workflow-agent", "assumeRolePolicy", unk) }},
	{"SR-IAM-6", func(f *fixture) { f.set("t-workflow-agent", "assumeRolePolicy", unk) }},
	{"SR-IAM-7", func(f *fixture) { f.set("t-workflow-agent", "managedPolicyArns", unk) }},
	{"SR-IAM-8", func(f *fixture) { f.set("t-assistant-policy", "policy", unk) }},
	{"SR-IAM-9", func(f *fixture) { f.set("t-workflow-policy", "policy", unk) }},
	{"SR-IAM-10", func(f *fixture) { f.set("t-base-policy", "policy", unk) }},
	{"SR-IAM-11", func(f *fixture) { f.set("t-workflow-agent", "inlinePolicies", unk) }},
	{"SR-SM-1", func(f *fixture) { f.set("t-db-secret", "kmsKeyId", unk) }},
	{"SR-SM-2", func(f *fixture) { f.set("t-db-rotation", "rotationRules", unk) }},
	{"SR-SM-3", func(f *fixture) { f.set("t-db-version", "secretString", unk) }},
	{"SR-SM-4", func(f *fixture) { f.set("t-db-secret", "recoveryWindowInDays", unk) }},
	{"SR-SM-5", func(f *fixture) { f.set("t-db-secret", "description", unk) }},
	{"SR-SSM-1", func(f *fixture) { f.set("t-flag", "type", unk) }},
	{"SR-SSM-2", func(f *fixture) { f.set("t-flag", "keyId", unk) }},
	{"SR-SSM-3", func(f *fixture) { f.set("t-flag", "name", unk) }},
	{"SR-KMS-1", func(f *fixture) { f.set("t-key", "enableKeyRotation", unk) }},
	{"SR-KMS-2", func(f *fixture) { f.set("t-key", "policy", unk) }},
	{"SR-KMS-3", func(f *fixture) { f.set("t-key", "bypassPolicyLockoutSafetyCheck", unk) }},
	{"SR-KMS-4", func(f *fixture) { f.set("t-key", "deletionWindowInDays", unk) }},
	{"SR-KMS-5", func(f *fixture) { f.set("t-key", "policy", unk) }},
	{"SR-CW-1", func(f *fixture) { f.set("t-logs", "retentionInDays", unk) }},
	{"SR-CW-2", func(f *fixture) { f.set("t-logs", "retentionInDays", unk) }},
	{"SR-CW-3", func(f *fixture) { f.set("t-logs", "kmsKeyId", unk) }},
	{"SR-CW-4", func(f *fixture) { f.set("t-logs", "retentionInDays", unk) }},
	{"SR-ALM-1", func(f *fixture) { f.set("t-errors", "alarmActions", unk) }},
	{"SR-ALM-2", func(f *fixture) { f.set("t-errors", "actionsEnabled", unk) }},
	{"SR-ALM-3", func(f *fixture) { f.set("t-alarms", "kmsMasterKeyId", unk) }},
	{"SR-ALM-4", func(f *fixture) { f.set("t-errors", "period", unk) }},
	{"SR-DASH-1", func(f *fixture) { f.set("t-dashboard", "dashboardBody", unk) }},
	{"SR-XR-1", func(f *fixture) { f.set("t-xray-encryption", "keyId", unk) }},
	{"SR-XR-2", func(f *fixture) { f.set("t-sampling", "fixedRate", unk) }},
	{"SR-XR-3", func(f *fixture) { f.set("t-base-policy", "policy", unk) }},
	{"SR-COG-1", func(f *fixture) { f.set("t-pool", "passwordPolicy.minimumLength", unk) }},
	{"SR-COG-2", func(f *fixture) { f.set("t-pool", "mfaConfiguration", unk) }},
	{"SR-COG-3", func(f *fixture) { f.set("t-pool", "userPoolAddOns", unk) }},
	{"SR-COG-4", func(f *fixture) { f.set("t-pool", "deletionProtection", unk) }},
	{"SR-COG-5", func(f *fixture) { f.set("t-identities", "allowUnauthenticatedIdentities", unk) }},
	{"SR-COG-6", func(f *fixture) { f.set("t-assistant", "authorizer", unk) }},
	{"SR-COG-7", func(f *fixture) { f.set("t-web-client", "explicitAuthFlows", unk) }},
	{"SR-TAG-1", func(f *fixture) { f.set("t-parser", "tags", unk) }},
	{"SR-AC-11", func(f *fixture) { f.set("t-base-policy", "policy", unk) }},
	{"SR-AC-1", func(f *fixture) {
		f.set("t-assistant", "roleArn", unk)
		f.get("t-assistant").Dependencies = nil
	}},
	{"SR-AC-2", func(f *fixture) { f.set("t-assistant", "containerUri", unk) }},
	{"SR-AC-3", func(f *fixture) { f.set("t-assistant", "environmentVariables.DATABASE_SECRET_ARN", unk) }},
	{"SR-AC-4", func(f *fixture) { f.set("t-assistant", "agentRuntimeName", unk) }},
	{"SR-AC-6", func(f *fixture) { f.set("t-assistant", "idleRuntimeSessionTimeout", unk) }},
	{"SR-AC-9", func(f *fixture) { f.set("t-assistant-image", "build", unk) }},
	{"SR-AC-10", func(f *fixture) { f.set("t-assistant", "networkMode", unk) }},
	{"SR-BDA-1", func(f *fixture) { f.set("t-parser", "kmsKeyId", unk) }},
	{"SR-NET-1", func(f *fixture) { f.set("t-endpoint-logs", "serviceName", unk) }},
	{"SR-NET-2", func(f *fixture) {
		f.set("t-flow-logs", "vpcId", unk)
		f.get("t-flow-logs").Dependencies = nil
	}},
}

// inputFree are the rules that read only resource options, never inputs.
var inputFree = map[string]bool{"SR-AC-7": true, "SR-AC-8": true}

func TestUnknownInputsAreReportedAsUnknownNeverAsPassing(t *testing.T) {
	covered := map[string]bool{}
	for _, c := range unknownCases {
		covered[c.rule] = true
		t.Run(c.rule, func(t *testing.T) {
			f := baseline(t)
			c.mutate(f)
			found := false
			for _, v := range Check(f.inv, Prod).Violations {
				if v.Level != LevelUnknown {
					t.Errorf("an unknown input made %s %s: %s", v.Rule, v.Level, v.Message)
				}
				if v.Rule == c.rule && v.Level == LevelUnknown {
					found = true
					rule, _ := Lookup(c.rule)
					if !strings.Contains(v.Message, rule.Levels.Prod.String()+" rule") {
						t.Errorf("message %q does not say the rule's level", v.Message)
					}
				}
			}
			if !found {
				t.Errorf("%s reported no unknown violation", c.rule)
			}
		})
	}
	for _, r := range Rules() {
		if !covered[r.ID] && !inputFree[r.ID] {
			t.Errorf("%s has no unknown-input case", r.ID)
		}
	}
}
