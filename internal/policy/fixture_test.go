package policy

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/bidopsai/bidopsai-infra/components/network"
	"github.com/bidopsai/bidopsai-infra/internal/inventory"
)

// The compliant baseline: one of every resource the rules read, named like the program names
// them (auto-names end in -abc1234), compliant in dev, staging and prod. Every mutation test
// starts from a fresh copy and breaks exactly one rule.

const (
	acct   = "123456789012"
	keyArn = "arn:aws:kms:us-east-1:123456789012:key/11111111-2222-3333-4444-555555555555"
	digest = "@sha256:" + "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
)

// auto is the physical name the fixture gives an auto-named resource.
func auto(logical string) string { return logical + "-abc1234" }

func urnOf(typ, name string) string { return "urn:pulumi:test::bidopsai::" + typ + "::" + name }

func doc(statements ...map[string]any) string {
	b, _ := json.Marshal(map[string]any{"Version": "2012-10-17", "Statement": statements}) // maps of literals always marshal
	return string(b)
}

func stmt(sid, effect string, fields map[string]any) map[string]any {
	fields["Sid"], fields["Effect"] = sid, effect
	return fields
}

type fixture struct {
	t   testing.TB
	inv *inventory.Inventory
}

func (f *fixture) add(typ, name string, inputs map[string]any, deps ...string) *inventory.Resource {
	r := inventory.Resource{URN: urnOf(typ, name), Type: typ, Name: name, Custom: true, Inputs: inputs,
		CustomTimeouts: map[string]string{}}
	for _, d := range deps {
		r.Dependencies = append(r.Dependencies, f.get(d).URN)
	}
	f.inv.Resources = append(f.inv.Resources, r)
	return &f.inv.Resources[len(f.inv.Resources)-1]
}

// get returns the resource with a logical name; the fixture's names are unique.
func (f *fixture) get(name string) *inventory.Resource {
	for i := range f.inv.Resources {
		if f.inv.Resources[i].Name == name {
			return &f.inv.Resources[i]
		}
	}
	f.t.Fatalf("fixture has no resource %s", name)
	return nil
}

func (f *fixture) remove(name string) {
	out := f.inv.Resources[:0]
	for _, r := range f.inv.Resources {
		if r.Name != name {
			out = append(out, r)
		}
	}
	f.inv.Resources = out
}

// set writes an input at a dotted path, creating maps on the way; a number indexes a list.
// A nil value deletes the input.
func (f *fixture) set(name, path string, value any) {
	if err := setPath(f.get(name).Inputs, strings.Split(path, "."), value); err != nil {
		f.t.Fatalf("set %s %s: %v", name, path, err)
	}
}

func setPath(m map[string]any, segs []string, value any) error {
	if len(segs) == 1 {
		if value == nil {
			delete(m, segs[0])
		} else {
			m[segs[0]] = value
		}
		return nil
	}
	next := m[segs[0]]
	if l, ok := next.([]any); ok {
		n, err := strconv.Atoi(segs[1])
		if err != nil || n >= len(l) {
			return fmt.Errorf("bad index %q", segs[1])
		}
		if len(segs) == 2 {
			l[n] = value
			return nil
		}
		elem, ok := l[n].(map[string]any)
		if !ok {
			return fmt.Errorf("element %d is not an object", n)
		}
		return setPath(elem, segs[2:], value)
	}
	child, ok := next.(map[string]any)
	if !ok {
		child = map[string]any{}
		m[segs[0]] = child
	}
	return setPath(child, segs[1:], value)
}

// rename points every "bucket" reference to a physical name at another one.
func (f *fixture) rename(from, to string) {
	for _, r := range f.inv.Resources {
		if r.Inputs["bucket"] == from && r.Type != typeBucket {
			r.Inputs["bucket"] = to
		}
	}
}

// addStatement appends a statement to the policy document held at path.
func (f *fixture) addStatement(name, path string, s map[string]any) {
	raw, _ := in(*f.get(name), path).str()
	var d struct {
		Version   string
		Statement []any
	}
	if err := json.Unmarshal([]byte(raw), &d); err != nil {
		f.t.Fatalf("%s %s is not a policy: %v", name, path, err)
	}
	d.Statement = append(d.Statement, s)
	b, _ := json.Marshal(d) // decoded JSON always marshals
	f.set(name, path, string(b))
}

