package registry

import (
	"strings"

	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/ecr"
	"github.com/pulumi/pulumi-docker/sdk/v4/go/docker"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/bidopsai/bidopsai-infra/internal/awsvalues"
	"github.com/bidopsai/bidopsai-infra/internal/tier"
)

// Platform is the only architecture AgentCore runs.
const Platform = "linux/arm64"

// ImageArgs describe how an agent's image is built. Paths are relative to the project directory
// and must stay stable, or every run shows a diff.
type ImageArgs struct {
	// Version is the release (SemVer, no v prefix); the image is tagged v<Version>. Required.
	Version string
	// Context is the build context directory. Required.
	Context string
	// Dockerfile is the Dockerfile path. Required.
	Dockerfile string
	// Platform must be linux/arm64 (AgentCore's only architecture). Default: linux/arm64.
	Platform string
	// Digest (sha256:...), when set, names an image already pushed to this repository: nothing
	// is built and ImageDigest is <url>@<Digest>. Default: none (build and push).
	Digest string
}

func (a *ImageArgs) check(c *tier.Checker) {
	if !awsvalues.SemVer.MatchString(a.Version) || !awsvalues.ValidImageTag(awsvalues.ImageTag(a.Version)) {
		c.Bad("Image.Version", a.Version, "must be SemVer such as 1.2.3 (no v prefix, no + build metadata) making a valid image tag")
	}
	for _, f := range [][2]string{{"Image.Context", a.Context}, {"Image.Dockerfile", a.Dockerfile}} {
		if p := f[1]; p == "" || strings.HasPrefix(p, "/") || strings.Contains(p, "..") {
			c.Bad(f[0], p, "must be a relative path inside the project")
		}
	}
	if a.Digest != "" && !awsvalues.ImageDigest.MatchString(a.Digest) {
		c.Bad("Image.Digest", a.Digest, "must be sha256:<64 lowercase hex digits>")
	}
	if a.Platform != "" && a.Platform != Platform {
		c.Bad("Image.Platform", a.Platform, "must be "+Platform+" (AgentCore requires ARM64)")
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
