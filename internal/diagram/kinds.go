package diagram

// kind is how a resource type is drawn. Types without a kind are not nodes: their relations are
// attributed to the node that owns them (a bucket's policy to the bucket).
type kind struct {
	id    string // node id part and flow-rule key
	title string // first label line
	shape string // mermaid shape, see shapes
	// unit groups every resource of the kind in a tier into one node ("4 secrets"); "" draws each.
	unit, units string
}

var kinds = map[string]kind{
	"aws:s3/bucketV2:BucketV2":                {id: "bucket", title: "S3 bucket", shape: "cyl"},
	"aws:s3/bucket:Bucket":                    {id: "bucket", title: "S3 bucket", shape: "cyl"},
	"aws:ecr/repository:Repository":           {id: "repo", title: "ECR repository", shape: "cyl"},
	"docker:index/image:Image":                {id: "image", title: "image", shape: "para"},
	"docker-build:index:Image":                {id: "image", title: "image", shape: "para"},
	"bidopsai:index:AgentRuntime":             {id: "runtime", title: "AgentCore runtime", shape: "stadium"},
	"aws:iam/role:Role":                       {id: "role", title: "IAM role", shape: "hex"},
	"aws:secretsmanager/secret:Secret":        {id: "secrets", title: "Secrets Manager", shape: "rect", unit: "secret", units: "secrets"},
	"aws:ssm/parameter:Parameter":             {id: "params", title: "SSM Parameter Store", shape: "rect", unit: "parameter", units: "parameters"},
	"bidopsai:index:DataAutomationProject":    {id: "da", title: "Data Automation", shape: "sub"},
	"aws:cloudwatch/logGroup:LogGroup":        {id: "logs", title: "log group", shape: "cyl"},
	"aws:cloudwatch/dashboard:Dashboard":      {id: "dashboard", title: "CloudWatch dashboard", shape: "rect"},
	"aws:cloudwatch/metricAlarm:MetricAlarm":  {id: "alarms", title: "CloudWatch alarms", shape: "rect", unit: "alarm", units: "alarms"},
	"aws:sns/topic:Topic":                     {id: "topic", title: "SNS topic", shape: "rect"},
	"aws:cognito/userPool:UserPool":           {id: "pool", title: "Cognito user pool", shape: "rect"},
	"aws:kms/key:Key":                         {id: "key", title: "KMS key", shape: "rect"},
	"aws:xray/group:Group":                    {id: "xray", title: "X-Ray", shape: "rect", unit: "resource", units: "resources"},
	"aws:xray/samplingRule:SamplingRule":      {id: "xray", title: "X-Ray", shape: "rect", unit: "resource", units: "resources"},
	"aws:ec2/vpc:Vpc":                         {id: "vpc", title: "VPC", shape: "rect"},
	"aws:ec2/internetGateway:InternetGateway": {id: "igw", title: "internet gateway", shape: "rect"},
	"aws:ec2/natGateway:NatGateway":           {id: "nat", title: "NAT gateways", shape: "rect", unit: "gateway", units: "gateways"},
	"aws:ec2/vpcEndpoint:VpcEndpoint":         {id: "endpoints", title: "VPC endpoints", shape: "rect", unit: "endpoint", units: "endpoints"},
	"aws:budgets/budget:Budget":               {id: "budget", title: "AWS Budgets budget", shape: "rect"},
}

// shapes wrap a quoted label in mermaid's shape syntax.
var shapes = map[string][2]string{
	"cyl":     {`[(`, `)]`},
	"stadium": {`([`, `])`},
	"hex":     {`{{`, `}}`},
	"para":    {`[/`, `/]`},
	"sub":     {`[[`, `]]`},
	"rect":    {`[`, `]`},
}

// nameInputs are inputs that carry a resource's real name, shown instead of the logical name.
var nameInputs = map[string]string{
	"logs":    "name",
	"runtime": "agentRuntimeName",
	"vpc":     "cidrBlock",
}

// flow says how a dependency between two kinds is drawn: by default the dependency points at
// its dependent (data flows from what is referenced to what uses it); reverse flips that.
type flow struct {
	reverse bool
	label   string
}

// flows are keyed "dependent<dependency".
var flows = map[string]flow{
	"runtime<image":     {false, "deployed to"},
	"image<repo":        {true, "pushed to"},
	"runtime<role":      {true, "runs as"},
	"runtime<secrets":   {true, "reads"},
	"runtime<params":    {true, "reads"},
	"runtime<bucket":    {true, "uses"},
	"runtime<da":        {true, "invokes"},
	"runtime<pool":      {false, "authorizes"},
	"runtime<vpc":       {false, "hosts"},
	"endpoints<vpc":     {false, "private DNS"},
	"endpoints<bucket":  {true, "admits"},
	"nat<vpc":           {false, "egress"},
	"nat<igw":           {true, "to the internet"},
	"igw<vpc":           {false, "attached"},
	"logs<vpc":          {false, "flow logs"},
	"logs<role":         {false, "delivers"},
	"logs<runtime":      {false, "logs to"},
	"dashboard<runtime": {false, "metrics"},
	"dashboard<logs":    {false, "charted in"},
	"alarms<runtime":    {false, "metrics"},
	"alarms<logs":       {false, "watched by"},
	"alarms<topic":      {true, "notify"},
	"budget<topic":      {true, "notify"},
}

// access labels a role's permission on a resource kind.
var access = map[string]string{
	"bucket": "read/write", "secrets": "read", "params": "read", "repo": "pull", "da": "invoke",
	"logs": "write", "key": "use key", "runtime": "invoke", "topic": "publish",
}

// skipDependents are kinds whose dependencies are not flows: parameters only record names.
var skipDependents = map[string]bool{"params": true}
