package observability

import (
	"errors"
	"fmt"
	"math"
	"net/mail"
	"regexp"
	"slices"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/bidopsai/bidopsai-infra/internal/awsvalues"
	"github.com/bidopsai/bidopsai-infra/internal/naming"
	"github.com/bidopsai/bidopsai-infra/internal/tags"
)

var (
	// envPattern keeps "bidopsai-<env>" within X-Ray's 32-character group and rule names.
	envPattern       = regexp.MustCompile(`^[a-z][a-z0-9-]{0,19}$`)
	regionPattern    = regexp.MustCompile(`^[a-z]{2}(-[a-z]+)+-[0-9]+$`)
	namespacePattern = regexp.MustCompile(`^[A-Za-z0-9._/#:-]{1,255}$`)
	runtimePattern   = regexp.MustCompile(`^[a-zA-Z][a-zA-Z0-9_]{0,47}$`)
	runtimeArn       = regexp.MustCompile(`^arn:aws[a-z-]*:bedrock-agentcore:[a-z0-9-]+:[0-9]{12}:runtime/[A-Za-z0-9_-]+$`)
	emailDomain      = regexp.MustCompile(`^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$`)
)

// checker collects every problem at once, each naming the field and what it accepts.
type checker struct {
	name string
	errs []error
}

func (c *checker) bad(field string, value any, rule string) {
	c.errs = append(c.errs, fmt.Errorf("observability %q: invalid MonitoringArgs.%s = %#v: %s", c.name, field, value, rule))
}

// validate returns every problem with args, each naming the field.
func validate(name string, a *MonitoringArgs) error {
	if a == nil {
		return fmt.Errorf("observability %q: args: required, got nil", name)
	}
	c := &checker{name: name}
	if !envPattern.MatchString(a.Stack) {
		c.bad("Stack", a.Stack, "must be 1-20 characters of a-z, 0-9 and '-', starting with a letter")
	}
	if !regionPattern.MatchString(a.Region) {
		c.bad("Region", a.Region, "must be an AWS region like us-east-1")
	}
	if !awsvalues.ValidRetention(a.LogRetentionDays) {
		c.bad("LogRetentionDays", a.LogRetentionDays, "must be one of "+joinInts(awsvalues.LogRetentionDays)+
			" (CloudWatch Logs retention values; 0 = never expire is refused)")
	}
	if s, ok := a.KMSKeyArn.(pulumi.String); ok && !awsvalues.KMSKeyARN.MatchString(string(s)) {
		c.bad("KMSKeyArn", string(s), "must be a KMS key ARN (arn:aws:kms:<region>:<account>:key/<id>)")
	}
	if ns := a.MetricsNamespace; ns != "" && (!namespacePattern.MatchString(ns) || strings.HasPrefix(ns, "AWS/")) {
		c.bad("MetricsNamespace", ns, "must be 1-255 characters of letters, digits and . - _ / # : and not start with AWS/")
	}
	if a.Alarms.Enabled {
		c.alarms(a.Alarms)
	}
	if t := a.Tracing; t.Enabled && !(t.SamplingRate > 0 && t.SamplingRate <= 1) {
		c.bad("Tracing.SamplingRate", t.SamplingRate, "must be > 0 and <= 1 (a fraction: 0.05 traces 5 % of requests)")
	}
	c.agents(a.Agents)
	c.runtimes(a.Runtimes, a.Agents)
	c.tags(a.Tags)
	return errors.Join(c.errs...)
}

