package access

import (
	"slices"
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
	agents              []Agent
	logGroups, runtimes []string
	models              []Model
	namespace           string
	dbIAMAuth, jwtOnly  bool
}

func newPlan(a *AgentRolesArgs) plan {
	p := plan{scope: newScope(a), agents: a.Agents, models: a.Models, namespace: a.MetricsNamespace,
		dbIAMAuth: a.DatabaseIAMAuth, jwtOnly: a.JWTAuthorizer}
	for _, ag := range a.Agents {
		p.logGroups, p.runtimes = append(p.logGroups, ag.LogGroup), append(p.runtimes, ag.RuntimeName)
	}
	p.logGroups = append(p.logGroups, a.SystemLogGroup)
	return p
}

// ownPolicy is the document of an agent's own policy, by its access.
func ownPolicy(ag Agent) func(plan, refs) policydoc.Document {
	if ag.Access == ReadWrite {
		return func(p plan, r refs) policydoc.Document { return readWritePolicy(p, r, ag) }
	}
	return func(p plan, r refs) policydoc.Document { return readOnlyPolicy(p, r, ag) }
}

// trustPolicy lets only AgentCore, acting for a resource of this account and region, assume.
func trustPolicy(s scope) policydoc.Document {
	return policydoc.New(policydoc.Allow("AgentCoreAssumeRole", []string{"sts:AssumeRole"}, nil).
		For(policydoc.Service(agentCoreService)).
		With("StringEquals", "aws:SourceAccount", s.account).
		With("ArnLike", "aws:SourceArn", s.arn("bedrock-agentcore", s.region, s.account, "*")))
}

// basePolicy is what any agent runtime needs: image, logs, traces, metrics, identity, config.
// Secrets are not in it: each role reads only its own agent's secrets.
func basePolicy(p plan, r refs) policydoc.Document {
	var logs []string
	for _, rt := range p.runtimes {
		// AgentCore writes to <prefix><runtime id>-<endpoint>; ids are <runtime name>-<suffix>.
		logs = append(logs, p.logGroupArn(naming.RuntimeLogGroupPrefix+rt+"-*"))
	}
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
		policydoc.Allow("ReadParameters", ssmReadActions, params),
	}
	st = append(st, p.workloadTokenStatements()...)
	if r.key != "" {
		st = append(st, policydoc.Allow("DecryptWithStackKey", kmsDecryptActions, []string{r.key}).
			With("StringEquals", "kms:ViaService", p.viaServices("s3", "secretsmanager", "ssm")))
	}
	return policydoc.New(st...)
}

// workloadTokenStatements let a runtime get its workload access token. With the JWT authorizer
// on, tokens are issued for the caller's JWT only and the user-id form is denied, as AWS's
// AgentCore Identity guidance for get-workload-access-token advises when JWTs are available.
func (p plan) workloadTokenStatements() []policydoc.Statement {
	if !p.jwtOnly {
		return []policydoc.Statement{policydoc.Allow("GetWorkloadAccessToken", workloadTokenActions, p.workloadIdentities())}
	}
	return []policydoc.Statement{
		policydoc.Allow("GetWorkloadAccessToken", jwtWorkloadTokenActions, p.workloadIdentities()),
		// A deny on every resource: no other grant can reopen the user-id path.
		policydoc.Deny("DenyWorkloadAccessTokenForUserId", userIDWorkloadTokenActions, anyResource),
	}
}

// secretStatements read the given secrets, or nothing when there are none.
func secretStatements(secrets []string) []policydoc.Statement {
	if len(secrets) == 0 {
		return nil
	}
	return []policydoc.Statement{policydoc.Allow("ReadSecrets", secretReadActions, secrets)}
}

// databaseStatements connect through IAM database authentication as one user, when it is on.
func (p plan) databaseStatements(sid, user string) []policydoc.Statement {
	if !p.dbIAMAuth {
		return nil
	}
	return []policydoc.Statement{policydoc.Allow(sid, dbConnectActions, []string{p.dbUserArn(user)})}
}

// readWritePolicy adds a read/write agent's reads and its only writes: artifacts and processed
// objects, Memory events and Data Automation jobs.
func readWritePolicy(p plan, r refs, ag Agent) policydoc.Document {
	st := append(p.modelStatements(),
		policydoc.Allow("ReadObjects", s3ReadObjectActions, objects(r.documents, r.artifacts, r.processed)),
		policydoc.Allow("ListBuckets", s3ListActions, []string{r.documents, r.artifacts, r.processed}),
		policydoc.Allow("WriteOutputs", s3WriteObjectActions, objects(r.artifacts, r.processed)),
		policydoc.Allow("ReadMemory", memoryReadActions, []string{p.memories()}),
		policydoc.Allow("WriteMemoryEvents", memoryWriteActions, []string{p.memories()}),
	)
	st = append(st, secretStatements(r.secrets[ag.ID])...)
	st = append(st, p.databaseStatements("ConnectDatabase", ag.DatabaseUser)...)
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

// readOnlyPolicy is read-only (SR-IAM-8): models, knowledge bases, documents and processed
// objects, Memory reads, its own secrets (the read-only database user's, never the read/write
// one or the integration AWS keys) and the database as its read-only user.
func readOnlyPolicy(p plan, r refs, ag Agent) policydoc.Document {
	st := append(p.modelStatements(),
		policydoc.Allow("ReadObjects", s3ReadObjectActions, objects(r.documents, r.processed)),
		policydoc.Allow("ListBuckets", s3ListActions, []string{r.documents, r.processed}),
		policydoc.Allow("ReadMemory", memoryReadActions, []string{p.memories()}),
	)
	st = append(st, secretStatements(r.secrets[ag.ID])...)
	return policydoc.New(append(st, p.databaseStatements("ConnectDatabaseReadOnly", ag.DatabaseUser)...)...)
}

// modelStatements invoke exactly the configured models: each inference profile in this Region
// and its foundation model in each Region the profile routes to (Bedrock checks both; user
// guide "Prerequisites for inference profiles"), and query this Region's knowledge bases.
func (p plan) modelStatements() []policydoc.Statement {
	var invoke, profiles []string
	for _, m := range p.models {
		if m.ProfileID != "" {
			profiles = append(profiles, p.arn("bedrock", p.region, p.account, "inference-profile/"+m.ProfileID))
		}
		for _, region := range m.Regions {
			invoke = append(invoke, p.arn("bedrock", region, "", "foundation-model/"+m.FoundationModelID))
		}
	}
	invoke = slices.Concat(profiles, invoke)
	st := []policydoc.Statement{policydoc.Allow("InvokeModels", modelInvokeActions, dedupe(invoke))}
	if len(profiles) > 0 {
		st = append(st, policydoc.Allow("ReadInferenceProfiles", inferenceProfileReadActions, dedupe(profiles)))
	}
	return append(st,
		policydoc.Allow("RetrieveFromKnowledgeBases", kbRetrieveActions,
			[]string{p.arn("bedrock", p.region, p.account, "knowledge-base/*")}),
		// RetrieveAndGenerate has no resource type; its Retrieve and InvokeModel calls are
		// authorized against the two statements above.
		policydoc.Allow("RetrieveAndGenerate", kbGenerateActions, anyResource))
}

// dedupe drops repeated ARNs (the models may share Regions), keeping the first order.
func dedupe(in []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, v := range in {
		if !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	return out
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
