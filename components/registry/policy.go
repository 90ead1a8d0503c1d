package registry

import "github.com/bidopsai/bidopsai-infra/internal/policydoc"

// Statement ids, stable so tests and reviewers can find them.
const (
	sidAccountPull   = "AllowAccountPull"
	sidAgentCorePull = "AllowAgentCorePull"
)

// agentCoreService is the principal AgentCore runtimes pull images as.
const agentCoreService = "bedrock-agentcore.amazonaws.com"

// pullActions are the read-only actions needed to pull an image; pushes go through IAM identity
// policies of the deployer, not through this repository policy.
var pullActions = []string{
	"ecr:BatchCheckLayerAvailability",
	"ecr:BatchGetImage",
	"ecr:GetDownloadUrlForLayer",
}

// repositoryPolicy lets this account and the AgentCore service, acting for this account only,
// pull. Repository policies name no Resource (the repository is implied).
func repositoryPolicy(account string) (string, error) {
	return policydoc.New(
		policydoc.Allow(sidAccountPull, pullActions, nil).
			For(policydoc.AWS("arn:aws:iam::"+account+":root")),
		policydoc.Allow(sidAgentCorePull, pullActions, nil).
			For(policydoc.Service(agentCoreService)).
			With("StringEquals", "aws:SourceAccount", account),
	).JSON()
}
