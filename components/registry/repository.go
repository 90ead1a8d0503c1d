// Package registry is the registry tier: one private ECR repository per agent, scanned on push,
// encrypted, with a lifecycle that keeps release images and a policy that lets only this account
// and the AgentCore service pull.
package registry

import (
	"fmt"

	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/ecr"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/bidopsai/bidopsai-infra/internal/tier"
)

// TypeToken is the component's type; renaming it needs pulumi.Aliases.
const TypeToken = "bidopsai:registry:Repository"

// component is the value of the tier's cost-allocation tag.
const component = "registry"

// Repository is one agent's image repository. Other tiers use only its outputs.
type Repository struct {
	pulumi.ResourceState

	// RepositoryName is the repository's generated name.
	RepositoryName pulumi.StringOutput `pulumi:"repositoryName"`
	// RepositoryArn is the repository's ARN (for IAM pull permissions).
	RepositoryArn pulumi.StringOutput `pulumi:"repositoryArn"`
	// RepositoryURL is <registry>/<name>, what images are tagged and pushed as.
	RepositoryURL pulumi.StringOutput `pulumi:"repositoryUrl"`
	// RegistryID is the account id of the registry (for ECR authorization tokens).
	RegistryID pulumi.StringOutput `pulumi:"registryId"`

	// ImageName is the pushed release tag (<url>:v<version>); empty without an image.
	ImageName pulumi.StringOutput `pulumi:"imageName"`
	// ImageDigest is the pushed image pinned by digest (<url>@sha256:...): what runtimes run.
	ImageDigest pulumi.StringOutput `pulumi:"imageDigest"`

	// repo is kept for children added later (the image build), which need its URL and ordering.
	repo *ecr.Repository
}

// NewRepository creates the repository, its lifecycle policy and its repository policy.
// Invalid args create nothing.
func NewRepository(ctx *pulumi.Context, name string, args *RepositoryArgs, opts ...pulumi.ResourceOption) (*Repository, error) {
	if err := args.Validate(name); err != nil {
		return nil, err
	}
	lifecycle, err := lifecycleJSON(args.KeepTaggedImages, args.KeepUntaggedImages, args.MaxImageAgeDays)
	if err != nil {
		return nil, fmt.Errorf("registry %q: %w", name, err)
	}
	policy, err := repositoryPolicy(args.AccountID)
	if err != nil {
		return nil, fmt.Errorf("registry %q: %w", name, err)
	}
	c := &Repository{}
	if err := ctx.RegisterComponentResource(TypeToken, name, c, opts...); err != nil {
		return nil, fmt.Errorf("registry %q: register component: %w", name, err)
	}
	if err := c.build(ctx, name, args, lifecycle, policy); err != nil {
		return nil, fmt.Errorf("registry %q: %w", name, err)
	}
	c.RepositoryName, c.RepositoryArn = c.repo.Name, c.repo.Arn
	c.RepositoryURL, c.RegistryID = c.repo.RepositoryUrl, c.repo.RegistryId
	c.ImageName, c.ImageDigest = pulumi.String("").ToStringOutput(), pulumi.String("").ToStringOutput()
	if args.Image != nil {
		if err := c.buildImage(ctx, name, args.Image); err != nil {
			return nil, fmt.Errorf("registry %q: %w", name, err)
		}
	}
	if err := tier.RegisterOutputs(ctx, c); err != nil {
		return nil, fmt.Errorf("registry %q: register outputs: %w", name, err)
	}
	return c, nil
}

// build creates the children; the repository keeps the component's name so its generated
// physical name reads as the agent's.
func (c *Repository) build(ctx *pulumi.Context, name string, args *RepositoryArgs, lifecycle, policy string) error {
	var err error
	c.repo, err = ecr.NewRepository(ctx, name, &ecr.RepositoryArgs{
		ImageTagMutability:         pulumi.String(args.TagMutability),
		ImageScanningConfiguration: &ecr.RepositoryImageScanningConfigurationArgs{ScanOnPush: pulumi.Bool(true)},
		EncryptionConfigurations:   ecr.RepositoryEncryptionConfigurationArray{encryption(args.KMSKeyArn)},
		ForceDelete:                pulumi.Bool(args.ForceDelete),
		Tags:                       tier.TagsFor(component, args.Tags),
	}, pulumi.Parent(c), tier.Stateful(args.Protect))
	if err != nil {
		return fmt.Errorf("repository: %w", err)
	}
	_, err = ecr.NewLifecyclePolicy(ctx, name+"-lifecycle", &ecr.LifecyclePolicyArgs{
		Repository: c.repo.Name,
		Policy:     pulumi.String(lifecycle),
	}, pulumi.Parent(c))
	if err != nil {
		return fmt.Errorf("lifecycle policy: %w", err)
	}
	_, err = ecr.NewRepositoryPolicy(ctx, name+"-policy", &ecr.RepositoryPolicyArgs{
		Repository: c.repo.Name,
		Policy:     pulumi.String(policy),
	}, pulumi.Parent(c))
	if err != nil {
		return fmt.Errorf("repository policy: %w", err)
	}
	return nil
}

// encryption is KMS with the given key, or AES256 when none is given.
func encryption(key pulumi.StringInput) ecr.RepositoryEncryptionConfigurationArgs {
	if key == nil {
		return ecr.RepositoryEncryptionConfigurationArgs{EncryptionType: pulumi.String("AES256")}
	}
	return ecr.RepositoryEncryptionConfigurationArgs{
		EncryptionType: pulumi.String("KMS"),
		KmsKey:         key.ToStringOutput().ToStringPtrOutput(),
	}
}
