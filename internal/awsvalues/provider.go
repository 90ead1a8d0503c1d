package awsvalues

// ProviderConfigKeys are the aws: config keys the pulumi-aws provider reads, without the
// namespace: the getters of sdk/v6 go/aws/config/config.go (v6.83.4). Any other aws: key is a
// typo the provider would silently ignore.
var ProviderConfigKeys = []string{
	"accessKey", "allowedAccountIds", "assumeRole", "assumeRoleWithWebIdentity", "customCaBundle",
	"defaultTags", "endpoints", "forbiddenAccountIds", "httpProxy", "httpsProxy", "ignoreTags",
	"insecure", "maxRetries", "noProxy", "profile", "region", "retryMode", "secretKey",
	"sharedConfigFiles", "sharedCredentialsFiles", "skipCredentialsValidation",
	"skipMetadataApiCheck", "skipRegionValidation", "skipRequestingAccountId", "stsRegion",
	"token", "tokenBucketRateLimiterCapacity", "useDualstackEndpoint", "useFipsEndpoint",
}

// CredentialConfigKeys are the provider keys that hold credentials: only ever set as secrets.
var CredentialConfigKeys = []string{"accessKey", "secretKey", "token"}
