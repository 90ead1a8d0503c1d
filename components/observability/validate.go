package observability

import (
	"fmt"
	"math"
	"reflect"
	"regexp"
	"slices"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/bidopsai/bidopsai-infra/internal/awsvalues"
	"github.com/bidopsai/bidopsai-infra/internal/naming"
	"github.com/bidopsai/bidopsai-infra/internal/tier"
)

var (
	// envPattern keeps "bidopsai-<env>" within X-Ray's 32-character group and rule names.
	envPattern = regexp.MustCompile(`^[a-z][a-z0-9-]{0,19}$`)
	runtimeArn = regexp.MustCompile(`^arn:aws[a-z-]*:bedrock-agentcore:[a-z0-9-]+:[0-9]{12}:runtime/[A-Za-z0-9_-]+$`)
)

// Validate returns every problem with args, each naming the field.
func (a *MonitoringArgs) Validate(name string) error {
	if a == nil {
		return tier.NilArgs(component, name)
	}
	c := tier.NewChecker(component, name, "MonitoringArgs")
	c.Check(envPattern.MatchString(a.Stack), "Stack", a.Stack, "must be 1-20 characters of a-z, 0-9 and '-', starting with a letter")
	c.Region("Region", a.Region)
	c.LogRetention("LogRetentionDays", a.LogRetentionDays)
	c.KMSKeyArn("KMSKeyArn", a.KMSKeyArn)
	if ns := a.MetricsNamespace; ns != "" {
		c.Check(awsvalues.ValidMetricsNamespace(ns), "MetricsNamespace", ns, awsvalues.MetricsNamespaceRule)
	}
	if a.Alarms.Enabled || !reflect.ValueOf(a.Alarms).IsZero() {
		checkAlarms(c, a.Alarms)
	}
	if t := a.Tracing; (t.Enabled || t.SamplingRate != 0) && !(t.SamplingRate > 0 && t.SamplingRate <= 1) {
		c.Bad("Tracing.SamplingRate", t.SamplingRate, "must be above 0 and at most 1 (a fraction: 0.05 traces 5 % of requests)")
	}
	checkAgents(c, a.Agents)
	checkRuntimes(c, a.Runtimes, a.Agents)
	c.Tags("Tags", a.Tags)
	return c.Err()
}

func checkAlarms(c *tier.Checker, s AlarmSettings) {
	for _, f := range []struct {
		field string
		value float64
		min   float64
		rule  string
	}{
		{"Alarms.ErrorThreshold", s.ErrorThreshold, 0, "must be a finite number, zero or more"},
		{"Alarms.TaskDurationMs", s.TaskDurationMs, math.SmallestNonzeroFloat64, "must be a finite number more than zero"},
		{"Alarms.LLMLatencyMs", s.LLMLatencyMs, math.SmallestNonzeroFloat64, "must be a finite number more than zero"},
	} {
		if math.IsNaN(f.value) || math.IsInf(f.value, 0) || f.value < f.min {
			c.Bad(f.field, f.value, f.rule)
		}
	}
	if p := s.PeriodSeconds; p != 10 && p != 20 && p != 30 && (p < 60 || p%60 != 0 || p > 86400) {
		c.Bad("Alarms.PeriodSeconds", p, "must be 10, 20, 30 or a multiple of 60 up to 86400 (CloudWatch alarm periods)")
	}
	c.Between("Alarms.EvaluationPeriods", s.EvaluationPeriods, 1, 100)
	if s.Enabled && len(s.Emails) == 0 {
		c.Bad("Alarms.Emails", s.Emails, "at least one address is required when alarms are enabled "+
			"(an alarm nobody receives is the defect being fixed)")
	}
	c.Emails("Alarms.Emails", s.Emails)
}

func checkAgents(c *tier.Checker, ids []string) {
	if len(ids) == 0 {
		c.Bad("Agents", ids, "at least one agent id is required")
	}
	for i, id := range ids {
		f := fmt.Sprintf("Agents[%d]", i)
		switch {
		case !naming.AgentIDPattern.MatchString(id):
			c.Bad(f, id, naming.AgentIDRule)
		case slices.Contains(SubAgents, id):
			c.Bad(f, id, "is a sub-agent's Agent dimension value; must not be one of "+strings.Join(SubAgents, ", "))
		case slices.Contains(ids[:i], id):
			c.Bad(f, id, "is listed twice (agent ids must be distinct)")
		}
	}
}

func checkRuntimes(c *tier.Checker, rs []Runtime, agents []string) {
	seen := map[string]bool{}
	for i, r := range rs {
		f := fmt.Sprintf("Runtimes[%d].", i)
		if !slices.Contains(agents, r.Agent) {
			c.Bad(f+"Agent", r.Agent, "must be one of MonitoringArgs.Agents ("+strings.Join(agents, ", ")+")")
		} else if seen[r.Agent] {
			c.Bad(f+"Agent", r.Agent, "is listed twice (one runtime per agent)")
		}
		seen[r.Agent] = true
		c.Check(awsvalues.RuntimeName.MatchString(r.Name), f+"Name", r.Name, awsvalues.RuntimeNameRule)
		if r.ID == nil {
			c.Bad(f+"ID", nil, "required")
		}
		if r.Arn == nil {
			c.Bad(f+"Arn", nil, "required")
		} else if s, ok := r.Arn.(pulumi.String); ok && !runtimeArn.MatchString(string(s)) {
			c.Bad(f+"Arn", string(s), "must be arn:aws:bedrock-agentcore:<region>:<account>:runtime/<id>")
		}
	}
}
