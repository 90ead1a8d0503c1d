// Package identity is the user-identity tier: the Cognito user pool, its hosted-UI domain, the
// public web client and the application's groups.
package identity

import (
	"fmt"

	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/cognito"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/bidopsai/bidopsai-infra/internal/tier"
)

// TypeToken is the component's type token; renaming it needs pulumi.Aliases.
const TypeToken = "bidopsai:identity:UserPool"

// component is the value of the tier's `component` tag.
const component = "identity"

// UserPool is the Cognito user pool with its domain, web client and groups.
type UserPool struct {
	pulumi.ResourceState

	// UserPoolID is the pool id, e.g. us-east-1_AbCdEfGhI.
	UserPoolID pulumi.StringOutput `pulumi:"userPoolId"`
	// UserPoolArn is the pool ARN.
	UserPoolArn pulumi.StringOutput `pulumi:"userPoolArn"`
	// UserPoolClientID is the web client id (a public client; it has no secret).
	UserPoolClientID pulumi.StringOutput `pulumi:"userPoolClientId"`
	// UserPoolDomain is the hosted-UI host name, <prefix>.auth.<region>.amazoncognito.com.
	UserPoolDomain pulumi.StringOutput `pulumi:"userPoolDomain"`
	// IssuerURL is the tokens' issuer, https://cognito-idp.<region>.amazonaws.com/<poolId>.
	IssuerURL pulumi.StringOutput `pulumi:"issuerUrl"`
	// DiscoveryURL is the OpenID discovery document, for a JWT authorizer.
	DiscoveryURL pulumi.StringOutput `pulumi:"discoveryUrl"`
}

// NewUserPool validates args, then creates the pool, domain, web client and groups.
func NewUserPool(ctx *pulumi.Context, name string, args *UserPoolArgs,
	opts ...pulumi.ResourceOption) (*UserPool, error) {
	if err := args.Validate(name); err != nil {
		return nil, err
	}
	a := *args
	c := &UserPool{}
	if err := ctx.RegisterComponentResource(TypeToken, name, c, opts...); err != nil {
		return nil, fmt.Errorf("identity %q: register component: %w", name, err)
	}

	pool, err := cognito.NewUserPool(ctx, name+"-pool", poolArgs(a), pulumi.Parent(c), tier.Stateful(a.Protect))
	if err != nil {
		return nil, fmt.Errorf("create user pool: %w", err)
	}
	poolID := pool.ID().ToStringOutput()
	domain, err := cognito.NewUserPoolDomain(ctx, name+"-domain", &cognito.UserPoolDomainArgs{
		Domain: pulumi.String(a.DomainPrefix), UserPoolId: poolID,
	}, pulumi.Parent(c))
	if err != nil {
		return nil, fmt.Errorf("create user pool domain: %w", err)
	}
	client, err := cognito.NewUserPoolClient(ctx, name+"-web-client", clientArgs(a, poolID), pulumi.Parent(c))
	if err != nil {
		return nil, fmt.Errorf("create web client: %w", err)
	}
	for _, g := range Groups {
		_, err := cognito.NewUserGroup(ctx, name+"-group-"+groupKey(g), &cognito.UserGroupArgs{
			UserPoolId: poolID, Name: pulumi.String(g.Name),
			Precedence: pulumi.Int(g.Precedence), Description: pulumi.String(g.Description),
		}, pulumi.Parent(c))
		if err != nil {
			return nil, fmt.Errorf("create group %s: %w", g.Name, err)
		}
	}

	c.UserPoolID = poolID
	c.UserPoolArn = pool.Arn
	c.UserPoolClientID = client.ID().ToStringOutput()
	c.UserPoolDomain = pulumi.Sprintf("%s.auth.%s.amazoncognito.com", domain.Domain, a.Region)
	c.IssuerURL = pulumi.Sprintf("https://cognito-idp.%s.amazonaws.com/%s", a.Region, poolID)
	c.DiscoveryURL = pulumi.Sprintf("%s/.well-known/openid-configuration", c.IssuerURL)
	if err := tier.RegisterOutputs(ctx, c); err != nil {
		return nil, fmt.Errorf("register identity %q outputs: %w", name, err)
	}
	return c, nil
}
