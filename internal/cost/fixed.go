package cost

import (
	"fmt"
	"strings"

	"github.com/bidopsai/bidopsai-infra/internal/inventory"
)

// perResource are types with an idle charge, priced one line per resource.
var perResource = map[string]func(e *estimator, r inventory.Resource){
	tKMSKey:     monthly(pKMSKey, "KMS key", "key"),
	tSecret:     monthly(pSecret, "Secrets Manager secret", "secret"),
	tDashboard:  monthly(pDashboard, "CloudWatch dashboard", "dashboard"),
	tAlarm:      (*estimator).alarm,
	tParameter:  (*estimator).parameter,
	tNATGateway: (*estimator).natGateway,
	tEIP:        (*estimator).publicIP,
	tEndpoint:   (*estimator).endpoint,
}

// idleFree are types with no idle charge: one zero line per type shows they were seen and
// where their cost goes.
type idle struct{ label, detail, price string }

var idleFree = map[string]idle{
	tBucket:      {"S3 buckets", "no idle charge; storage and requests are priced under usage", ""},
	tBucketV1:    {"S3 buckets", "no idle charge; storage and requests are priced under usage", ""},
	tRepository:  {"ECR repositories", "no idle charge; image storage is priced under usage", ""},
	tLogGroup:    {"CloudWatch log groups", "no idle charge; ingestion and storage are priced under usage", ""},
	tRuntime:     {"AgentCore runtimes", "no idle charge: billed per second of active sessions (usage)", ""},
	tDAProject:   {"Data Automation projects", "no idle charge; document pages are priced under usage", ""},
	tXRayGroup:   {"X-Ray groups", "no charge; recorded traces are priced under usage", ""},
	tXRayRule:    {"X-Ray sampling rules", "no charge; recorded traces are priced under usage", ""},
	tDockerImage: {"Docker images", "built and pushed at deploy time; stored bytes are priced under ECR", ""},
	tDockerBuild: {"Docker images", "built and pushed at deploy time; stored bytes are priced under ECR", ""},
	tUserPool:    {"Cognito user pools", "monthly active users within the free allowance; no MAU is assumed", pCognitoMAU},
	tTopic:       {"SNS topics", "email deliveries: $2.00 per 100,000 after 1,000 free a month; alarm mail is negligible", pSNSEmail},
	tBudget:      {"AWS Budgets budgets", "the first two budgets of an account are free", pBudget},
	tFlowLog:     {"VPC flow logs", "no idle charge; records are vended logs, ingested and stored under CloudWatch Logs usage", ""},
}

// freePrefixes are configuration resources AWS does not bill for.
var freePrefixes = []string{"aws:iam/", "aws:s3/", "aws:ecr/lifecyclePolicy", "aws:ecr/repositoryPolicy",
	"aws:cognito/", "aws:secretsmanager/secretVersion", "aws:secretsmanager/secretPolicy", "aws:sns/topicSubscription",
	"aws:sns/topicPolicy", "aws:kms/alias", "aws:kms/keyPolicy", "aws:xray/encryptionConfig", "aws:ec2/vpc:",
	"aws:ec2/subnet:", "aws:ec2/routeTable", "aws:ec2/route:", "aws:ec2/securityGroup", "aws:ec2/vpcSecurityGroup", "aws:vpc/securityGroup",
	"aws:ec2/internetGateway", "aws:ec2/networkAcl", "aws:ec2/defaultSecurityGroup", "aws:ec2/mainRouteTableAssociation",
	"aws:cloudwatch/logResourcePolicy", "aws:index/", "random:", "pulumi:", "command:"}

// fixed prices every resource once: per-resource charges, then one line per idle-free type,
// then whatever has no rule yet.
func (e *estimator) fixed() {
	type group struct {
		n             int
		detail, price string
	}
	groups := map[string]*group{}
	unpriced := map[string]int{}
	for _, r := range e.inv.Resources {
		f, free := idleFree[r.Type]
		if r.Type == tParameter && !advanced(r) {
			f, free = idle{"SSM parameters (Standard)", "standard-tier parameters and their API calls are free", pSSMStandard}, true
		}
		if rule, ok := perResource[r.Type]; ok && !free {
			rule(e, r)
			continue
		}
		if free {
			if groups[f.label] == nil {
				groups[f.label] = &group{detail: f.detail, price: f.price}
			}
			groups[f.label].n++
			continue
		}
		if !r.Custom || hasPrefix(r.Type, freePrefixes) {
			continue
		}
		unpriced[r.Type]++
	}
	for _, label := range sortedKeys(groups) {
		g := groups[label]
		note := ""
		if g.price != "" {
			_, note = e.price(g.price)
		}
		e.add(Fixed, "", fmt.Sprintf("%s ×%d", label, g.n), 0, g.detail+note)
	}
	if len(unpriced) > 0 {
		types := sortedKeys(unpriced)
		for i, t := range types {
			types[i] = fmt.Sprintf("%s ×%d", t, unpriced[t])
		}
		e.add(Fixed, "", "Not priced yet", 0, "no rule in internal/cost for: "+strings.Join(types, ", "))
	}
}

// monthly prices one resource at a flat monthly rate.
func monthly(key, label, unit string) func(e *estimator, r inventory.Resource) {
	return func(e *estimator, r inventory.Resource) {
		usd, note := e.price(key)
		e.add(Fixed, r.URN, label+" "+r.Name, usd, fmt.Sprintf("1 %s × %s/month%s", unit, money(usd), note))
	}
}

// alarm prices each metric an alarm reads; high resolution (period under 60 s) costs more.
func (e *estimator) alarm(r inventory.Resource) {
	metrics := 1
	if qs, ok := r.Inputs["metricQueries"].([]any); ok && len(qs) > 0 {
		metrics = 0
		for _, q := range qs {
			if m, ok := q.(map[string]any); ok && m["metric"] != nil {
				metrics++
			}
		}
	}
	key, kind := pAlarm, "standard"
	if p, ok := r.Inputs["period"].(float64); ok && p > 0 && p < 60 {
		key, kind = pAlarmHighRes, "high-resolution"
	}
	usd, note := e.price(key)
	e.add(Fixed, r.URN, "CloudWatch alarm "+r.Name, float64(metrics)*usd,
		fmt.Sprintf("%s × %s/month%s", plural(metrics, kind+" alarm metric", kind+" alarm metrics"), money(usd), note))
}

// parameter prices an advanced or intelligent-tiering parameter; standard ones are free.
func (e *estimator) parameter(r inventory.Resource) {
	tier, _ := r.Inputs["tier"].(string)
	usd, note := e.price(pSSMAdvanced)
	e.add(Fixed, r.URN, "SSM parameter "+r.Name, usd,
		fmt.Sprintf("1 %s-tier parameter × %s/month%s", strings.ToLower(tier), money(usd), note))
}

func advanced(r inventory.Resource) bool {
	tier, _ := r.Inputs["tier"].(string)
	return tier == "Advanced" || tier == "Intelligent-Tiering"
}

func hasPrefix(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}
