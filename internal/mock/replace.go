package mock

// ReplaceOnChange lists, per resource type, the inputs whose change makes the provider replace
// the resource (delete and create, or create then delete) instead of updating it in place: the
// names AWS fixes at creation. pulumi-aws bridges terraform-provider-aws, whose schemas mark
// these ForceNew (checked: cloudwatch/metric_alarm.go alarm_name); the bidopsai provider's own
// Diff replaces on its name fields (internal/provider runtime_diff.go, project_diff.go).
// Kept beside the output rules, which know the same names, so plan tools share one list.
var ReplaceOnChange = map[string][]string{
	"aws:s3/bucketV2:BucketV2":                    {"bucket", "bucketPrefix"},
	"aws:ecr/repository:Repository":               {"name"},
	"aws:ssm/parameter:Parameter":                 {"name"},
	"aws:secretsmanager/secret:Secret":            {"name", "namePrefix"},
	"aws:iam/role:Role":                           {"name", "namePrefix", "path"},
	"aws:iam/policy:Policy":                       {"name", "namePrefix", "path"},
	"aws:kms/alias:Alias":                         {"name", "namePrefix"},
	"aws:cognito/userPool:UserPool":               {"name"},
	"aws:cognito/userPoolClient:UserPoolClient":   {"userPoolId"},
	"aws:cognito/userPoolDomain:UserPoolDomain":   {"domain", "userPoolId"},
	"aws:cognito/userGroup:UserGroup":             {"name", "userPoolId"},
	"aws:cloudwatch/logGroup:LogGroup":            {"name", "namePrefix"},
	"aws:cloudwatch/metricAlarm:MetricAlarm":      {"name"},
	"aws:cloudwatch/dashboard:Dashboard":          {"dashboardName"},
	"aws:sns/topic:Topic":                         {"name", "namePrefix", "fifoTopic"},
	"aws:sns/topicSubscription:TopicSubscription": {"topic", "protocol", "endpoint"},
	"aws:xray/group:Group":                        {"groupName"},
	"aws:xray/samplingRule:SamplingRule":          {"ruleName"},
	"aws:budgets/budget:Budget":                   {"name", "namePrefix", "accountId"},
	"bidopsai:index:AgentRuntime":                 {"agentRuntimeName"},
	"bidopsai:index:DataAutomationProject":        {"projectName"},
}

// Replaces reports whether a change to input prop of a resource of type typ replaces it.
func Replaces(typ, prop string) bool {
	for _, p := range ReplaceOnChange[typ] {
		if p == prop {
			return true
		}
	}
	return false
}
