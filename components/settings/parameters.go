package settings

import (
	"encoding/json"
	"fmt"
	"sort"
)

// AgentCorePort is the port AgentCore's container contract requires (GET /ping, POST /invocations).
const AgentCorePort = 8080

// maxStandardValue is the size limit of a Standard-tier SSM parameter value.
const maxStandardValue = 4096

// parameter is one SSM parameter to create: key (logical-name suffix and path segment),
// description and JSON value.
type parameter struct {
	key, description, value string
}

type supervisorConfig struct {
	Enabled        bool    `json:"enabled"`
	ModelName      string  `json:"model_name"`
	MaxTokens      int     `json:"max_tokens"`
	Temperature    float64 `json:"temperature"`
	TimeoutSeconds int     `json:"timeout_seconds"`
	RetryAttempts  int     `json:"retry_attempts"`
	Port           int     `json:"port"`
}

type subAgentConfig struct {
	Enabled     bool    `json:"enabled"`
	ModelName   string  `json:"model_name"`
	MaxTokens   int     `json:"max_tokens"`
	Temperature float64 `json:"temperature"`
}

type memoryConfig struct {
	WorkflowMemoryTTLHours      int `json:"workflow_memory_ttl_hours"`
	ProjectMemoryTTLDays        int `json:"project_memory_ttl_days"`
	UserPreferenceMemoryTTLDays int `json:"user_preference_memory_ttl_days"`
	AgentLearningMemoryTTLDays  int `json:"agent_learning_memory_ttl_days"`
	SessionMemoryTTLHours       int `json:"session_memory_ttl_hours"`
}

type observabilityConfig struct {
	LangfuseEnabled       bool   `json:"langfuse_enabled"`
	CloudWatchLogsEnabled bool   `json:"cloudwatch_logs_enabled"`
	XRayTracingEnabled    bool   `json:"xray_tracing_enabled"`
	LogLevel              string `json:"log_level"`
	MetricsNamespace      string `json:"metrics_namespace"`
}

// subAgent holds one sub-agent's fixed tuning (from the original design).
type subAgent struct {
	key, title  string
	maxTokens   int
	temperature float64
}

// subAgents are the eight sub-agents' parameter keys, in the order they are created.
var subAgents = []subAgent{
	{"parser", "Parser", 8192, 0.3},
	{"analysis", "Analysis", 8192, 0.5},
	{"knowledge", "Knowledge", 4096, 0.5},
	{"content", "Content", 16384, 0.7},
	{"compliance", "Compliance", 8192, 0.3},
	{"qa", "QA", 8192, 0.3},
	{"comms", "Communications", 4096, 0.7},
	{"submission", "Submission", 4096, 0.5},
}

// parameters builds every parameter's JSON value from validated args.
func parameters(a AgentSettingsArgs) ([]parameter, error) {
	type spec struct {
		key, description string
		value            any
	}
	supervisor := func(timeout int) supervisorConfig {
		return supervisorConfig{Enabled: true, ModelName: a.SupervisorModelID, MaxTokens: 4096,
			Temperature: 0.7, TimeoutSeconds: timeout, RetryAttempts: 3, Port: AgentCorePort}
	}
	var specs []spec
	for _, sv := range a.Supervisors {
		specs = append(specs, spec{sv.Agent + "-supervisor", sv.Agent + " supervisor agent configuration",
			supervisor(sv.TimeoutSeconds)})
	}
	for _, s := range subAgents {
		specs = append(specs, spec{s.key, s.title + " Agent configuration", subAgentConfig{
			Enabled: true, ModelName: a.SubAgentModelID, MaxTokens: s.maxTokens, Temperature: s.temperature}})
	}
	flags := a.FeatureFlags
	if flags == nil {
		flags = map[string]bool{}
	}
	specs = append(specs,
		spec{"memory", "AgentCore Memory system configuration", memoryConfig{
			WorkflowMemoryTTLHours: 72, ProjectMemoryTTLDays: 90, UserPreferenceMemoryTTLDays: 365,
			AgentLearningMemoryTTLDays: 180, SessionMemoryTTLHours: 1}},
		spec{"observability", "Observability and monitoring configuration", observabilityConfig{
			LangfuseEnabled: a.LangfuseEnabled, CloudWatchLogsEnabled: true, XRayTracingEnabled: a.TracingEnabled,
			LogLevel: a.LogLevel, MetricsNamespace: a.MetricsNamespace}},
		spec{"feature-flags", "Agent feature flags", flags},
	)
	out := make([]parameter, 0, len(specs))
	for _, s := range specs {
		b, err := json.Marshal(s.value) // maps marshal with sorted keys, so values are stable
		if err != nil {
			return nil, fmt.Errorf("render %s config: %w", s.key, err)
		}
		if len(b) > maxStandardValue {
			// Only the flags grow with input; the other values are bounded by validation.
			return nil, fmt.Errorf("invalid AgentSettingsArgs.FeatureFlags = %d flags: the %s config is %d bytes, "+
				"over the %d-byte Standard-tier limit", len(a.FeatureFlags), s.key, len(b), maxStandardValue)
		}
		out = append(out, parameter{key: s.key, description: s.description, value: string(b)})
	}
	return out, nil
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