func (c *checker) alarms(s AlarmSettings) {
	for _, f := range []struct {
		field string
		value float64
		min   float64
		rule  string
	}{
		{"Alarms.ErrorThreshold", s.ErrorThreshold, 0, "must be a finite number >= 0"},
		{"Alarms.TaskDurationMs", s.TaskDurationMs, math.SmallestNonzeroFloat64, "must be a finite number > 0"},
		{"Alarms.LLMLatencyMs", s.LLMLatencyMs, math.SmallestNonzeroFloat64, "must be a finite number > 0"},
	} {
		if math.IsNaN(f.value) || math.IsInf(f.value, 0) || f.value < f.min {
			c.bad(f.field, f.value, f.rule)
		}
	}
	if p := s.PeriodSeconds; p != 10 && p != 20 && p != 30 && (p < 60 || p%60 != 0) {
		c.bad("Alarms.PeriodSeconds", p, "must be 10, 20, 30 or a multiple of 60")
	}
	if s.EvaluationPeriods < 1 {
		c.bad("Alarms.EvaluationPeriods", s.EvaluationPeriods, "must be >= 1")
	}
	if len(s.Emails) == 0 {
		c.bad("Alarms.Emails", s.Emails, "at least one address is required when alarms are enabled "+
			"(an alarm nobody receives is the defect being fixed)")
	}
	seen := map[string]bool{}
	for i, e := range s.Emails {
		field := fmt.Sprintf("Alarms.Emails[%d]", i)
		if err := checkEmail(e); err != nil {
			c.bad(field, e, err.Error())
		} else if key := strings.ToLower(e); seen[key] {
			c.bad(field, e, "is listed twice (addresses must be distinct)")
		} else {
			seen[key] = true
		}
	}
}

// checkEmail accepts a bare address with a dotted domain: what SNS email subscriptions deliver to.
func checkEmail(e string) error {
	a, err := mail.ParseAddress(e)
	rule := errors.New("must be an email address like ops@example.com (no display name)")
	if err != nil || a.Address != e || a.Name != "" {
		return rule
	}
	if at := strings.LastIndex(e, "@"); !emailDomain.MatchString(e[at+1:]) {
		return rule
	}
	return nil
}

func (c *checker) agents(ids []string) {
	if len(ids) == 0 {
		c.bad("Agents", ids, "at least one agent id is required")
	}
	for i, id := range ids {
		f := fmt.Sprintf("Agents[%d]", i)
		switch {
		case !naming.AgentIDPattern.MatchString(id):
			c.bad(f, id, naming.AgentIDRule)
		case slices.Contains(SubAgents, id):
			c.bad(f, id, "is a sub-agent's Agent dimension value; must not be one of "+strings.Join(SubAgents, ", "))
		case slices.Contains(ids[:i], id):
			c.bad(f, id, "is listed twice (agent ids must be distinct)")
		}
	}
}

func (c *checker) runtimes(rs []Runtime, agents []string) {
	seen := map[string]bool{}
	for i, r := range rs {
		f := fmt.Sprintf("Runtimes[%d].", i)
		if !slices.Contains(agents, r.Agent) {
			c.bad(f+"Agent", r.Agent, "must be one of MonitoringArgs.Agents ("+strings.Join(agents, ", ")+")")
		} else if seen[r.Agent] {
			c.bad(f+"Agent", r.Agent, "is listed twice (one runtime per agent)")
		}
		seen[r.Agent] = true
		if !runtimePattern.MatchString(r.Name) {
			c.bad(f+"Name", r.Name, "must match "+runtimePattern.String()+" (AgentCore runtime names)")
		}
		if r.ID == nil {
			c.bad(f+"ID", nil, "required")
		}
		if r.Arn == nil {
			c.bad(f+"Arn", nil, "required")
		} else if s, ok := r.Arn.(pulumi.String); ok && !runtimeArn.MatchString(string(s)) {
			c.bad(f+"Arn", string(s), "must be arn:aws:bedrock-agentcore:<region>:<account>:runtime/<id>")
		}
	}
}

func (c *checker) tags(t map[string]string) { tags.Check("Tags", t, c.bad) }

func joinInts(v []int) string {
	s := make([]string, len(v))
	for i, n := range v {
		s[i] = fmt.Sprint(n)
	}
	return strings.Join(s, ", ")
}