func list(v ...any) []any { return v }

// baseline builds the compliant fixture.
func baseline(t testing.TB) *fixture {
	t.Helper()
	f := &fixture{t: t, inv: &inventory.Inventory{Project: "bidopsai", Stack: "test"}}
	f.kms()
	f.ecr()
	f.buckets()
	f.iam()
	f.secrets()
	f.observability()
	f.identity()
	f.agentcore()
	f.network()
	return f
}

func (f *fixture) kms() {
	k := f.add(typeKey, "t-key", map[string]any{
		"enableKeyRotation": true, "deletionWindowInDays": 30.0, "bypassPolicyLockoutSafetyCheck": false,
		"policy": doc(
			stmt("Admin", "Allow", map[string]any{"Principal": map[string]any{"AWS": "arn:aws:iam::" + acct + ":root"},
				"Action": "kms:*", "Resource": "*"}),
			stmt("Logs", "Allow", map[string]any{"Principal": map[string]any{"Service": "logs.us-east-1.amazonaws.com"},
				"Action": list("kms:Encrypt", "kms:Decrypt", "kms:GenerateDataKey"), "Resource": "*",
				"Condition": map[string]any{"ArnLike": map[string]any{logsContext: "arn:aws:logs:us-east-1:" + acct + ":log-group:*"}}}),
		)})
	k.Protect, k.RetainOnDelete = true, true
}

func (f *fixture) ecr() {
	repo := f.add(typeRepository, "t-images", map[string]any{
		"imageScanningConfiguration": map[string]any{"scanOnPush": true}, "imageTagMutability": "IMMUTABLE",
		"encryptionConfigurations": list(map[string]any{"encryptionType": "KMS", "kmsKey": keyArn}),
		"forceDelete":              false}, "t-key")
	repo.Protect = true
	f.add(typeLifecyclePolicy, "t-images-lifecycle", map[string]any{"repository": auto("t-images"),
		"policy": `{"rules":[{"rulePriority":1,"selection":{"tagStatus":"tagged","tagPrefixList":["v"],"countType":"imageCountMoreThan","countNumber":10},"action":{"type":"expire"}},` +
			`{"rulePriority":2,"selection":{"tagStatus":"untagged","countType":"sinceImagePushed","countUnit":"days","countNumber":7},"action":{"type":"expire"}}]}`},
		"t-images")
	f.add(typeRepositoryPolicy, "t-images-policy", map[string]any{"repository": auto("t-images"),
		"policy": doc(stmt("Pull", "Allow", map[string]any{"Principal": map[string]any{"AWS": list("arn:aws:iam::" + acct + ":root")},
			"Action": list("ecr:BatchGetImage")}))}, "t-images")
	f.add(typeImage, "t-assistant-image", map[string]any{"build": map[string]any{"platform": "linux/arm64"},
		"imageName": acct + ".dkr.ecr.us-east-1.amazonaws.com/" + auto("t-images") + ":v1.0.0"}, "t-images")
}

