package access

import (
	"fmt"

	"github.com/bidopsai/bidopsai-infra/internal/awsvalues"
)

// scope is the plain, validated part of the args that every ARN is built from.
type scope struct {
	partition, region, account string
}

func newScope(a *AgentRolesArgs) scope {
	return scope{partition: awsvalues.Partition(a.Region), region: a.Region, account: a.AccountID}
}

// arn builds arn:<partition>:<service>:<region>:<account>:<rest> (region or account may be "" or "*").
func (s scope) arn(service, region, account, rest string) string {
	return fmt.Sprintf("arn:%s:%s:%s:%s:%s", s.partition, service, region, account, rest)
}
