package cost

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/bidopsai/bidopsai-infra/internal/inventory"
)

func TestFixedLines(t *testing.T) {
	p := prices(t)
	h := p.HoursPerMonth
	cases := []struct {
		name   string
		r      inventory.Resource
		item   string
		want   float64
		detail string
	}{
		{"prices_a_kms_key_per_month", res(tKMSKey, "key", nil), "KMS key key", usd(t, p, pKMSKey), "1 key"},
		{"prices_a_secret_per_month", res(tSecret, "db", nil), "Secrets Manager secret db", usd(t, p, pSecret), "1 secret"},
		{"prices_a_dashboard_per_month", res(tDashboard, "dash", nil), "CloudWatch dashboard dash", usd(t, p, pDashboard), "1 dashboard"},
		{"prices_a_standard_alarm", res(tAlarm, "errors", map[string]any{"period": 300.0}), "CloudWatch alarm errors",
			usd(t, p, pAlarm), "1 standard alarm metric"},
		{"prices_a_high_resolution_alarm_higher", res(tAlarm, "fast", map[string]any{"period": 10.0}), "CloudWatch alarm fast",
			usd(t, p, pAlarmHighRes), "high-resolution"},
		{"prices_each_metric_of_a_metric_math_alarm", res(tAlarm, "math", map[string]any{"metricQueries": []any{
			map[string]any{"id": "a", "metric": map[string]any{"metricName": "X"}},
			map[string]any{"id": "b", "metric": map[string]any{"metricName": "Y"}},
			map[string]any{"id": "e", "expression": "a/b"},
		}}), "CloudWatch alarm math", 2 * usd(t, p, pAlarm), "2 standard alarm metrics"},
		{"prices_an_advanced_parameter", res(tParameter, "big", map[string]any{"tier": "Advanced"}), "SSM parameter big",
			usd(t, p, pSSMAdvanced), "advanced-tier"},
		{"groups_standard_parameters_at_zero", res(tParameter, "cfg", map[string]any{"tier": "Standard"}),
			"SSM parameters (Standard) ×1", 0, "free"},
		{"prices_a_nat_gateway_all_month", res(tNATGateway, "nat", nil), "NAT gateway nat", h * usd(t, p, pNATHour), "730 h"},
		{"prices_a_public_ipv4_address", res(tEIP, "ip", nil), "Public IPv4 address ip", h * usd(t, p, pPublicIPv4), "1 address"},
		{"prices_an_interface_endpoint_per_zone", res(tEndpoint, "ecr", map[string]any{"vpcEndpointType": "Interface",
			"subnetIds": []any{"a", "b"}}), "VPC interface endpoint ecr", 2 * h * usd(t, p, pEndpointHour), "2 zones"},
		{"groups_budgets_at_zero_and_flags_the_unconfirmed_price", res(tBudget, "budget", nil), "AWS Budgets budgets ×1", 0, "unconfirmed"},
		{"groups_buckets_at_zero", res(tBucket, "docs", nil), "S3 buckets ×1", 0, "priced under usage"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := Estimate(inv(tc.r), Assumptions{}, p)
			l := line(t, c, tc.item)
			near(t, tc.item, l.Monthly, tc.want)
			if l.Kind != Fixed || !strings.Contains(l.Detail, tc.detail) {
				t.Errorf("line %+v: want kind fixed and detail containing %q", l, tc.detail)
			}
			if tc.want > 0 && l.URN != tc.r.URN {
				t.Errorf("line URN %q, want the resource's %q", l.URN, tc.r.URN)
			}
		})
	}
	t.Run("ignores_gateway_endpoints", func(t *testing.T) {
		c := Estimate(inv(res(tEndpoint, "s3", map[string]any{"vpcEndpointType": "Gateway"})), Assumptions{}, p)
		noLine(t, c, "VPC interface endpoint")
	})
	t.Run("prices_the_metric_contract_as_usage_while_agents_run", func(t *testing.T) {
		c := Estimate(inv(res(tRuntime, "agent", nil)), assumptions(), p)
		l := line(t, c, "CloudWatch custom metrics")
		near(t, "custom metrics", l.Monthly, 79*usd(t, p, pCustomMetric))
		if l.Kind != Usage {
			t.Errorf("custom metrics are %s cost; agents emit them only while they run", l.Kind)
		}
		idle := assumptions()
		idle.SessionsPerDay = 0
		noLine(t, Estimate(inv(res(tRuntime, "agent", nil)), idle, p), "CloudWatch custom metrics")
		noLine(t, Estimate(inv(res(tDashboard, "dash", nil)), assumptions(), p), "CloudWatch custom metrics")
	})
	t.Run("lists_types_without_a_rule_instead_of_dropping_them", func(t *testing.T) {
		c := Estimate(inv(res("aws:lambda/function:Function", "fn", nil), res("aws:iam/role:Role", "r", nil)), Assumptions{}, p)
		l := line(t, c, "Not priced yet")
		if !strings.Contains(l.Detail, "aws:lambda/function:Function ×1") || strings.Contains(l.Detail, "iam") {
			t.Errorf("detail %q", l.Detail)
		}
	})
}

