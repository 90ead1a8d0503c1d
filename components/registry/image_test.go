package registry

import (
	"strings"
	"testing"

	"github.com/bidopsai/bidopsai-infra/internal/mock/mocktest"
)

const tImage = "docker:index/image:Image"

func withImage(a *RepositoryArgs, img ImageArgs) *RepositoryArgs {
	a.Image = &img
	return a
}

func TestImage(t *testing.T) {
	good := ImageArgs{Version: "1.4.2", Context: "agents/sample", Dockerfile: "agents/sample/Dockerfile", Platform: Platform}
	t.Run("builds_arm64_and_pushes_only_the_release_tag", func(t *testing.T) {
		mon := repos.MustRun(t, withImage(validArgs(), good), "workflow")
		img := mocktest.Only(t, mon, tImage)
		name := img.Inputs["imageName"].StringValue()
		if !strings.HasSuffix(name, ":v1.4.2") || !strings.Contains(name, ".dkr.ecr.us-east-1.amazonaws.com/") {
			t.Errorf("image name %q is not <repository url>:v1.4.2", name)
		}
		build := img.Inputs["build"].ObjectValue()
		if build["platform"].StringValue() != "linux/arm64" || build["context"].StringValue() != "agents/sample" {
			t.Errorf("build inputs %v", build)
		}
		if v := build["args"].ObjectValue()["VERSION"].StringValue(); v != "1.4.2" {
			t.Errorf("VERSION build arg %q; only stable values may be build args", v)
		}
		if len(build["args"].ObjectValue()) != 1 {
			t.Errorf("extra build args would rebuild every run: %v", build["args"])
		}
	})
	t.Run("fetches_registry_credentials_on_every_run_and_keeps_them_secret", func(t *testing.T) {
		mon := repos.MustRun(t, withImage(validArgs(), good), "workflow")
		calls := 0
		for _, c := range mon.Calls() {
			if c.Token == "aws:ecr/getAuthorizationToken:getAuthorizationToken" {
				calls++
			}
		}
		if calls != 1 {
			t.Fatalf("authorization token fetched %d times, want 1", calls)
		}
		reg := mocktest.Only(t, mon, tImage).Inputs["registry"].ObjectValue()
		pw := reg["password"]
		if secret := pw.IsSecret() || (pw.IsOutput() && pw.OutputValue().Secret); !secret {
			t.Errorf("registry password is not a secret: %v", reg["password"])
		}
	})
	for _, bad := range []struct {
		name  string
		mut   func(*ImageArgs)
		field string
	}{
		{"rejects_v_prefixed_version", func(a *ImageArgs) { a.Version = "v1.4.2" }, "Image.Version"},
		{"rejects_latest_as_version", func(a *ImageArgs) { a.Version = "latest" }, "Image.Version"},
		{"rejects_amd64", func(a *ImageArgs) { a.Platform = "linux/amd64" }, "Image.Platform"},
		{"rejects_absolute_context", func(a *ImageArgs) { a.Context = "/src" }, "Image.Context"},
		{"rejects_dockerfile_outside_project", func(a *ImageArgs) { a.Dockerfile = "../Dockerfile" }, "Image.Dockerfile"},
	} {
		t.Run(bad.name, func(t *testing.T) {
			img := good
			bad.mut(&img)
			mon, _, err := repos.Run(withImage(validArgs(), img), "workflow")
			if err == nil || !strings.Contains(err.Error(), bad.field) {
				t.Fatalf("want an error naming %s, got %v", bad.field, err)
			}
			if n := len(mon.Resources()); n != 0 {
				t.Fatalf("%d resources registered", n)
			}
		})
	}
}

func TestPinnedDigest(t *testing.T) {
	d := "sha256:" + strings.Repeat("ab", 32)
	t.Run("runs_an_existing_image_without_building", func(t *testing.T) {
		img := ImageArgs{Version: "1.0.0", Context: "agents/sample", Dockerfile: "agents/sample/Dockerfile", Digest: d}
		mon := repos.MustRun(t, withImage(validArgs(), img), "workflow")
		if n := len(mon.ByType(tImage)); n != 0 {
			t.Fatalf("%d images built for a pinned digest", n)
		}
	})
	t.Run("rejects_a_malformed_digest", func(t *testing.T) {
		img := ImageArgs{Version: "1.0.0", Context: "agents/sample", Dockerfile: "agents/sample/Dockerfile", Digest: "sha256:xyz"}
		if _, _, err := repos.Run(withImage(validArgs(), img), "workflow"); err == nil || !strings.Contains(err.Error(), "Image.Digest") {
			t.Fatalf("want an Image.Digest error, got %v", err)
		}
	})
}
