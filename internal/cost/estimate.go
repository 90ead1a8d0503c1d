package cost

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/bidopsai/bidopsai-infra/internal/inventory"
)

// Line kinds.
const (
	Fixed = "fixed"
	Usage = "usage"
)

// Resource types the estimator knows.
const (
	tKMSKey       = "aws:kms/key:Key"
	tSecret       = "aws:secretsmanager/secret:Secret"
	tAlarm        = "aws:cloudwatch/metricAlarm:MetricAlarm"
	tDashboard    = "aws:cloudwatch/dashboard:Dashboard"
	tLogGroup     = "aws:cloudwatch/logGroup:LogGroup"
	tBucket       = "aws:s3/bucketV2:BucketV2"
	tBucketV1     = "aws:s3/bucket:Bucket"
	tRepository   = "aws:ecr/repository:Repository"
	tParameter    = "aws:ssm/parameter:Parameter"
	tUserPool     = "aws:cognito/userPool:UserPool"
	tTopic        = "aws:sns/topic:Topic"
	tBudget       = "aws:budgets/budget:Budget"
	tXRayGroup    = "aws:xray/group:Group"
	tXRayRule     = "aws:xray/samplingRule:SamplingRule"
	tNATGateway   = "aws:ec2/natGateway:NatGateway"
	tEIP          = "aws:ec2/eip:Eip"
	tEndpoint     = "aws:ec2/vpcEndpoint:VpcEndpoint"
	tFlowLog      = "aws:ec2/flowLog:FlowLog"
	tRuntime      = "bidopsai:index:AgentRuntime"
	tDAProject    = "bidopsai:index:DataAutomationProject"
	tDockerImage  = "docker:index/image:Image"
	tDockerBuild  = "docker-build:index:Image"
	tSubscription = "aws:sns/topicSubscription:TopicSubscription"
)

// estimator accumulates lines while walking one inventory.
type estimator struct {
	inv    *inventory.Inventory
	a      Assumptions
	p      Prices
	byURN  map[string]inventory.Resource
	counts map[string]int
	// natGateways counts NAT gateways however declared, for the NAT data line.
	natGateways int
	lines       []inventory.CostLine
}

// Estimate prices what the plan contains: a fixed line per priced resource (types with no idle
// charge grouped into one line each), then usage lines for the services present, under the
// assumptions. Unknown resource types are listed in a zero line, never silently dropped.
func Estimate(inv *inventory.Inventory, a Assumptions, p Prices) *inventory.Cost {
	if inv == nil {
		inv = &inventory.Inventory{}
	}
	e := &estimator{inv: inv, a: a, p: p, byURN: map[string]inventory.Resource{}, counts: map[string]int{}}
	for _, r := range inv.Resources {
		e.byURN[r.URN] = r
		e.counts[r.Type]++
	}
	e.fixed()
	e.usage()
	return e.result()
}

func (e *estimator) add(kind, urn, item string, monthly float64, detail string) {
	e.lines = append(e.lines, inventory.CostLine{URN: urn, Item: item, Kind: kind, Monthly: cents(monthly), Detail: detail})
}

// price returns a unit price; Parse guarantees the key, so a miss only happens with a
// hand-built Prices and is shown in the detail instead of vanishing.
func (e *estimator) price(key string) (float64, string) {
	it, ok := e.p.Items[key]
	if !ok {
		return 0, " (no price " + key + " in prices.json)"
	}
	if !it.Confirmed {
		return it.USD, " (price unconfirmed, see prices.json " + key + ")"
	}
	return it.USD, ""
}

func (e *estimator) hours() float64 { return e.p.HoursPerMonth }

func (e *estimator) result() *inventory.Cost {
	sort.SliceStable(e.lines, func(i, j int) bool {
		a, b := e.lines[i], e.lines[j]
		if a.Kind != b.Kind {
			return a.Kind == Fixed
		}
		if a.Item != b.Item {
			return a.Item < b.Item
		}
		return a.URN < b.URN
	})
	c := &inventory.Cost{Currency: e.p.Currency, PricesAsOf: e.p.AsOf, Region: e.p.Region,
		Assumptions: e.a.Map(), Lines: e.lines}
	if c.Lines == nil {
		c.Lines = []inventory.CostLine{}
	}
	for _, l := range c.Lines {
		if l.Kind == Fixed {
			c.Fixed += l.Monthly
		} else {
			c.Usage += l.Monthly
		}
	}
	c.Fixed, c.Usage = cents(c.Fixed), cents(c.Usage)
	c.Total = cents(c.Fixed + c.Usage)
	return c
}

// cents rounds to the cent, so lines add up to the totals shown.
func cents(x float64) float64 { return math.Round(x*100) / 100 }

// money shows a unit price with as many decimals as it needs ($3.00, $0.0895, $0.0004).
func money(x float64) string {
	s := fmt.Sprintf("%.6f", x)
	s = strings.TrimRight(s, "0")
	if i := strings.IndexByte(s, '.'); len(s)-i-1 < 2 {
		s += strings.Repeat("0", 2-(len(s)-i-1))
	}
	return "$" + s
}

// num shows a quantity without needless decimals, grouped by thousands (600, 0.5, 6,083.33).
func num(x float64) string {
	s := strings.TrimRight(strings.TrimRight(fmt.Sprintf("%.2f", x), "0"), ".")
	whole, frac, hasFrac := strings.Cut(s, ".")
	sign := ""
	if strings.HasPrefix(whole, "-") {
		sign, whole = "-", whole[1:]
	}
	if hasFrac {
		return sign + thousands(whole) + "." + frac
	}
	return sign + thousands(whole)
}

// thousands puts commas between groups of three digits.
func thousands(digits string) string {
	for i := len(digits) - 3; i > 0; i -= 3 {
		digits = digits[:i] + "," + digits[i:]
	}
	return digits
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
