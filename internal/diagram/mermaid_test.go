package diagram

import (
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/bidopsai/bidopsai-infra/internal/inventory"
)

// stack builds a small hand-made plan: components are tiers, children hang under them.
type stack struct{ res []inventory.Resource }

func (s *stack) tier(typ, name string) string {
	urn := "urn:pulumi:test::bidopsai::" + typ + "::" + name
	s.res = append(s.res, inventory.Resource{URN: urn, Type: typ, Name: name, Inputs: map[string]any{}})
	return urn
}

func (s *stack) add(parent, typ, name string, inputs map[string]any, deps ...string) string {
	urn := parent + "$" + typ + "::" + name
	if inputs == nil {
		inputs = map[string]any{}
	}
	s.res = append(s.res, inventory.Resource{URN: urn, Type: typ, Name: name, Custom: true, Parent: parent,
		Dependencies: deps, Inputs: inputs})
	return urn
}

func sample() *inventory.Inventory {
	s := &stack{}
	enc := s.tier("bidopsai:encryption:StackKey", "app")
	key := s.add(enc, "aws:kms/key:Key", "app", nil)
	st := s.tier("bidopsai:storage:Buckets", "app")
	docs := s.add(st, "aws:s3/bucketV2:BucketV2", "app-documents", nil)
	s.add(st, "aws:s3/bucketPolicy:BucketPolicy", "app-documents-policy", nil, docs)
	processed := s.add(st, "aws:s3/bucketV2:BucketV2", "app-processed", nil)
	reg := s.tier("bidopsai:registry:Repository", "app-workflow")
	repo := s.add(reg, "aws:ecr/repository:Repository", "app-workflow", nil, key)
	image := s.add(reg, "docker:index/image:Image", "app-workflow-image", nil, repo)
	set := s.tier("bidopsai:settings:AgentSettings", "app")
	secret := s.add(set, "aws:secretsmanager/secret:Secret", "app-db", map[string]any{"name": "app/db"}, key)
	s.add(set, "aws:ssm/parameter:Parameter", "app-x", map[string]any{"name": "/app/agents/x"})
	s.add(set, "aws:ssm/parameter:Parameter", "app-y", map[string]any{"name": "/app/agents/y"})
	acc := s.tier("bidopsai:access:AgentRoles", "app")
	role := s.add(acc, "aws:iam/role:Role", "app-workflow", nil)
	policy := s.add(acc, "aws:iam/policy:Policy", "app-workflow-policy", map[string]any{"policy": `{"Statement":[` +
		`{"Resource":["arn:aws:s3:::app-documents-abc1234","arn:aws:s3:::app-documents-abc1234/*"]},` +
		`{"Resource":"arn:aws:secretsmanager:us-east-1:111122223333:secret:app/db-AbCdEf"},` +
		`{"Resource":"arn:aws:ssm:us-east-1:111122223333:parameter/app/agents/*"},` +
		`{"Resource":"arn:aws:logs:us-east-1:111122223333:log-group:*"}]}`}, docs, processed, secret, key)
	s.add(acc, "aws:iam/rolePolicyAttachment:RolePolicyAttachment", "app-workflow-own", nil, policy, role)
	da := s.tier("bidopsai:dataautomation:DocumentParser", "app-parser")
	project := s.add(da, "bidopsai:index:DataAutomationProject", "app-parser", nil)
	ac := s.tier("bidopsai:agentcore:Runtime", "app-workflow")
	runtime := s.add(ac, "bidopsai:index:AgentRuntime", "app-workflow", map[string]any{"agentRuntimeName": "app_workflow",
		"environmentVariables": map[string]any{"METRICS_NAMESPACE": "App/Agents"}}, image, role, project)
	obs := s.tier("bidopsai:observability:Monitoring", "app")
	topic := s.add(obs, "aws:sns/topic:Topic", "app-alarms", nil, key)
	s.add(obs, "aws:sns/topicSubscription:TopicSubscription", "app-alarm-email-0", nil, topic)
	s.add(obs, "aws:cloudwatch/metricAlarm:MetricAlarm", "app-errors", map[string]any{"namespace": "App/Agents"}, topic)
	s.add(obs, "aws:cloudwatch/metricAlarm:MetricAlarm", "app-latency", map[string]any{"namespace": "App/Agents"}, topic)
	s.add(obs, "aws:cloudwatch/logGroup:LogGroup", "app-workflow-logs", map[string]any{"name": "/app/agents/workflow"}, runtime, key)
	s.add(obs, "aws:cloudwatch/dashboard:Dashboard", "app-dashboard",
		map[string]any{"dashboardBody": `{"widgets":[{"metrics":[["App/Agents","TaskErrors"]]}]}`})
	s.res = append(s.res, inventory.Resource{URN: "urn:pulumi:test::bidopsai::pulumi:providers:bidopsai::default",
		Type: "pulumi:providers:bidopsai", Name: "default", Custom: true})
	return &inventory.Inventory{Project: "bidopsai", Stack: "test", Resources: s.res}
}

