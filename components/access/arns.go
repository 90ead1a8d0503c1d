package access

import (
	"fmt"
	"strings"
)

// scope is the plain, validated part of the args that every ARN is built from.
type scope struct {
	partition, region, account, environment string
}

func newScope(a *AgentRolesArgs) scope {
	return scope{partition: partition(a.Region), region: a.Region, account: a.AccountID, environment: a.Stack}
}

// arn builds arn:<partition>:<service>:<region>:<account>:<rest> (region or account may be "" or "*").
func (s scope) arn(service, region, account, rest string) string {
	return fmt.Sprintf("arn:%s:%s:%s:%s:%s", s.partition, service, region, account, rest)
}

// partition is the ARN partition of a region.
func partition(region string) string {
	switch {
	case strings.HasPrefix(region, "cn-"):
		return "aws-cn"
	case strings.HasPrefix(region, "us-gov-"):
		return "aws-us-gov"
	default:
		return "aws"
	}
}