func (f *fixture) buckets() {
	for _, b := range []string{"t-documents", "t-access-logs"} {
		bucket := f.add(typeBucket, b, map[string]any{"forceDestroy": false, "tags": map[string]any{"component": "storage"}})
		bucket.Protect, bucket.RetainOnDelete = true, true
		phys := auto(b)
		f.add(typePublicAccessBlock, b+"-public-access", map[string]any{"bucket": phys, "blockPublicAcls": true,
			"blockPublicPolicy": true, "ignorePublicAcls": true, "restrictPublicBuckets": true}, b)
		f.add(typeOwnership, b+"-ownership", map[string]any{"bucket": phys,
			"rule": map[string]any{"objectOwnership": "BucketOwnerEnforced"}}, b)
		f.add(typeBucketPolicy, b+"-policy", map[string]any{"bucket": phys, "policy": doc(
			stmt("DenyInsecureTransport", "Deny", map[string]any{"Principal": "*", "Action": list("s3:*"),
				"Resource":  list("arn:aws:s3:::"+phys, "arn:aws:s3:::"+phys+"/*"),
				"Condition": map[string]any{"Bool": map[string]any{"aws:SecureTransport": "false"}}}))}, b)
		f.add(typeReplication, b+"-replication", map[string]any{"bucket": phys}, b)
		lifecycle := list(map[string]any{"id": "abort", "status": "Enabled",
			"abortIncompleteMultipartUpload": map[string]any{"daysAfterInitiation": 7.0}})
		if b == "t-documents" {
			lifecycle = append(lifecycle, map[string]any{"id": "noncurrent", "status": "Enabled",
				"noncurrentVersionExpiration": map[string]any{"noncurrentDays": 30.0}})
		}
		f.add(typeLifecycle, b+"-lifecycle", map[string]any{"bucket": phys, "rules": lifecycle}, b)
	}
	docs := auto("t-documents")
	f.add(typeEncryption, "t-documents-encryption", map[string]any{"bucket": docs, "rules": list(map[string]any{
		"applyServerSideEncryptionByDefault": map[string]any{"sseAlgorithm": "aws:kms", "kmsMasterKeyId": keyArn},
		"bucketKeyEnabled":                   true})}, "t-documents", "t-key")
	f.add(typeEncryption, "t-access-logs-encryption", map[string]any{"bucket": auto("t-access-logs"), "rules": list(map[string]any{
		"applyServerSideEncryptionByDefault": map[string]any{"sseAlgorithm": "AES256"}})}, "t-access-logs")
	f.add(typeVersioning, "t-documents-versioning", map[string]any{"bucket": docs,
		"versioningConfiguration": map[string]any{"status": "Enabled"}}, "t-documents")
	f.add(typeLogging, "t-documents-logging", map[string]any{"bucket": docs, "targetBucket": auto("t-access-logs"),
		"targetPrefix": "documents/"}, "t-documents", "t-access-logs")
	f.add(typeNotification, "t-documents-notification", map[string]any{"bucket": docs, "eventbridge": true}, "t-documents")
}

// agentCoreTrust is the execution-role trust policy AgentCore documents.
func agentCoreTrust() string {
	return doc(stmt("AgentCore", "Allow", map[string]any{
		"Principal": map[string]any{"Service": list(agentCoreService)}, "Action": list("sts:AssumeRole"),
		"Condition": map[string]any{
			"StringEquals": map[string]any{"aws:SourceAccount": acct},
			"ArnLike":      map[string]any{"aws:SourceArn": "arn:aws:bedrock-agentcore:us-east-1:" + acct + ":*"}}}))
}