func TestUsageLines(t *testing.T) {
	p := prices(t)
	a := assumptions()
	plan := inv(res(tRuntime, "workflow", nil), res(tLogGroup, "logs", map[string]any{"retentionInDays": 30.0}),
		res(tBucket, "docs", nil), res(tRepository, "repo", nil), res(tXRayGroup, "traces", nil),
		res(tDAProject, "parser", nil))
	c := Estimate(plan, a, p)
	sessions := 10 * p.HoursPerMonth / 24 // 304.17
	hours := sessions * 12 / 60
	m := p.Models[model]
	days := p.HoursPerMonth / 24
	for _, tc := range []struct {
		item string
		want float64
	}{
		{"AgentCore Runtime vCPU", hours * 0.5 * usd(t, p, pAgentCoreVCPU)},
		{"AgentCore Runtime memory", hours * 2 * usd(t, p, pAgentCoreMemory)},
		{"Bedrock input tokens " + model, sessions * 10000 / 1000 * m.InputPer1k},
		{"Bedrock output tokens " + model, sessions * 1000 / 1000 * m.OutputPer1k},
		{"CloudWatch Logs ingestion", 4 * usd(t, p, pLogIngest)},
		{"CloudWatch Logs storage", 4 * 30 / days * usd(t, p, pLogStore)},
		{"S3 Standard storage", 50 * usd(t, p, pS3Storage)},
		{"S3 requests", 4*usd(t, p, pS3Put) + 50*usd(t, p, pS3Get)},
		{"ECR image storage", 3 * usd(t, p, pECRStorage)},
		{"X-Ray traces recorded", 2 * usd(t, p, pXRayTraces)},
		{"Data Automation document pages", 1000 * usd(t, p, pBDAPage)},
	} {
		t.Run("prices_"+strings.ReplaceAll(strings.ToLower(tc.item), " ", "_"), func(t *testing.T) {
			l := line(t, c, tc.item)
			near(t, tc.item, l.Monthly, tc.want)
			if l.Kind != Usage || l.Detail == "" {
				t.Errorf("line %+v: want a usage line with a detail", l)
			}
		})
	}
	t.Run("says_how_each_line_was_computed", func(t *testing.T) {
		if d := line(t, c, "AgentCore Runtime vCPU").Detail; !strings.Contains(d, "304.17 sessions × 12 min = 60.83 session-hours") {
			t.Errorf("detail %q", d)
		}
	})
	t.Run("splits_tokens_across_two_models_and_names_a_missing_price", func(t *testing.T) {
		a := assumptions()
		a.Models = []string{model, "meta.llama-unknown-v1:0"}
		c := Estimate(inv(res(tRuntime, "workflow", nil)), a, p)
		near(t, "half the input tokens", line(t, c, "Bedrock input tokens "+model).Monthly, sessions*5000/1000*m.InputPer1k)
		if l := line(t, c, "Bedrock tokens meta.llama-unknown-v1:0"); l.Monthly != 0 || !strings.Contains(l.Detail, "no price") {
			t.Errorf("unknown model line %+v", l)
		}
	})
	t.Run("prices_cross_region_profiles_at_the_model_price", func(t *testing.T) {
		a := assumptions()
		a.Models = []string{"us." + model}
		c := Estimate(inv(res(tRuntime, "workflow", nil)), a, p)
		near(t, "us. prefix", line(t, c, "Bedrock input tokens us."+model).Monthly, sessions*10000/1000*m.InputPer1k)
	})
	t.Run("assumes_a_year_for_never_expiring_logs", func(t *testing.T) {
		c := Estimate(inv(res(tLogGroup, "logs", nil)), assumptions(), p)
		near(t, "storage", line(t, c, "CloudWatch Logs storage").Monthly, 4*365/days*usd(t, p, pLogStore))
	})
	t.Run("adds_no_usage_for_services_the_plan_lacks", func(t *testing.T) {
		c := Estimate(inv(res(tKMSKey, "key", nil)), assumptions(), p)
		if c.Usage != 0 {
			t.Errorf("usage %v for a plan with no usage-priced service: %+v", c.Usage, c.Lines)
		}
	})
}

func TestZeroUsageStack(t *testing.T) {
	p := prices(t)
	plan := inv(res(tRuntime, "workflow", nil), res(tLogGroup, "logs", nil), res(tBucket, "docs", nil),
		res(tRepository, "repo", nil), res(tKMSKey, "key", nil), res(tSecret, "db", nil))
	c := Estimate(plan, Assumptions{Models: []string{model}}, p)
	if c.Usage != 0 {
		t.Errorf("usage $%.2f with zero assumptions", c.Usage)
	}
	near(t, "fixed", c.Fixed, usd(t, p, pKMSKey)+usd(t, p, pSecret))
	if c.Total != c.Fixed {
		t.Errorf("total %v != fixed %v", c.Total, c.Fixed)
	}
	line(t, c, "AgentCore Runtime vCPU") // still listed, at zero, so the assumption is visible
}

