package config

import (
	"fmt"
	"github.com/bidopsai/bidopsai-infra/components/encryption"
	"strconv"
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

// Network is bidopsai:network: how the AgentCore runtimes reach the network.
type Network struct {
	// Mode is PUBLIC (AgentCore's network) or VPC (private subnets of a VPC this stack creates).
	Mode string
	// Egress is NONE (no route to the internet) or NAT (NAT gateways for non-AWS services).
	Egress string
	// NATGateways is 1 or PER_AZ (one per availability zone); read only with Egress NAT.
	NATGateways       string
	VpcCIDR           string
	AvailabilityZones int
	// DatabaseCIDR, when set, lets the runtimes reach database.port in that block.
	DatabaseCIDR string
}

// Runtime is bidopsai:runtime: AgentCore runtime settings every agent shares.
type Runtime struct {
	Protocol           string
	IdleTimeoutSeconds int
	MaxLifetimeSeconds int
	JWTAuthorizer      bool
}

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
	readNetwork(r, c)
	rt := r.object(ns+"runtime", "protocol", "idleTimeoutSeconds", "maxLifetimeSeconds", "jwtAuthorizer")
	c.Runtime = Runtime{
		Protocol:           rt.oneOf("protocol", "HTTP", "HTTP", "MCP", "A2A"),
		IdleTimeoutSeconds: rt.integer("idleTimeoutSeconds", 900, between(60, 28800)),
		MaxLifetimeSeconds: rt.integer("maxLifetimeSeconds", 28800, between(60, 28800)),
		JWTAuthorizer:      rt.boolean("jwtAuthorizer", false),
	}
	if c.Runtime.IdleTimeoutSeconds > c.Runtime.MaxLifetimeSeconds {
		r.invalid(ns+"runtime.idleTimeoutSeconds", strconv.Itoa(c.Runtime.IdleTimeoutSeconds),
			fmt.Sprintf("must not exceed runtime.maxLifetimeSeconds (%d)", c.Runtime.MaxLifetimeSeconds))
	}
	r.decodeTier("", &c.DataAutomation)
}