func (f *fixture) iam() {
	for _, role := range [][2]string{{"t-workflow-agent", "read-write"}, {"t-assistant-agent", "read-only"}} {
		f.add(typeRole, role[0], map[string]any{"assumeRolePolicy": agentCoreTrust(),
			"tags": map[string]any{"component": "access", "bidopsai:access": role[1]}})
	}
	f.add(typePolicy, "t-base-policy", map[string]any{"policy": doc(
		stmt("Token", "Allow", map[string]any{"Action": list("ecr:GetAuthorizationToken"), "Resource": "*"}),
		stmt("Traces", "Allow", map[string]any{"Action": list("xray:PutTraceSegments", "xray:PutTelemetryRecords", "xray:GetSamplingRules"), "Resource": "*"}),
		stmt("Metrics", "Allow", map[string]any{"Action": "cloudwatch:PutMetricData", "Resource": "*",
			"Condition": map[string]any{"StringEquals": map[string]any{"cloudwatch:namespace": "BidOpsAI/Agents"}}}),
		stmt("Logs", "Allow", map[string]any{"Action": list("logs:CreateLogStream", "logs:PutLogEvents"),
			"Resource": "arn:aws:logs:us-east-1:" + acct + ":log-group:/bidopsai/test/system:*"}),
		stmt("Decrypt", "Allow", map[string]any{"Action": "kms:Decrypt", "Resource": keyArn}),
		stmt("Tokens", "Allow", map[string]any{"Action": list("bedrock-agentcore:GetWorkloadAccessToken",
			"bedrock-agentcore:GetWorkloadAccessTokenForJWT"),
			"Resource": "arn:aws:bedrock-agentcore:us-east-1:" + acct + ":workload-identity-directory/default"}),
		stmt("NoUserIdTokens", "Deny", map[string]any{"Action": "bedrock-agentcore:GetWorkloadAccessTokenForUserId", "Resource": "*"}),
	)})
	f.add(typePolicy, "t-workflow-policy", map[string]any{"tags": map[string]any{"bidopsai:access": "read-write"}, "policy": doc(
		stmt("Read", "Allow", map[string]any{"Action": list("s3:GetObject"), "Resource": "arn:aws:s3:::" + auto("t-documents") + "/*"}),
		stmt("Write", "Allow", map[string]any{"Action": list("s3:PutObject", "s3:DeleteObject"),
			"Resource": list("arn:aws:s3:::t-processed-abc1234/*", "arn:aws:s3:::t-artifacts-abc1234/*")}),
	)})
	f.add(typePolicy, "t-assistant-policy", map[string]any{"tags": map[string]any{"bidopsai:access": "read-only"}, "policy": doc(
		stmt("Read", "Allow", map[string]any{"Action": list("s3:GetObject", "s3:ListBucket"),
			"Resource": list("arn:aws:s3:::"+auto("t-documents"), "arn:aws:s3:::"+auto("t-documents")+"/*")}),
	)})
	for _, a := range [][3]string{
		{"t-workflow-agent-base", "t-workflow-agent", "t-base-policy"},
		{"t-workflow-agent-own", "t-workflow-agent", "t-workflow-policy"},
		{"t-assistant-agent-base", "t-assistant-agent", "t-base-policy"},
		{"t-assistant-agent-own", "t-assistant-agent", "t-assistant-policy"},
	} {
		f.add(typeRoleAttachment, a[0], map[string]any{"role": auto(a[1]),
			"policyArn": "arn:aws:iam::" + acct + ":policy/" + auto(a[2])}, a[1], a[2])
	}
}

func (f *fixture) secrets() {
	s := f.add(typeSecret, "t-db-secret", map[string]any{"name": "t/db", "kmsKeyId": keyArn, "recoveryWindowInDays": 30.0,
		"description": "database credentials", "tags": map[string]any{"component": "settings"}}, "t-key")
	s.Protect, s.RetainOnDelete = true, true
	arn := "arn:aws:secretsmanager:us-east-1:" + acct + ":secret:t/db-AbCdEf"
	f.add(typeSecretRotation, "t-db-rotation", map[string]any{"secretId": arn,
		"rotationRules": map[string]any{"automaticallyAfterDays": 30.0}}, "t-db-secret")
	f.add(typeSecretVersion, "t-db-version", map[string]any{"secretId": arn, "secretString": inventory.Secret}, "t-db-secret")
	f.add(typeParameter, "t-flag", map[string]any{"name": "/bidopsai/test/flag", "type": "SecureString", "keyId": keyArn,
		"tier": "Standard", "value": inventory.Secret}, "t-key")
}

func (f *fixture) observability() {
	lg := f.add(typeLogGroup, "t-logs", map[string]any{"name": "/bidopsai/test/system", "retentionInDays": 365.0,
		"kmsKeyId": keyArn}, "t-key")
	lg.Protect = true
	f.add(typeTopic, "t-alarms", map[string]any{"kmsMasterKeyId": keyArn}, "t-key")
	topicArn := "arn:aws:sns:us-east-1:" + acct + ":" + auto("t-alarms")
	f.add(typeMetricAlarm, "t-errors", map[string]any{"alarmActions": list(topicArn), "okActions": list(topicArn),
		"actionsEnabled": true, "treatMissingData": "notBreaching", "period": 300.0, "evaluationPeriods": 2.0,
		"datapointsToAlarm": 2.0, "namespace": "BidOpsAI/Agents", "metricName": "TaskErrors", "statistic": "Sum",
		"threshold": 5.0, "comparisonOperator": "GreaterThanThreshold"}, "t-alarms")
	f.add(typeDashboard, "t-dashboard", map[string]any{"dashboardName": "t", "dashboardBody": `{"widgets":[` +
		`{"type":"metric","properties":{"metrics":[["BidOpsAI/Agents","TaskErrors"]]}},` +
		`{"type":"log","properties":{"query":"SOURCE '/bidopsai/test/system' | fields @message"}}]}`}, "t-logs")
	f.add(typeXRayEncryption, "t-xray-encryption", map[string]any{"type": "KMS", "keyId": keyArn}, "t-key")
	f.add(typeSamplingRule, "t-sampling", map[string]any{"fixedRate": 0.05, "reservoirSize": 1.0, "ruleName": "t"})
	f.add(typeXRayGroup, "t-traces", map[string]any{"groupName": "t", "filterExpression": `service("t-*")`})
}

