package identity

import (
	"strings"

	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/cognito"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// Group is one Cognito group the application authorizes on (the cognito:groups claim).
type Group struct {
	// Name is the fixed group name the application checks.
	Name string
	// Precedence orders groups when a user is in several (lower wins).
	Precedence int
	// Description says what the group may do.
	Description string
}

// Groups are the application's roles, in precedence order.
var Groups = []Group{
	{"ADMIN", 1, "Full access to all features and settings"},
	{"DRAFTER", 2, "Can work on drafts up to QA process"},
	{"BIDDER", 3, "Full workflow access and local knowledge base management"},
	{"KB_ADMIN", 4, "Full CRUD access to all knowledge bases"},
	{"KB_VIEW", 5, "Read-only access to knowledge bases"},
}

// groupKey is a group's logical-name suffix (KB_ADMIN -> kb-admin).
func groupKey(g Group) string { return strings.ReplaceAll(strings.ToLower(g.Name), "_", "-") }

// writeAttributes are what the web app may set on a user; it may also read email_verified.
var writeAttributes = []string{"email", "given_name", "family_name", "picture", "preferred_username",
	"custom:preferred_language", "custom:theme_preference"}

// WebClientAuthFlows are the only sign-in flows of the web client: SRP (the password never
// leaves the browser) and refresh. ALLOW_USER_PASSWORD_AUTH, which sends the password itself,
// is never enabled (SR-COG-7).
var WebClientAuthFlows = []string{"ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"}

// clientArgs builds the public web client: authorization-code flow, no secret, 1 h access and
// id tokens, 30 d refresh tokens, no user-existence leaks.
func clientArgs(a UserPoolArgs, poolID pulumi.StringInput) *cognito.UserPoolClientArgs {
	return &cognito.UserPoolClientArgs{
		UserPoolId:                      poolID,
		AllowedOauthFlowsUserPoolClient: pulumi.Bool(true),
		AllowedOauthFlows:               pulumi.StringArray{pulumi.String("code")},
		AllowedOauthScopes:              pulumi.ToStringArray([]string{"email", "openid", "profile", "phone"}),
		CallbackUrls:                    pulumi.ToStringArray(a.CallbackURLs),
		LogoutUrls:                      pulumi.ToStringArray(a.LogoutURLs),
		SupportedIdentityProviders:      pulumi.StringArray{pulumi.String("COGNITO")},
		ExplicitAuthFlows:               pulumi.ToStringArray(WebClientAuthFlows),
		GenerateSecret:                  pulumi.Bool(false),
		PreventUserExistenceErrors:      pulumi.String("ENABLED"),
		EnableTokenRevocation:           pulumi.Bool(true),
		AccessTokenValidity:             pulumi.Int(1),
		IdTokenValidity:                 pulumi.Int(1),
		RefreshTokenValidity:            pulumi.Int(30),
		TokenValidityUnits: cognito.UserPoolClientTokenValidityUnitsArgs{
			AccessToken: pulumi.String("hours"), IdToken: pulumi.String("hours"), RefreshToken: pulumi.String("days")},
		ReadAttributes:  pulumi.ToStringArray(append([]string{"email_verified"}, writeAttributes...)),
		WriteAttributes: pulumi.ToStringArray(writeAttributes),
	}
}
