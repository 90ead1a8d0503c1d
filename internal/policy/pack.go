package policy

import (
	"context"
	"fmt"
	"sync"

	"github.com/blang/semver"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/policyx"

	"github.com/bidopsai/bidopsai-infra/internal/inventory"
)

// Policy-pack identity; the name is what `pulumi preview` prints next to each violation.
const (
	PackName = "bidopsai"
	// EnvironmentKey is the stack config key that selects the levels.
	EnvironmentKey = "bidopsai:environment"
	// unknownPolicy reports, as advisory, checks whose inputs are not known yet.
	unknownPolicy = "unknown-inputs"
	// coveragePolicy says once which checks this pack cannot make.
	coveragePolicy = "pack-coverage"
)

// packVersion is the pack's version (semver, shown by the CLI).
var packVersion = semver.Version{Major: 0, Minor: 1, Patch: 0}

// notInPack are the checks the policy pack cannot make: policyx v3.252.0 runs no stack policies
// and forwards neither resource options nor dependencies, so each resource arrives alone.
const notInPack = "not checked by the policy pack (run `make plan STACK=<stack>` for them): " +
	"every bucket has its public access block, ownership controls, policy, encryption, versioning, " +
	"logging and lifecycle (SR-S3-1..11); every repository its lifecycle policy (SR-ECR-3); every " +
	"rotatable secret a rotation (SR-SM-2); tracing its sampling rule and encryption (SR-XR-1/2); " +
	"the runtime's execution role and its token grants (SR-AC-1, SR-AC-11); log-group keys (SR-KMS-5) and dashboard log groups " +
	"(SR-DASH-1) across resources; policies attached to the AI-assistant or workflow role under " +
	"another name (SR-IAM-8/9); a VPC's endpoints and flow logs (SR-NET-1/2); protect (SR-ECR-6, SR-S3-13, SR-KMS-4, SR-AC-8) and timeouts (SR-AC-7)"

// NewPack is the policyx factory: it reads bidopsai:environment from the stack config the
// engine sends (prod when absent) and builds the pack for that environment.
func NewPack(ctx *pulumi.Context) (policyx.PolicyPack, error) {
	env := ""
	if ctx != nil {
		env, _ = ctx.GetConfig(EnvironmentKey)
	}
	return Pack(env)
}

// Pack builds the policy pack for an environment: one policy per rule applied there, at its
// level, plus the advisory unknown-inputs and pack-coverage policies.
func Pack(environment string) (policyx.PolicyPack, error) {
	env := Environment(environment)
	var policies []policyx.Policy
	for _, rule := range Rules() {
		level := rule.Levels.For(env)
		if level == NotApplied {
			continue
		}
		policies = append(policies, policyx.NewResourceValidationPolicy(rule.ID, policyx.ResourceValidationPolicyArgs{
			Description:      rule.Description,
			EnforcementLevel: enforcement(level),
			ValidateResource: validator(rule, env),
		}))
	}
	policies = append(policies,
		policyx.NewResourceValidationPolicy(unknownPolicy, policyx.ResourceValidationPolicyArgs{
			Description:      "a rule could not be checked because an input is unknown until apply (it is checked during `pulumi up`)",
			EnforcementLevel: policyx.EnforcementLevelAdvisory,
			ValidateResource: unknownValidator(env),
		}),
		policyx.NewResourceValidationPolicy(coveragePolicy, policyx.ResourceValidationPolicyArgs{
			Description:      "what this policy pack cannot check",
			EnforcementLevel: policyx.EnforcementLevelAdvisory,
			ValidateResource: coverageValidator(),
		}))
	pack, err := policyx.NewPolicyPack(PackName, packVersion, policyx.EnforcementLevelAdvisory, policies)
	if err != nil {
		return nil, fmt.Errorf("policy pack %s (%s): %w", PackName, env, err)
	}
	return pack, nil
}

func enforcement(e Enforcement) policyx.EnforcementLevel {
	if e == Mandatory {
		return policyx.EnforcementLevelMandatory
	}
	return policyx.EnforcementLevelAdvisory
}

// FromAnalyzer turns a resource the engine sends into the plan's shape: the same inputs, with
// secrets as "[secret]" and unknowns as "[unknown]".
func FromAnalyzer(r policyx.AnalyzerResource) inventory.Resource {
	return inventory.Resource{
		URN: r.URN, Type: r.Type, Name: r.Name, Custom: true, Parent: r.Parent,
		Dependencies: r.Dependencies,
		Inputs:       inventory.Props(resource.ToResourcePropertyMap(r.Properties)),
	}
}

// packView is what a check sees in the pack: one resource, no options.
func packView(env string) *View { return &View{Env: env} }

// validator reports a rule's failures on the resource being analysed.
func validator(rule Rule, env string) func(context.Context, policyx.ResourceValidationArgs) error {
	return func(_ context.Context, args policyx.ResourceValidationArgs) error {
		if !rule.appliesTo(args.Resource.Type) {
			return nil
		}
		r := FromAnalyzer(args.Resource)
		f := rule.Check(packView(env), r)
		if f.Status != Fail {
			return nil
		}
		if _, ok := waived(rule.ID, r, env); ok && !f.Unwaivable {
			return nil
		}
		args.Manager.ReportViolation(f.Message, "")
		return nil
	}
}

// unknownValidator reports every applied rule that cannot decide yet, naming the rule and level.
func unknownValidator(env string) func(context.Context, policyx.ResourceValidationArgs) error {
	return func(_ context.Context, args policyx.ResourceValidationArgs) error {
		r := FromAnalyzer(args.Resource)
		for _, rule := range Rules() {
			level := rule.Levels.For(env)
			if level == NotApplied || !rule.appliesTo(r.Type) {
				continue
			}
			if f := rule.Check(packView(env), r); f.Status == Unknown {
				if _, ok := waived(rule.ID, r, env); !ok {
					args.Manager.ReportViolation(fmt.Sprintf("%s (%s): %s", rule.ID, level, f.Message), "")
				}
			}
		}
		return nil
	}
}

// coverageValidator reports notInPack once per pack process, on the first resource analysed.
func coverageValidator() func(context.Context, policyx.ResourceValidationArgs) error {
	var once sync.Once
	return func(_ context.Context, args policyx.ResourceValidationArgs) error {
		once.Do(func() { args.Manager.ReportViolation(notInPack, "") })
		return nil
	}
}
