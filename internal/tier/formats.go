package tier

import (
	"fmt"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/bidopsai/bidopsai-infra/internal/awsvalues"
)

// The checks of AWS value formats that several tiers take; the formats live in awsvalues.

// AccountID checks a 12-digit AWS account id.
func (c *Checker) AccountID(field, v string) {
	c.Check(awsvalues.AccountID.MatchString(v), field, v, "must be exactly 12 digits")
}

// Region checks an AWS region code against the known regions.
func (c *Checker) Region(field, v string) {
	c.Check(awsvalues.ValidRegion(v), field, v, awsvalues.RegionRule)
}

// KMSKeyArn checks a key given as a plain value: a key ARN, not an alias (AWS refuses aliases in
// key policies and grants). Nil (the AWS-managed key) and outputs of other tiers pass.
func (c *Checker) KMSKeyArn(field string, v pulumi.StringInput) {
	if s, ok := v.(pulumi.String); ok && !awsvalues.KMSKeyARN.MatchString(string(s)) {
		c.Bad(field, string(s), "must be a KMS key ARN (arn:aws:kms:<region>:<account>:key/<id>)")
	}
}

// LogRetention checks a CloudWatch Logs retention in days.
func (c *Checker) LogRetention(field string, days int) {
	if !awsvalues.ValidRetention(days) {
		s := make([]string, len(awsvalues.LogRetentionDays))
		for i, n := range awsvalues.LogRetentionDays {
			s[i] = fmt.Sprint(n)
		}
		c.Bad(field, days, "must be one of "+strings.Join(s, ", ")+
			" (CloudWatch Logs retention values; 0 = never expire is refused)")
	}
}

// Emails checks a list of email addresses: each valid, none listed twice (in any case).
func (c *Checker) Emails(field string, list []string) {
	seen := map[string]bool{}
	for i, e := range list {
		f := fmt.Sprintf("%s[%d]", field, i)
		if !awsvalues.ValidEmail(e) {
			c.Bad(f, e, awsvalues.EmailRule)
		} else if seen[strings.ToLower(e)] {
			c.Bad(f, e, "is listed twice (addresses must be distinct)")
		}
		seen[strings.ToLower(e)] = true
	}
}

// Tags checks extra tags against AWS's tag rules.
func (c *Checker) Tags(field string, t map[string]string) { CheckTags(field, t, c.Bad) }
