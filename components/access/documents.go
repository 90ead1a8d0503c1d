package access

import (
	"strings"

	"github.com/bidopsai/bidopsai-infra/internal/naming"
	"github.com/bidopsai/bidopsai-infra/internal/policydoc"
)

// agentCoreService is the only principal the roles trust.
const agentCoreService = "bedrock-agentcore.amazonaws.com"

// anyResource is for actions that have no resource type; each use says why beside it.
var anyResource = []string{"*"}

// plan is everything plain the documents are built from.
type plan struct {
	scope
	logGroups, runtimes, families []string
	namespace                     string
	dbUser, dbReadOnlyUser        string
}

func newPlan(a *AgentRolesArgs) plan {
	return plan{scope: newScope(a), logGroups: a.AgentLogGroups, runtimes: a.RuntimeNames,
		families: a.ModelFamilies, namespace: a.MetricsNamespace, dbUser: a.DatabaseUsername,
		dbReadOnlyUser: a.DatabaseReadOnlyUsername}
}

// trustPolicy lets only AgentCore, acting for a resource of this account and region, assume.
func trustPolicy(s scope) policydoc.Document {
	return policydoc.New(policydoc.Allow("AgentCoreAssumeRole", []string{"sts:AssumeRole"}, nil).
		For(policydoc.Service(agentCoreService)).
		With("StringEquals", "aws:SourceAccount", s.account).
		With("ArnLike", "aws:SourceArn", s.arn("bedrock-agentcore", s.region, s.account, "*")))
}

// basePolicy is what any agent runtime needs: image, logs, traces, metrics, identity, config.
func basePolicy(p plan, r refs) policydoc.Document {
	logs := []string{p.logGroupArn(naming.RuntimeLogGroupPrefix + "*")}
	for _, g := range p.logGroups {
		// ":*" is the form Logs checks for stream-level actions (…:log-stream:<name>).
		logs = append(logs, p.logGroupArn(g), p.logGroupArn(g)+":*")
	}
	// The path itself is what GetParametersByPath on /bidopsai/<env>/agents is checked against.
	params := []string{r.parameterPath, strings.TrimSuffix(r.parameterPath, "/*")}
	st := []policydoc.Statement{
		policydoc.Allow("PullAgentImages", ecrPullActions, r.repositories),
		// GetAuthorizationToken is account-wide: IAM has no resource type for it.
		policydoc.Allow("GetRegistryToken", ecrTokenActions, anyResource),
		policydoc.Allow("WriteLogs", logsWriteActions, logs),
		policydoc.Allow("DescribeLogGroups", logsDescribeGroupsActions, []string{p.logGroupArn("*")}),
		// X-Ray trace and sampling actions have no resource type.
		policydoc.Allow("WriteTraces", xrayActions, anyResource),
		// PutMetricData has no resource type; the namespace condition is its only scope.
		policydoc.Allow("PutAgentMetrics", metricsActions, anyResource).
			With("StringEquals", "cloudwatch:namespace", []string{p.namespace, "bedrock-agentcore"}),
		policydoc.Allow("GetWorkloadAccessToken", workloadTokenActions, p.workloadIdentities()),
		policydoc.Allow("ReadParameters", ssmReadActions, params),
	}
	if len(r.secrets) > 0 {
		st = append(st, policydoc.Allow("ReadSecrets", secretReadActions, r.secrets))
	}
	if r.key != "" {
		st = append(st, policydoc.Allow("DecryptWithStackKey", kmsDecryptActions, []string{r.key}).
			With("StringEquals", "kms:ViaService", p.viaServices("s3", "secretsmanager", "ssm")))
	}
	return policydoc.New(st...)
}

