package config

import (
	"github.com/bidopsai/bidopsai-infra/components/agentcore"
	"github.com/bidopsai/bidopsai-infra/components/encryption"
	"github.com/bidopsai/bidopsai-infra/components/network"
)

// KMS is bidopsai:kms: whether the stack has its own customer-managed key, and its settings.
type KMS struct {
	CustomerManagedKey bool
	Key                encryption.StackKeyArgs
}

// Alarms is bidopsai:alarms.
type Alarms struct {
	Enabled           bool
	ErrorThreshold    float64
	TaskDurationMs    float64
	LLMLatencyMs      float64
	PeriodSeconds     int
	EvaluationPeriods int
	Emails            []string
}

// Tracing is bidopsai:tracing.
type Tracing struct {
	Enabled      bool
	SamplingRate float64
}

// Runtime is bidopsai:runtime and bidopsai:network.mode: what every agent's runtime shares.
type Runtime struct {
	// JWTAuthorizer puts the stack's user pool in front of every runtime.
	JWTAuthorizer bool
	// Agent is the runtime Args every agent's runtime starts from.
	Agent agentcore.RuntimeArgs
}

// PrivateNetwork reports whether the runtimes run in the stack's VPC (bidopsai:network.mode VPC).
func (c *Config) PrivateNetwork() bool { return c.Runtime.Agent.NetworkMode == agentcore.NetworkVPC }

func readOperations(r *reader, c *Config) {
	k := r.object(ns + "kms")
	c.KMS.CustomerManagedKey = k.boolean("customerManagedKey", false)
	r.decodeTier("", &c.KMS.Key)
	a := r.object(ns+"alarms", "enabled", "errorThreshold", "taskDurationMs", "llmLatencyMs",
		"periodSeconds", "evaluationPeriods", "emails")
	c.Alarms = Alarms{
		Enabled:           a.boolean("enabled", false),
		ErrorThreshold:    a.number("errorThreshold", 10, nonNegative),
		TaskDurationMs:    a.number("taskDurationMs", 300000, positive),
		LLMLatencyMs:      a.number("llmLatencyMs", 30000, positive),
		PeriodSeconds:     a.integer("periodSeconds", 300, alarmPeriod),
		EvaluationPeriods: a.integer("evaluationPeriods", 2, between(1, 100)),
		Emails:            a.strings("emails", nil, email),
	}
	if c.Alarms.Enabled && len(c.Alarms.Emails) == 0 {
		r.fail(ns+"alarms.emails", "must list at least one address when alarms.enabled is true (alarms would notify nobody)")
	}
	t := r.object(ns+"tracing", "enabled", "samplingRate")
	c.Tracing = Tracing{
		Enabled:      t.boolean("enabled", false),
		SamplingRate: t.number("samplingRate", 0.05, fraction),
	}
	rt := r.object(ns+"runtime", "jwtAuthorizer")
	c.Runtime.JWTAuthorizer = rt.boolean("jwtAuthorizer", false)
	r.decodeTier("", &c.Runtime.Agent)
	r.decodeTier("", &c.Network)
	if !c.PrivateNetwork() && c.Network.Egress == network.EgressNAT {
		r.invalid(ns+"network.egress", c.Network.Egress, "NAT needs network.mode VPC (PUBLIC runtimes already reach the internet)")
	}
	if !c.PrivateNetwork() && c.Network.DatabaseCIDR != "" {
		r.invalid(ns+"network.databaseCidr", c.Network.DatabaseCIDR, "needs network.mode VPC (PUBLIC runtimes have no security group)")
	}
	r.decodeTier("", &c.DataAutomation)
}