func (f *fixture) identity() {
	p := f.add(typeUserPool, "t-pool", map[string]any{
		"passwordPolicy": map[string]any{"minimumLength": 12.0, "requireLowercase": true, "requireUppercase": true,
			"requireNumbers": true, "requireSymbols": true, "temporaryPasswordValidityDays": 3.0},
		"mfaConfiguration": "ON", "deletionProtection": "ACTIVE",
		"userPoolAddOns": map[string]any{"advancedSecurityMode": "ENFORCED"}})
	p.Protect = true
	f.add(typeUserPoolClient, "t-web-client", map[string]any{"userPoolId": auto("t-pool"),
		"explicitAuthFlows": list("ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH")}, "t-pool")
	f.add(typeIdentityPool, "t-identities", map[string]any{"identityPoolName": "t", "allowUnauthenticatedIdentities": false})
}

func (f *fixture) agentcore() {
	rt := f.add(typeAgentRuntime, "t-assistant", map[string]any{
		"agentRuntimeName": "t_assistant",
		"containerUri":     acct + ".dkr.ecr.us-east-1.amazonaws.com/" + auto("t-images") + digest,
		"roleArn":          "arn:aws:iam::" + acct + ":role/" + auto("t-assistant-agent"),
		"networkMode":      "VPC",
		"environmentVariables": map[string]any{"DATABASE_SECRET_ARN": "arn:aws:secretsmanager:us-east-1:" + acct + ":secret:t/db-AbCdEf",
			"LOG_LEVEL": "INFO", "SECRETS_MANAGER_ENABLED": "true", "DATABASE_SECRET_NAME": "t/db"},
		"idleRuntimeSessionTimeout": 900.0, "maxLifetime": 28800.0, "tags": stackTags("agentcore"),
		"authorizer": map[string]any{"allowedClients": list("client1"),
			"discoveryUrl": "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_abc/.well-known/openid-configuration"},
	}, "t-assistant-agent", "t-assistant-image", "t-pool")
	rt.Protect, rt.RetainOnDelete = true, true
	rt.CustomTimeouts = map[string]string{"create": "30m", "update": "30m", "delete": "20m"}
	f.add(typeDataAutomation, "t-parser", map[string]any{"projectName": "t", "kmsKeyId": keyArn,
		"tags": stackTags("dataautomation")}, "t-key")
}

// stackTags are a resource's stack tags (the fixture is judged as every environment).
func stackTags(component string) map[string]any {
	return map[string]any{"project": "bidopsai", "environment": "prod", "stack": "prod",
		"managed-by": "pulumi", "component": component}
}

func (f *fixture) network() {
	f.add(typeVpc, "t-vpc", map[string]any{"cidrBlock": "10.0.0.0/16", "enableDnsSupport": true, "enableDnsHostnames": true})
	for _, svc := range network.InterfaceServices() {
		f.add(typeEndpoint, "t-endpoint-"+svc, map[string]any{"vpcId": "vpc-0123456789abcdef0",
			"serviceName": network.ServiceName("us-east-1", svc), "vpcEndpointType": "Interface", "privateDnsEnabled": true}, "t-vpc")
	}
	f.add(typeEndpoint, "t-endpoint-s3", map[string]any{"vpcId": "vpc-0123456789abcdef0",
		"serviceName": network.ServiceName("us-east-1", network.S3Service), "vpcEndpointType": "Gateway"}, "t-vpc")
	f.add(typeFlowLog, "t-flow-logs", map[string]any{"vpcId": "vpc-0123456789abcdef0", "trafficType": "ALL"}, "t-vpc")
}
