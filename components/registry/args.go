package registry

import (
	"fmt"
	"regexp"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/bidopsai/bidopsai-infra/internal/tier"
)

// Tag mutability values ECR accepts; IMMUTABLE_WITH_EXCLUSION is left out on purpose (it fails
// CKV_AWS_51, see security-rules.md §1.14).
const (
	Mutable   = "MUTABLE"
	Immutable = "IMMUTABLE"
)

// RepositoryArgs configures one agent's image repository. Every field is a plain value except
// KMSKeyArn, and all of them are validated before anything is registered.
type RepositoryArgs struct {
	// AccountID is the AWS account allowed to pull, and the aws:SourceAccount the AgentCore
	// service must pull for. No default; exactly 12 digits.
	AccountID string
	// TagMutability is MUTABLE or IMMUTABLE (pick per environment; prod IMMUTABLE).
	TagMutability string `config:"ecr.tagMutability" default:"MUTABLE"`
	// KeepTaggedImages is how many release images (tags starting with "v") are kept: 1-1000.
	KeepTaggedImages int `config:"ecr.keepTaggedImages" default:"10"`
	// KeepUntaggedImages is how many untagged images are kept: 1-1000.
	KeepUntaggedImages int `config:"ecr.keepUntaggedImages" default:"5"`
	// MaxImageAgeDays expires any other image older than this many days: 1-3650.
	MaxImageAgeDays int `config:"ecr.maxImageAgeDays" default:"90"`
	// ForceDelete lets a destroy delete the repository while it still holds images. Default
	// false; meant for throwaway (dev) stacks only.
	ForceDelete bool
	// Protect sets protect + retain-on-delete on the repository. Default false.
	Protect bool
	// Image, when set, builds and pushes the agent's image into this repository. Default: none.
	Image *ImageArgs
	// KMSKeyArn, when set, encrypts images with that KMS key; default nil: AES256. ECR cannot
	// change this after creation (it replaces the repository). A plain pulumi.String must be a KMS key ARN.
	KMSKeyArn pulumi.StringInput
	// Tags are extra tags for the repository; the tier's component tag always wins. Default none;
	// keys 1-128 characters, not starting with "aws:"; values up to 256 characters.
	Tags map[string]string
}

// maxNameLength leaves room for the "-" and 7 random characters of Pulumi's auto-name within
// ECR's 256-character limit.
const maxNameLength = 256 - 8

var (
	namePattern = regexp.MustCompile(`^[a-z0-9]+(?:[._-][a-z0-9]+)*$`)
)

// Validate returns every problem with name and args at once, each naming the field.
func (a *RepositoryArgs) Validate(name string) error {
	if a == nil {
		return tier.NilArgs(component, name)
	}
	c := tier.NewChecker(component, name, "RepositoryArgs")
	c.Name(namePattern.MatchString(name) && len(name) <= maxNameLength,
		fmt.Sprintf("must be 1-%d characters of a-z and 0-9, separated by single '.', '_' or '-' "+
			"(it prefixes the repository name)", maxNameLength))
	c.AccountID("AccountID", a.AccountID)
	c.OneOf("TagMutability", a.TagMutability, []string{Mutable, Immutable})
	// Sanity bounds: AWS takes any countNumber >= 1; these catch a unit or digit slip.
	c.Between("KeepTaggedImages", a.KeepTaggedImages, 1, 1000)
	c.Between("KeepUntaggedImages", a.KeepUntaggedImages, 1, 1000)
	c.Between("MaxImageAgeDays", a.MaxImageAgeDays, 1, 3650)
	c.KMSKeyArn("KMSKeyArn", a.KMSKeyArn)
	c.Tags("Tags", a.Tags)
	if a.Image != nil {
		a.Image.check(c, "Image.")
	}
	return c.Err()
}