func TestNodes(t *testing.T) {
	g := build(sample())
	got := map[string]string{}
	for id, n := range g.nodes {
		got[id] = n.label()
	}
	want := map[string]string{
		"n_encryption_key":                    "KMS key",
		"n_storage_bucket_documents":          "S3 bucket<br/>documents",
		"n_storage_bucket_processed":          "S3 bucket<br/>processed",
		"n_registry_repo_workflow":            "ECR repository<br/>workflow",
		"n_registry_image_workflow_image":     "image<br/>workflow-image",
		"n_settings_secrets":                  "Secrets Manager<br/>1 secret",
		"n_settings_params":                   "SSM Parameter Store<br/>2 parameters",
		"n_access_role_workflow":              "IAM role<br/>workflow",
		"n_dataautomation_da_parser":          "Data Automation<br/>parser",
		"n_agentcore_runtime_workflow":        "AgentCore runtime<br/>app_workflow",
		"n_observability_topic_alarms":        "SNS topic<br/>alarms",
		"n_observability_alarms":              "CloudWatch alarms<br/>2 alarms",
		"n_observability_logs_workflow_logs":  "log group<br/>/app/agents/workflow",
		"n_observability_dashboard_dashboard": "CloudWatch dashboard<br/>dashboard",
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("nodes\n got %v\nwant %v", got, want)
	}
}

func TestEdges(t *testing.T) {
	g := build(sample())
	var got []string
	for _, e := range g.edges {
		arrow := "-->"
		if e.dotted {
			arrow = "-.->"
		}
		got = append(got, e.from+" "+arrow+"|"+e.label+"| "+e.to)
	}
	sort.Strings(got)
	want := []string{
		"n_access_role_workflow -.->|read/write| n_storage_bucket_documents", // from the policy's ARNs...
		"n_access_role_workflow -.->|read| n_settings_params",                // ...a path wildcard...
		"n_access_role_workflow -.->|read| n_settings_secrets",               // ...and a suffixed secret ARN
		"n_agentcore_runtime_workflow -->|invokes| n_dataautomation_da_parser",
		"n_agentcore_runtime_workflow -->|logs to| n_observability_logs_workflow_logs",
		"n_agentcore_runtime_workflow -->|metrics| n_observability_alarms",              // same namespace
		"n_agentcore_runtime_workflow -->|metrics| n_observability_dashboard_dashboard", // charted namespace
		"n_agentcore_runtime_workflow -->|runs as| n_access_role_workflow",
		"n_dataautomation_da_parser -->|writes| n_storage_bucket_processed",
		"n_encryption_key -.->|encrypts| t_observability",
		"n_encryption_key -.->|encrypts| t_registry",
		"n_encryption_key -.->|encrypts| t_settings",
		"n_observability_alarms -->|notify| n_observability_topic_alarms",
		"n_registry_image_workflow_image -->|deployed to| n_agentcore_runtime_workflow",
		"n_registry_image_workflow_image -->|pushed to| n_registry_repo_workflow",
		"n_storage_bucket_documents -->|parsed by| n_dataautomation_da_parser",
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("edges\n got %s\nwant %s", strings.Join(got, "\n     "), strings.Join(want, "\n     "))
	}
}

func TestMermaid(t *testing.T) {
	inv := sample()
	out := Mermaid(inv)
	t.Run("is_a_flowchart_with_one_subgraph_per_tier", func(t *testing.T) {
		if !strings.HasPrefix(out, "flowchart LR\n") {
			t.Fatalf("header: %q", out[:20])
		}
		for _, tier := range []string{"access", "agentcore", "dataautomation", "encryption", "observability", "registry", "settings", "storage"} {
			if strings.Count(out, "  subgraph t_"+tier+`["`+tier+`"]`) != 1 {
				t.Errorf("no single subgraph for %s", tier)
			}
		}
		if strings.Count(out, "  subgraph ") != strings.Count(out, "  end\n") || strings.Contains(out, "providers") {
			t.Error("unbalanced subgraphs or the provider drawn")
		}
	})
	t.Run("draws_shapes_and_edges", func(t *testing.T) {
		for _, want := range []string{
			`    n_storage_bucket_documents[("S3 bucket<br/>documents")]`,
			`    n_agentcore_runtime_workflow(["AgentCore runtime<br/>app_workflow"])`,
			`    n_access_role_workflow{{"IAM role<br/>workflow"}}`,
			`  n_registry_image_workflow_image -->|deployed to| n_agentcore_runtime_workflow`,
			`  n_encryption_key -.->|encrypts| t_settings`,
		} {
			if !strings.Contains(out, want+"\n") {
				t.Errorf("lacks %q", want)
			}
		}
	})
	t.Run("is_deterministic_whatever_the_resource_order", func(t *testing.T) {
		shuffled := *inv
		shuffled.Resources = append([]inventory.Resource(nil), inv.Resources...)
		for i, j := 0, len(shuffled.Resources)-1; i < j; i, j = i+1, j-1 {
			shuffled.Resources[i], shuffled.Resources[j] = shuffled.Resources[j], shuffled.Resources[i]
		}
		if Mermaid(&shuffled) != out || Mermaid(inv) != out {
			t.Fatal("output depends on resource order")
		}
	})
	t.Run("collapses_a_grant_on_every_node_of_a_kind", func(t *testing.T) {
		g := build(sample())
		b := &builder{g: g}
		b.drawGrants("n_access_role_workflow", []string{"n_storage_bucket_documents", "n_storage_bucket_processed"})
		if !g.seen[[2]string{"n_access_role_workflow", "t_storage"}] {
			t.Errorf("no tier edge: %v", g.edges)
		}
	})
	t.Run("handles_an_empty_plan", func(t *testing.T) {
		if got := Mermaid(nil); got != "flowchart LR\n" {
			t.Fatalf("empty plan: %q", got)
		}
	})
}

