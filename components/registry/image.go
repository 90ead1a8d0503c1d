package registry

import (
	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/ecr"
	"github.com/pulumi/pulumi-docker/sdk/v4/go/docker"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/bidopsai/bidopsai-infra/internal/awsvalues"
	"github.com/bidopsai/bidopsai-infra/internal/stackfile"
	"github.com/bidopsai/bidopsai-infra/internal/tier"
)

// Platform is the only architecture AgentCore runs.
const Platform = "linux/arm64"

// ImageArgs describe how an agent's image is built. Paths are relative to the project directory
// and must stay stable, or every run shows a diff.
type ImageArgs struct {
	// Version is the release (SemVer, no v prefix); the image is tagged v<Version>. Required.
	Version string `config:"version" default:"1.0.0"`
	// Context is the build context directory. Required.
	Context string `config:"context" default:"agents/sample"`
	// Dockerfile is the Dockerfile path. Required.
	Dockerfile string `config:"dockerfile" default:"agents/sample/Dockerfile"`
	// Platform must be linux/arm64 (AgentCore's only architecture). Default: linux/arm64.
	Platform string `config:"platform" default:"linux/arm64"`
	// Digest (sha256:...), when set, names an image already pushed to this repository: nothing
	// is built and ImageDigest is <url>@<Digest>. Default: none (build and push).
	Digest string `config:"digest"`
}

// Validate returns every problem with the image settings of the agent named name.
func (a *ImageArgs) Validate(name string) error {
	c := tier.NewChecker(component, name, "ImageArgs")
	a.check(c, "")
	return c.Err()
}

// check records the image's problems under prefix ("Image." inside RepositoryArgs).
func (a *ImageArgs) check(c *tier.Checker, prefix string) {
	if !awsvalues.SemVer.MatchString(a.Version) {
		c.Bad(prefix+"Version", a.Version, "must be a SemVer 2.0.0 version such as 1.2.3 (no v prefix)")
	} else if !awsvalues.ValidImageTag(awsvalues.ImageTag(a.Version)) {
		c.Bad(prefix+"Version", a.Version, "must make a valid image tag v<version>: no + build metadata, at most 127 characters")
	}
	for _, f := range [][2]string{{"Context", a.Context}, {"Dockerfile", a.Dockerfile}} {
		if msg := stackfile.CheckRelative(f[1]); msg != "" {
			c.Bad(prefix+f[0], f[1], msg)
		}
	}
	if a.Digest != "" && !awsvalues.ImageDigest.MatchString(a.Digest) {
		c.Bad(prefix+"Digest", a.Digest, "must be an image digest sha256:<64 lowercase hex digits>")
	}
	if a.Platform != "" && a.Platform != Platform {
		c.Bad(prefix+"Platform", a.Platform, "must be "+Platform+" (AgentCore requires ARM64)")
	}
}

// buildImage builds and pushes v<version> with a fresh ECR token on every run (tokens last 12 h
// and are never stored in config). Only the release tag is pushed: re-pushing latest or an
// environment tag would fail in an IMMUTABLE repository.
func (c *Repository) buildImage(ctx *pulumi.Context, name string, a *ImageArgs) error {
	if a.Digest != "" {
		c.ImageName = pulumi.Sprintf("%s:%s", c.repo.RepositoryUrl, awsvalues.ImageTag(a.Version))
		c.ImageDigest = pulumi.Sprintf("%s@%s", c.repo.RepositoryUrl, a.Digest)
		return nil
	}
	token := ecr.GetAuthorizationTokenOutput(ctx, ecr.GetAuthorizationTokenOutputArgs{RegistryId: c.repo.RegistryId},
		pulumi.Parent(c))
	tag := pulumi.Sprintf("%s:%s", c.repo.RepositoryUrl, awsvalues.ImageTag(a.Version))
	img, err := docker.NewImage(ctx, name+"-image", &docker.ImageArgs{
		ImageName: tag,
		Build: &docker.DockerBuildArgs{
			Context:    pulumi.String(a.Context),
			Dockerfile: pulumi.String(a.Dockerfile),
			Platform:   pulumi.String(Platform),
			// The version only: a timestamp here would rebuild on every run.
			Args:      pulumi.StringMap{"VERSION": pulumi.String(a.Version)},
			CacheFrom: &docker.CacheFromArgs{Images: pulumi.StringArray{tag}},
		},
		Registry: &docker.RegistryArgs{
			Server:   c.repo.RepositoryUrl,
			Username: token.UserName(),
			Password: pulumi.ToSecret(token.Password()).(pulumi.StringOutput),
		},
	}, pulumi.Parent(c))
	if err != nil {
		return err
	}
	c.ImageName, c.ImageDigest = img.ImageName, img.RepoDigest
	return nil
}
