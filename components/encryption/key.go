// Package encryption is the stack-key tier: one customer-managed KMS key (rotated, policy-scoped
// to this account's services, CloudWatch Logs and the alarm topic) and its alias. Stacks with
// bidopsai:kms.customerManagedKey false (dev) do not create it and use AWS-managed keys.
package encryption

import (
	"fmt"

	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/kms"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/bidopsai/bidopsai-infra/internal/tier"
)

// TypeToken is the component's type; renaming it needs pulumi.Aliases.
const TypeToken = "bidopsai:encryption:StackKey"

// component is the value of the tier's cost-allocation tag.
const component = "encryption"

// StackKey is the stack's customer-managed key. Other tiers use only its outputs.
type StackKey struct {
	pulumi.ResourceState

	// KeyArn is the key's ARN, for encryption settings and IAM grants.
	KeyArn pulumi.StringOutput `pulumi:"keyArn"`
	// KeyID is the key's id (a UUID).
	KeyID pulumi.StringOutput `pulumi:"keyId"`
	// AliasName is alias/<component name>.
	AliasName pulumi.StringOutput `pulumi:"aliasName"`
}

// description says what the key encrypts, for whoever finds it in the console.
const description = "bidopsai stack key: documents/artifacts/processed buckets, secrets, parameters, log groups, alarm topic"

// NewStackKey creates the key and its alias. Invalid args create nothing.
func NewStackKey(ctx *pulumi.Context, name string, args *StackKeyArgs, opts ...pulumi.ResourceOption) (*StackKey, error) {
	if err := args.Validate(name); err != nil {
		return nil, err
	}
	policy, err := keyPolicy(args.AccountID, args.Region)
	if err != nil {
		return nil, fmt.Errorf("encryption %q: %w", name, err)
	}
	c := &StackKey{}
	if err := ctx.RegisterComponentResource(TypeToken, name, c, opts...); err != nil {
		return nil, fmt.Errorf("encryption %q: register component: %w", name, err)
	}
	key, err := kms.NewKey(ctx, name, &kms.KeyArgs{
		Description:                    pulumi.String(description),
		KeyUsage:                       pulumi.String("ENCRYPT_DECRYPT"),
		CustomerMasterKeySpec:          pulumi.String("SYMMETRIC_DEFAULT"),
		EnableKeyRotation:              pulumi.Bool(true),
		DeletionWindowInDays:           pulumi.Int(args.DeletionWindowDays),
		BypassPolicyLockoutSafetyCheck: pulumi.Bool(false),
		Policy:                         pulumi.String(policy),
		Tags:                           tier.TagsFor(component, args.Tags),
	}, pulumi.Parent(c), tier.Stateful(args.Protect))
	if err != nil {
		return nil, fmt.Errorf("encryption %q: key: %w", name, err)
	}
	alias, err := kms.NewAlias(ctx, name+"-alias", &kms.AliasArgs{
		Name:        pulumi.String("alias/" + name),
		TargetKeyId: key.KeyId,
	}, pulumi.Parent(c))
	if err != nil {
		return nil, fmt.Errorf("encryption %q: alias: %w", name, err)
	}
	c.KeyArn, c.KeyID, c.AliasName = key.Arn, key.KeyId, alias.Name
	if err := tier.RegisterOutputs(ctx, c); err != nil {
		return nil, fmt.Errorf("encryption %q: register outputs: %w", name, err)
	}
	return c, nil
}
