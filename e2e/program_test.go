//go:build e2e

package e2e

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/bidopsai/bidopsai-infra/components/agentcore"
	"github.com/bidopsai/bidopsai-infra/components/dataautomation"
	"github.com/bidopsai/bidopsai-infra/sdk/bidopsai"
)

const (
	region        = "us-east-1"
	account       = "123456789012"
	parserProject = "bidopsai-document-parser-e2e" // the Data Automation project's name
	projectArnKey = "projectArn"                   // the stack output holding its ARN
)

// agent is one deployed agent: its component name, runtime name, and the prefix of its
// config key (<key>Digest) and stack outputs (<key>RuntimeId, ...).
type agent struct {
	name, runtime, key string
}

var (
	workflow  = agent{name: "workflow", runtime: "bidopsai_e2e_workflow", key: "workflow"}
	assistant = agent{name: "ai-assistant", runtime: "bidopsai_e2e_ai_assistant", key: "assistant"}
	agents    = []agent{workflow, assistant}
)

func (a agent) digestKey() string  { return a.key + "Digest" }
func (a agent) idKey() string      { return a.key + "RuntimeId" }
func (a agent) arnKey() string     { return a.key + "RuntimeArn" }
func (a agent) versionKey() string { return a.key + "RuntimeVersion" }

// digest returns a valid image digest made of one repeated hex character.
func digest(c string) string { return strings.Repeat(c, 64) }

var digestRE = regexp.MustCompile(`^[a-f0-9]{64}$`)

// program is the inline Pulumi program: both agents' runtimes and the document parser, through
// the project's own components and an explicit regional bidopsai provider.
func program(ctx *pulumi.Context) error {
	prov, err := bidopsai.NewProvider(ctx, "bidopsai-"+region, &bidopsai.ProviderArgs{Region: pulumi.String(region)})
	if err != nil {
		return fmt.Errorf("e2e program: %w", err)
	}
	for _, a := range agents {
		// ctx.GetConfig, not the config package: that one would add a module to go.mod.
		d, ok := ctx.GetConfig(projectName + ":" + a.digestKey())
		if !ok {
			d = digest("1")
		}
		if !digestRE.MatchString(d) {
			return fmt.Errorf("%s:%s: %q is not a sha256 digest (64 lower-case hex digits)", projectName, a.digestKey(), d)
		}
		rt, err := agentcore.NewRuntime(ctx, a.name, runtimeArgs(a, d), pulumi.Provider(prov))
		if err != nil {
			return fmt.Errorf("e2e program: runtime %s: %w", a.name, err)
		}
		ctx.Export(a.idKey(), rt.RuntimeID)
		ctx.Export(a.arnKey(), rt.RuntimeArn)
		ctx.Export(a.versionKey(), rt.RuntimeVersion)
	}
	parser, err := dataautomation.NewDocumentParser(ctx, "parser", &dataautomation.DocumentParserArgs{
		ProjectName: parserProject, Stage: "DEVELOPMENT",
		DocumentsBucket: pulumi.String("bidopsai-e2e-documents"), ProcessedBucket: pulumi.String("bidopsai-e2e-processed"),
	}, pulumi.Provider(prov))
	if err != nil {
		return fmt.Errorf("e2e program: document parser: %w", err)
	}
	ctx.Export(projectArnKey, parser.ProjectArn)
	return nil
}

// runtimeArgs are plain values, as a stack would pass once the image and role exist.
func runtimeArgs(a agent, d string) *agentcore.RuntimeArgs {
	return &agentcore.RuntimeArgs{
		RuntimeName:  a.runtime,
		Agent:        a.name,
		ContainerURI: pulumi.String(imageURI(a, d)),
		RoleArn:      pulumi.String(fmt.Sprintf("arn:aws:iam::%s:role/bidopsai-e2e-%s", account, a.name)),
		Environment: map[string]pulumi.StringInput{
			"ENVIRONMENT": pulumi.String("e2e"), "LOG_LEVEL": pulumi.String("INFO"),
			"AGENT_TYPE": pulumi.String(a.name), "AGENT_VERSION": pulumi.String("1.0.0"),
			"AWS_REGION": pulumi.String(region), "SSM_PARAMETER_PREFIX": pulumi.String("/bidopsai/e2e"),
			"METRICS_NAMESPACE": pulumi.String("BidOpsAI/e2e"),
		},
		NetworkMode:        agentcore.NetworkPublic,
		Protocol:           "HTTP",
		IdleTimeoutSeconds: 900,
		MaxLifetimeSeconds: 28800,
	}
}

func imageURI(a agent, d string) string {
	return fmt.Sprintf("%s.dkr.ecr.%s.amazonaws.com/bidopsai/%s@sha256:%s", account, region, a.name, d)
}
