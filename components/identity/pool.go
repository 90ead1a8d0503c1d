package identity

import (
	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/cognito"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/bidopsai/bidopsai-infra/internal/tier"
)

const (
	inviteSubject = "Welcome to BidOps.AI"
	inviteMessage = "<p>Hello {username},</p><p>Welcome to BidOps.AI. Your temporary password is " +
		"<strong>{####}</strong>. Sign in within 3 days and choose a new password.</p>"
	verifySubject = "Verify your email for BidOps.AI"
	verifyMessage = "Your BidOps.AI verification code is {####}."
)

// standardAttributes are the Cognito standard attributes the pool declares (name, required).
var standardAttributes = []struct {
	name     string
	required bool
}{
	{"email", true}, {"given_name", true}, {"family_name", true}, {"picture", false}, {"preferred_username", false},
}

// customAttributes are the pool's custom string attributes (name, min and max length).
var customAttributes = []struct{ name, min, max string }{
	{"preferred_language", "2", "10"},
	{"theme_preference", "2", "20"},
}

// poolArgs builds the user pool: username or email sign-in, self sign-up, email-only recovery,
// TOTP-only MFA.
func poolArgs(a UserPoolArgs) *cognito.UserPoolArgs {
	var schemas cognito.UserPoolSchemaArray
	for _, s := range standardAttributes {
		// Standard attributes need their default 0-2048 constraints spelled out, or every preview diffs.
		schemas = append(schemas, cognito.UserPoolSchemaArgs{
			Name: pulumi.String(s.name), AttributeDataType: pulumi.String("String"),
			Required: pulumi.Bool(s.required), Mutable: pulumi.Bool(true),
			StringAttributeConstraints: cognito.UserPoolSchemaStringAttributeConstraintsArgs{
				MinLength: pulumi.String("0"), MaxLength: pulumi.String("2048")},
		})
	}
	for _, s := range customAttributes {
		schemas = append(schemas, cognito.UserPoolSchemaArgs{
			Name: pulumi.String(s.name), AttributeDataType: pulumi.String("String"),
			Required: pulumi.Bool(false), Mutable: pulumi.Bool(true), DeveloperOnlyAttribute: pulumi.Bool(false),
			StringAttributeConstraints: cognito.UserPoolSchemaStringAttributeConstraintsArgs{
				MinLength: pulumi.String(s.min), MaxLength: pulumi.String(s.max)},
		})
	}
	deletion := "INACTIVE"
	if a.DeletionProtection {
		deletion = "ACTIVE"
	}
	args := &cognito.UserPoolArgs{
		AliasAttributes:        pulumi.StringArray{pulumi.String("email")},
		UsernameConfiguration:  cognito.UserPoolUsernameConfigurationArgs{CaseSensitive: pulumi.Bool(false)},
		AutoVerifiedAttributes: pulumi.StringArray{pulumi.String("email")},
		Schemas:                schemas,
		PasswordPolicy: cognito.UserPoolPasswordPolicyArgs{
			MinimumLength: pulumi.Int(12), RequireLowercase: pulumi.Bool(true), RequireUppercase: pulumi.Bool(true),
			RequireNumbers: pulumi.Bool(true), RequireSymbols: pulumi.Bool(true),
			TemporaryPasswordValidityDays: pulumi.Int(3),
		},
		MfaConfiguration: pulumi.String(a.MFA),
		AccountRecoverySetting: cognito.UserPoolAccountRecoverySettingArgs{
			RecoveryMechanisms: cognito.UserPoolAccountRecoverySettingRecoveryMechanismArray{
				cognito.UserPoolAccountRecoverySettingRecoveryMechanismArgs{
					Name: pulumi.String("verified_email"), Priority: pulumi.Int(1)},
			},
		},
		AdminCreateUserConfig: cognito.UserPoolAdminCreateUserConfigArgs{
			AllowAdminCreateUserOnly: pulumi.Bool(false),
			InviteMessageTemplate: cognito.UserPoolAdminCreateUserConfigInviteMessageTemplateArgs{
				EmailSubject: pulumi.String(inviteSubject), EmailMessage: pulumi.String(inviteMessage)},
		},
		VerificationMessageTemplate: cognito.UserPoolVerificationMessageTemplateArgs{
			DefaultEmailOption: pulumi.String("CONFIRM_WITH_CODE"),
			EmailSubject:       pulumi.String(verifySubject), EmailMessage: pulumi.String(verifyMessage),
		},
		EmailConfiguration: cognito.UserPoolEmailConfigurationArgs{EmailSendingAccount: pulumi.String("COGNITO_DEFAULT")},
		DeletionProtection: pulumi.String(deletion),
		Tags:               tier.TagsFor(component, a.Tags),
	}
	if a.MFA != "OFF" {
		// TOTP only: an SMS factor would need an SNS role and origination setup.
		args.SoftwareTokenMfaConfiguration = cognito.UserPoolSoftwareTokenMfaConfigurationArgs{Enabled: pulumi.Bool(true)}
	}
	return args
}
