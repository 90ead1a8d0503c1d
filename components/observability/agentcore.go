package observability

// AgentCore publishes its runtime metrics itself, once a minute (AWS devguide
// "observability-runtime-metrics"). Namespace and dimensions follow aws-cdk-lib's Runtime
// helpers (aws/aws-cdk#38486) and the Elastic integration that reads the live namespace.
const (
	// RuntimeNamespace is AgentCore's own CloudWatch namespace.
	RuntimeNamespace = "AWS/Bedrock-AgentCore"
	// RuntimeOperation is the Operation dimension of per-runtime invocation metrics.
	RuntimeOperation = "InvokeAgentRuntime"
	// RuntimeEndpoint is the endpoint every runtime has; the Name dimension is <runtime name>::<endpoint>.
	RuntimeEndpoint = "DEFAULT"
)

// Dimension keys of AgentCore's per-runtime metrics.
const (
	DimOperation = "Operation"
	DimName      = "Name"
	DimResource  = "Resource"
)

// RuntimeDimensionKeys is the one dimension set AgentCore publishes per runtime.
var RuntimeDimensionKeys = []string{DimOperation, DimName, DimResource}

// AgentCore runtime metric names this stack reads.
const (
	RuntimeInvocations  = "Invocations"
	RuntimeSystemErrors = "SystemErrors"
	RuntimeUserErrors   = "UserErrors"
	RuntimeThrottles    = "Throttles"
	RuntimeLatency      = "Latency"
)

// RuntimeMetrics are AgentCore's runtime metrics and the statistic the dashboard reads for each.
var RuntimeMetrics = map[string]string{
	RuntimeInvocations:  StatSum,
	RuntimeSystemErrors: StatSum,
	RuntimeUserErrors:   StatSum,
	RuntimeThrottles:    StatSum,
	RuntimeLatency:      StatAverage,
}

// runtimeDimensions are the dimensions of one runtime's DEFAULT endpoint metrics.
func runtimeDimensions(name, arn string) map[string]string {
	return map[string]string{
		DimOperation: RuntimeOperation,
		DimName:      name + "::" + RuntimeEndpoint,
		DimResource:  arn,
	}
}