func TestVPCMode(t *testing.T) {
	p := prices(t)
	h := p.HoursPerMonth
	subnets := []any{"subnet-a", "subnet-b", "subnet-c"}
	network := func(nats int) *inventory.Inventory {
		rs := []inventory.Resource{res("aws:ec2/vpc:Vpc", "vpc", nil), res(tFlowLog, "flow-logs", nil),
			res("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule", "to-endpoints", nil),
			res(tEndpoint, "endpoint-ecr-api", map[string]any{"vpcEndpointType": "Interface", "subnetIds": subnets}),
			res(tEndpoint, "endpoint-logs", map[string]any{"vpcEndpointType": "Interface", "subnetIds": subnets[:2]}),
			res(tEndpoint, "endpoint-s3", map[string]any{"vpcEndpointType": "Gateway"})}
		for i := range nats {
			n := fmt.Sprintf("nat-%d", i)
			rs = append(rs, res(tNATGateway, n, nil), res(tEIP, n, nil))
		}
		return inv(rs...)
	}
	t.Run("off_adds_no_network_cost", func(t *testing.T) {
		c := Estimate(inv(res(tRuntime, "workflow", nil)), assumptions(), p)
		for _, item := range []string{"NAT", "Public IPv4", "VPC interface endpoint"} {
			noLine(t, c, item)
		}
	})
	t.Run("prices_interface_endpoints_per_zone_and_gateways_free", func(t *testing.T) {
		c := Estimate(network(0), assumptions(), p)
		near(t, "3 zones", line(t, c, "VPC interface endpoint endpoint-ecr-api").Monthly, 3*h*usd(t, p, pEndpointHour))
		near(t, "2 zones", line(t, c, "VPC interface endpoint endpoint-logs").Monthly, 2*h*usd(t, p, pEndpointHour))
		noLine(t, c, "VPC interface endpoint endpoint-s3")
		noLine(t, c, "NAT")
		noLine(t, c, "Not priced yet")
		if l := line(t, c, "VPC flow logs ×1"); l.Monthly != 0 || !strings.Contains(l.Detail, "CloudWatch Logs") {
			t.Errorf("flow log line %+v", l)
		}
	})
	t.Run("prices_each_nat_gateway_its_address_and_data", func(t *testing.T) {
		c := Estimate(network(2), assumptions(), p)
		for _, n := range []string{"nat-0", "nat-1"} {
			near(t, "NAT hours", line(t, c, "NAT gateway "+n).Monthly, h*usd(t, p, pNATHour))
			near(t, "IPv4", line(t, c, "Public IPv4 address "+n).Monthly, h*usd(t, p, pPublicIPv4))
		}
		l := line(t, c, "NAT gateway data processed")
		near(t, "NAT data", l.Monthly, 20*usd(t, p, pNATGB))
		if l.Kind != Usage {
			t.Errorf("NAT data is %s, want usage", l.Kind)
		}
	})
}

func TestTotalsAndOrder(t *testing.T) {
	p := prices(t)
	plan := inv(res(tSecret, "b", nil), res(tSecret, "a", nil), res(tRuntime, "w", nil), res(tKMSKey, "k", nil))
	c := Estimate(plan, assumptions(), p)
	var fixed, usage float64
	for i, l := range c.Lines {
		if l.Kind == Fixed {
			fixed += l.Monthly
		} else {
			usage += l.Monthly
		}
		if i > 0 && c.Lines[i-1].Kind == Usage && l.Kind == Fixed {
			t.Errorf("fixed line %q after a usage line", l.Item)
		}
	}
	near(t, "fixed", c.Fixed, fixed)
	near(t, "usage", c.Usage, usage)
	near(t, "total", c.Total, fixed+usage)
	if c.Region != "us-east-1" || c.Currency != "USD" || c.PricesAsOf != p.AsOf || c.Assumptions["sessionsPerDay"] != 10 {
		t.Errorf("header %+v", c)
	}
	if !reflect.DeepEqual(c, Estimate(plan, assumptions(), p)) {
		t.Error("two estimates of the same plan differ")
	}
	if got := []string{c.Lines[2].Item, c.Lines[3].Item}; !reflect.DeepEqual(got, []string{"Secrets Manager secret a", "Secrets Manager secret b"}) {
		t.Errorf("lines not sorted by item: %v", got)
	}
}

func TestEmptyPlan(t *testing.T) {
	c := Estimate(nil, Assumptions{}, prices(t))
	if c.Total != 0 || c.Lines == nil {
		t.Fatalf("empty plan: %+v", c)
	}
}
