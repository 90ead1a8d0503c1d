package access

import (
	"regexp"
	"slices"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/bidopsai/bidopsai-infra/internal/mock"
	"github.com/bidopsai/bidopsai-infra/internal/mock/mocktest"
	"github.com/bidopsai/bidopsai-infra/internal/policydoc"
)

// Type tokens of the children, as the aws provider registers them.
const (
	tRole       = "aws:iam/role:Role"
	tPolicy     = "aws:iam/policy:Policy"
	tAttachment = "aws:iam/rolePolicyAttachment:RolePolicyAttachment"
)

// Inputs as other tiers would resolve them (region us-east-1, environment prod).
const (
	acct          = mock.Account
	testKey       = "arn:aws:kms:us-east-1:" + acct + ":key/1234abcd-12ab-34cd-56ef-1234567890ab"
	testProject   = "arn:aws:bedrock:us-east-1:" + acct + ":data-automation-project/a1b2c3d4e5f6"
	testParams    = "arn:aws:ssm:us-east-1:" + acct + ":parameter/bidopsai/prod/agents/*"
	docsBucket    = "arn:aws:s3:::storage-documents-1a2b3c4"
	artifactsBkt  = "arn:aws:s3:::storage-artifacts-5d6e7f8"
	processedBkt  = "arn:aws:s3:::storage-processed-9a0b1c2"
	accessLogsBkt = "arn:aws:s3:::storage-access-logs-3d4e5f6" // never passed in; must never appear
)

var (
	testRepos   = []string{"arn:aws:ecr:us-east-1:" + acct + ":repository/workflow-abc1234", "arn:aws:ecr:us-east-1:" + acct + ":repository/ai-assistant-def5678"}
	testSecrets = []string{"arn:aws:secretsmanager:us-east-1:" + acct + ":secret:bidopsai/prod/database-AbCdEf",
		"arn:aws:secretsmanager:us-east-1:" + acct + ":secret:bidopsai/prod/langfuse-GhIjKl"}
	testReadOnlySecrets = []string{"arn:aws:secretsmanager:us-east-1:" + acct + ":secret:bidopsai/prod/database/readonly-MnOpQr",
		"arn:aws:secretsmanager:us-east-1:" + acct + ":secret:bidopsai/prod/langfuse-GhIjKl"}
	// testModels: one profile routing to three Regions, one on-demand model.
	testModels = []Model{
		{ProfileID: "us.anthropic.claude-sonnet-4-20250514-v1:0", FoundationModelID: "anthropic.claude-sonnet-4-20250514-v1:0",
			Regions: []string{"us-east-1", "us-east-2", "us-west-2"}},
		{FoundationModelID: "amazon.titan-embed-text-v2:0", Regions: []string{"us-east-1"}},
	}
)

// validArgs is a compliant baseline with every optional grant on; tests change one thing at a time.
func validArgs() *AgentRolesArgs {
	return &AgentRolesArgs{
		AccountID: acct,
		Region:    "us-east-1",
		Agents: []Agent{
			{ID: "workflow", Access: ReadWrite, RepositoryArn: pulumi.String(testRepos[0]),
				RuntimeName: "bidopsai_prod_workflow", LogGroup: "/bidopsai/prod/agents/workflow",
				SecretArns: pulumi.ToStringArray(testSecrets), DatabaseUser: "bidopsai_agent"},
			{ID: "ai-assistant", Access: ReadOnly, RepositoryArn: pulumi.String(testRepos[1]),
				RuntimeName: "bidopsai_prod_ai_assistant", LogGroup: "/bidopsai/prod/agents/ai-assistant",
				SecretArns: pulumi.ToStringArray(testReadOnlySecrets), DatabaseUser: "bidopsai_readonly"},
		},
		SystemLogGroup:           "/bidopsai/prod/system",
		MetricsNamespace:         "BidOpsAI/Agents",
		ParameterPathArn:         pulumi.String(testParams),
		Models:                   testModels,
		KMSKeyArn:                pulumi.String(testKey),
		DocumentsBucketArn:       pulumi.String(docsBucket),
		ArtifactsBucketArn:       pulumi.String(artifactsBkt),
		ProcessedBucketArn:       pulumi.String(processedBkt),
		DataAutomationProjectArn: pulumi.String(testProject),
		DatabaseIAMAuth:          true,
		Tags:                     map[string]string{"owner": "platform"},
	}
}

// logGroups and runtimeNames are every agent's, as args list them.
func (a *AgentRolesArgs) logGroups() []string {
	var out []string
	for _, ag := range a.Agents {
		out = append(out, ag.LogGroup)
	}
	return append(out, a.SystemLogGroup)
}

func (a *AgentRolesArgs) runtimeNames() []string {
	var out []string
	for _, ag := range a.Agents {
		out = append(out, ag.RuntimeName)
	}
	return out
}

// roles runs the access tier under the mock (stack prod, us-east-1), named "roles" by default.
var roles = mocktest.Tier[*AgentRolesArgs, *AgentRoles]{Stack: "prod", Region: "us-east-1", Name: "roles", New: NewAgentRoles}

func inputs(r mock.Resource) map[string]any { return r.Inputs.Mappable() }

// parse reads a JSON policy input back into a document.
func parse(t *testing.T, r mock.Resource, key string) policydoc.Document {
	t.Helper()
	text, ok := inputs(r)[key].(string)
	if !ok {
		t.Fatalf("%s: %s is %T, want a JSON string", r.Name, key, inputs(r)[key])
	}
	doc, err := policydoc.Parse(text)
	if err != nil {
		t.Fatalf("%s: %v", r.Name, err)
	}
	return doc
}

// docs are the three identity policies of the component "roles", by role.
type docs struct{ base, workflow, assistant policydoc.Document }

func policiesOf(t *testing.T, mon *mock.Monitor) docs {
	t.Helper()
	return docs{
		base:      parse(t, mocktest.Named(t, mon, tPolicy, "roles-base-policy"), "policy"),
		workflow:  parse(t, mocktest.Named(t, mon, tPolicy, "roles-workflow-policy"), "policy"),
		assistant: parse(t, mocktest.Named(t, mon, tPolicy, "roles-assistant-policy"), "policy"),
	}
}

func (d docs) all() map[string]policydoc.Document {
	return map[string]policydoc.Document{"base": d.base, "workflow": d.workflow, "assistant": d.assistant}
}

// byAction returns the resources every Allow statement grants an action on.
func byAction(doc policydoc.Document, action string) []string {
	var out []string
	for _, s := range doc.Statement {
		if s.Effect == "Allow" && slices.Contains(s.Action, action) {
			out = append(out, s.Resource...)
		}
	}
	slices.Sort(out)
	return out
}

// hasSid reports whether a document holds a statement.
func hasSid(doc policydoc.Document, sid string) bool {
	return slices.ContainsFunc(doc.Statement, func(s policydoc.Statement) bool { return s.Sid == sid })
}

// readAction matches actions that only read: Get/List/Describe/Query/Retrieve verbs and model
// inference, plus decrypting and a database connect.
var readAction = regexp.MustCompile(`^[a-z0-9-]+:(Get|BatchGet|List|Describe|Query|Retrieve|InvokeModel)[A-Za-z]*$`)

func isRead(action string) bool {
	return readAction.MatchString(action) || action == "rds-db:connect" || action == "kms:Decrypt"
}