func TestARNs(t *testing.T) {
	bucket := target{kind: "bucket", form: arnForms["bucket"], stem: "app-documents"}
	for part, want := range map[string]bool{"app-documents-abc1234": true, "app-documents": false, "app-documents-archive-abc1234": false} {
		if bucket.names(part) != want {
			t.Errorf("bucket names %q = %v", part, !want)
		}
	}
	for pattern, want := range map[string]bool{"parameter/app/*": true, "parameter/ap?/agents/x": true, "parameter/other/*": false} {
		if glob(pattern, "parameter/app/agents/x") != want {
			t.Errorf("glob %q = %v", pattern, !want)
		}
	}
	if got := arnStrings(map[string]any{"a": `{"R":["arn:aws:s3:::x"]}`, "b": []any{"arn:aws:sns:r:1:t", "no"}}); !reflect.DeepEqual(got,
		[]string{"arn:aws:s3:::x", "arn:aws:sns:r:1:t"}) {
		t.Errorf("arnStrings %v", got)
	}
}

// The network tier draws the VPC hosting the runtimes, its endpoints, its egress and its flow
// logs; subnets, routes and security groups count as the VPC's.
func TestNetworkTier(t *testing.T) {
	s := &stack{}
	net := s.tier("bidopsai:network:Network", "app")
	vpc := s.add(net, "aws:ec2/vpc:Vpc", "app-vpc", map[string]any{"cidrBlock": "10.50.0.0/16"})
	subnet := s.add(net, "aws:ec2/subnet:Subnet", "app-private-use1-az1", nil, vpc)
	sg := s.add(net, "aws:ec2/securityGroup:SecurityGroup", "app-runtimes", nil, vpc)
	s.add(net, "aws:ec2/vpcEndpoint:VpcEndpoint", "app-endpoint-logs", nil, vpc, subnet, sg)
	s.add(net, "aws:ec2/vpcEndpoint:VpcEndpoint", "app-endpoint-sts", nil, vpc, subnet, sg)
	igw := s.add(net, "aws:ec2/internetGateway:InternetGateway", "app-igw", nil, vpc)
	public := s.add(net, "aws:ec2/subnet:Subnet", "app-public-use1-az1", nil, vpc)
	s.add(net, "aws:ec2/natGateway:NatGateway", "app-nat-use1-az1", nil, public, igw)
	group := s.add(net, "aws:cloudwatch/logGroup:LogGroup", "app-flow-logs", map[string]any{"name": "/app/vpc-flow-logs"})
	s.add(net, "aws:ec2/flowLog:FlowLog", "app-flow-logs-vpc", nil, vpc, group)
	ac := s.tier("bidopsai:agentcore:Runtime", "app-workflow")
	s.add(ac, "bidopsai:index:AgentRuntime", "app-workflow", map[string]any{"agentRuntimeName": "app_workflow"}, subnet, sg)
	out := Mermaid(&inventory.Inventory{Project: "bidopsai", Stack: "test", Resources: s.res})
	for _, want := range []string{
		`n_network_vpc_vpc["VPC<br/>10.50.0.0/16"]`,
		`n_network_endpoints["VPC endpoints<br/>2 endpoints"]`,
		"n_network_vpc_vpc -->|hosts| n_agentcore_runtime_workflow",
		"n_network_vpc_vpc -->|private DNS| n_network_endpoints",
		"n_network_vpc_vpc -->|egress| n_network_nat",
		"n_network_nat -->|to the internet| n_network_igw_igw",
		"n_network_vpc_vpc -->|flow logs| n_network_logs_flow_logs",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("diagram lacks %q:\n%s", want, out)
		}
	}
}