// workflowPolicy adds the workflow agent's reads and its only writes: artifacts and processed
// objects, Memory events and Data Automation jobs.
func workflowPolicy(p plan, r refs) policydoc.Document {
	st := append(p.modelStatements(),
		policydoc.Allow("ReadObjects", s3ReadObjectActions, objects(r.documents, r.artifacts, r.processed)),
		policydoc.Allow("ListBuckets", s3ListActions, []string{r.documents, r.artifacts, r.processed}),
		policydoc.Allow("WriteOutputs", s3WriteObjectActions, objects(r.artifacts, r.processed)),
		policydoc.Allow("ReadMemory", memoryReadActions, []string{p.memories()}),
		policydoc.Allow("WriteMemoryEvents", memoryWriteActions, []string{p.memories()}),
		policydoc.Allow("ConnectDatabase", dbConnectActions, []string{p.dbUserArn(p.dbUser)}),
	)
	if r.project != "" {
		st = append(st,
			// Profiles: the cross-region profile may run in other regions of the geography; the
			// invocation ARN is also checked when the job is created (observed, not in the reference).
			policydoc.Allow("InvokeDataAutomation", dataAutomationInvokeActions, []string{r.project,
				p.arn("bedrock", "*", p.account, "data-automation-profile/*"), p.dataAutomationJobs()}),
			policydoc.Allow("GetDataAutomationStatus", dataAutomationStatusActions, []string{p.dataAutomationJobs()}))
	}
	if r.key != "" {
		st = append(st, policydoc.Allow("EncryptWithStackKey", kmsWriteActions, []string{r.key}).
			With("StringEquals", "kms:ViaService", p.viaServices("s3")))
	}
	return policydoc.New(st...)
}

// assistantPolicy is read-only (SR-IAM-8): models, knowledge bases, documents and processed
// objects, Memory reads, and the database as the read-only user.
func assistantPolicy(p plan, r refs) policydoc.Document {
	return policydoc.New(append(p.modelStatements(),
		policydoc.Allow("ReadObjects", s3ReadObjectActions, objects(r.documents, r.processed)),
		policydoc.Allow("ListBuckets", s3ListActions, []string{r.documents, r.processed}),
		policydoc.Allow("ReadMemory", memoryReadActions, []string{p.memories()}),
		policydoc.Allow("ConnectDatabaseReadOnly", dbConnectActions, []string{p.dbUserArn(p.dbReadOnlyUser)}),
	)...)
}

// modelStatements invoke the configured model families, directly or through this account's
// inference profiles, and query this region's knowledge bases.
func (p plan) modelStatements() []policydoc.Statement {
	var models, profiles []string
	for _, f := range p.families {
		// Region "*": a cross-region profile runs the model in another region of its geography.
		models = append(models, p.arn("bedrock", "*", "", "foundation-model/"+f+"*"))
		profiles = append(profiles, p.arn("bedrock", "*", p.account, "inference-profile/*"+f+"*"))
	}
	return []policydoc.Statement{
		policydoc.Allow("InvokeModels", modelInvokeActions, append(models, profiles...)),
		policydoc.Allow("ReadInferenceProfiles", inferenceProfileReadActions, profiles),
		policydoc.Allow("RetrieveFromKnowledgeBases", kbRetrieveActions,
			[]string{p.arn("bedrock", p.region, p.account, "knowledge-base/*")}),
		// RetrieveAndGenerate has no resource type; its Retrieve and InvokeModel calls are
		// authorized against the two statements above.
		policydoc.Allow("RetrieveAndGenerate", kbGenerateActions, anyResource),
	}
}

func (p plan) logGroupArn(name string) string {
	return p.arn("logs", p.region, p.account, "log-group:"+name)
}

// workloadIdentities are the directory and each runtime's identity (AgentCore appends a suffix).
func (p plan) workloadIdentities() []string {
	dir := p.arn("bedrock-agentcore", p.region, p.account, "workload-identity-directory/default")
	out := []string{dir}
	for _, rt := range p.runtimes {
		out = append(out, dir+"/workload-identity/"+rt+"-*")
	}
	return out
}

func (p plan) memories() string {
	return p.arn("bedrock-agentcore", p.region, p.account, "memory/*")
}

func (p plan) dataAutomationJobs() string {
	return p.arn("bedrock", p.region, p.account, "data-automation-invocation/*")
}

// dbUserArn is a database user on any instance: "*" is the DB resource id (db-…/cluster-…),
// which the database, created outside this stack, owns.
func (p plan) dbUserArn(user string) string {
	return p.arn("rds-db", p.region, p.account, "dbuser:*/"+user)
}

func (p plan) viaServices(services ...string) []string {
	out := make([]string, 0, len(services))
	for _, s := range services {
		out = append(out, s+"."+p.region+".amazonaws.com")
	}
	return out
}

// objects are the object ARNs of buckets.
func objects(buckets ...string) []string {
	out := make([]string, 0, len(buckets))
	for _, b := range buckets {
		out = append(out, b+"/*")
	}
	return out
}
