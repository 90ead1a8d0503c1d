package policy

import (
	"path"
	"slices"

	"github.com/bidopsai/bidopsai-infra/internal/inventory"
)

// Waiver exempts the resources whose logical names match from one rule, for a reason a reviewer
// accepted. This file is the only place waivers live; a bucket's settings resources are named
// <bucket>-<setting>, so a bucket waiver lists both names.
type Waiver struct {
	// Rule is the SR id waived.
	Rule string
	// Names are logical-name patterns (path.Match syntax, e.g. "*-access-logs").
	Names []string
	// Environments limits the waiver; empty means every environment.
	Environments []string
	// Reason says why the rule cannot or should not be met; it is printed with the waiver.
	Reason string
}

var waivers = []Waiver{
	{Rule: "SR-S3-7", Names: []string{"*-access-logs"},
		Reason: "the access-log bucket is where server access logs go; logging it to itself would loop (cdk-nag S1, CKV_AWS_18, AWS-0089; rules file §1.2 note)"},
	{Rule: "SR-S3-5", Names: []string{"*-access-logs", "*-access-logs-encryption"},
		Reason: "S3 server access log delivery is documented for SSE-S3 destinations; the log bucket stays SSE-S3 until a sandbox test proves SSE-KMS (rules file §1.2 note)"},
	{Rule: "SR-S3-6", Names: []string{"*-access-logs", "*-access-logs-versioning"},
		Reason: "the rules file requires versioning for the documents, processed and artifacts buckets; access logs are write-once and expire by lifecycle"},
	{Rule: "SR-S3-10", Names: []string{"*-access-logs", "*-artifacts", "*-processed"},
		Reason: "no pipeline step consumes these buckets' events; SR-S3-10 applies only where the pipeline needs it (documents -> Data Automation)"},
	{Rule: "SR-SSM-1", Names: []string{
		"*-supervisor-config", "*-analysis-config", "*-comms-config",
		"*-compliance-config", "*-content-config", "*-knowledge-config", "*-parser-config", "*-qa-config",
		"*-submission-config", "*-feature-flags-config", "*-memory-config", "*-observability-config",
	}, Reason: "non-sensitive agent settings (model ids, token limits, temperatures, flags, TTLs, log level); credentials live in Secrets Manager (CKV2_AWS_34 flags every String parameter, rules file §1.14.5)"},
	{Rule: "SR-SM-2", Names: []string{"*-slack-secret", "*-langfuse-secret", "*-aws-credentials-secret"},
		Reason: "credentials issued by third parties (Slack, Langfuse, an external AWS account) that this stack cannot rotate; they are rotated at the issuer (the rules file also asks for an age alarm, not built yet)"},
	{Rule: "SR-SM-2", Names: []string{"*-database-secret", "*-database-readonly-secret"},
		Reason: "the PostgreSQL server is created outside this stack, so a rotation Lambda here could not reach it; rotate by the README runbook (change the password in PostgreSQL, then put-secret-value)"},
	// Product decisions of issue 2 that differ from the rules file's bar, kept visible here.
	{Rule: "SR-ECR-2", Names: []string{"bidopsai-*"}, Environments: []string{Dev},
		Reason: "product decision (issue 2): every agent's dev repository is MUTABLE are MUTABLE so a version can be rebuilt while developing; runtimes run the pushed digest, so a moved tag never changes what runs (rules file §1.1 footnote)"},
	{Rule: "SR-SM-4", Names: []string{"*-secret"}, Environments: []string{Staging},
		Reason: "product decision (issue 2): staging secrets use a 7-day recovery window; staging holds no production credentials"},
	{Rule: "SR-CW-2", Names: []string{"bidopsai-*-logs"}, Environments: []string{Prod},
		Reason: "product decision (issue 2): prod keeps logs 180 days (the summary's six months); raise bidopsai:logRetentionDays to 365 to meet CloudWatch.16"},
}

// Waivers returns the waivers, for reports and documentation.
func Waivers() []Waiver { return slices.Clone(waivers) }

// waived returns the waiver that covers a rule on a resource in an environment.
func waived(rule string, r inventory.Resource, env string) (Waiver, bool) {
	for _, w := range waivers {
		if w.Rule != rule || (len(w.Environments) > 0 && !slices.Contains(w.Environments, env)) {
			continue
		}
		for _, p := range w.Names {
			if ok, err := path.Match(p, r.Name); err == nil && ok {
				return w, true
			}
		}
	}
	return Waiver{}, false
}
