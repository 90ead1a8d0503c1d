package release

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os/exec"
	"strings"
)

// gitRepo runs git in one working directory.
type gitRepo struct{ dir string }

// command prepares git with arguments this package builds from validated agent, version and
// stack names; nothing reaches a shell.
func (g gitRepo) command(ctx context.Context, args ...string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, "git", args...) //nolint:gosec // G204: fixed program, arguments built here from validated names
	cmd.Dir = g.dir
	return cmd
}

// run runs git and returns its trimmed stdout; the error carries the command and git's stderr.
func (g gitRepo) run(ctx context.Context, args ...string) (string, error) {
	cmd := g.command(ctx, args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		msg := strings.TrimSpace(stderr.String())
		if msg == "" {
			msg = err.Error()
		}
		return "", fmt.Errorf("git %s: %s", strings.Join(args, " "), msg)
	}
	return strings.TrimSpace(stdout.String()), nil
}

// exitsOne reports whether git answered "no" with exit status 1; other failures are errors.
func (g gitRepo) exitsOne(ctx context.Context, args ...string) (bool, error) {
	cmd := g.command(ctx, args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	err := cmd.Run()
	var exit *exec.ExitError
	if errors.As(err, &exit) && exit.ExitCode() == 1 {
		return true, nil
	}
	if err != nil {
		return false, fmt.Errorf("git %s: %w %s", strings.Join(args, " "), err, strings.TrimSpace(stderr.String()))
	}
	return false, nil
}

// tagCommit returns the commit an existing tag points at, or "" when there is no such tag.
func (g gitRepo) tagCommit(ctx context.Context, tag string) (string, error) {
	missing, err := g.exitsOne(ctx, "rev-parse", "-q", "--verify", "refs/tags/"+tag)
	if err != nil || missing {
		return "", err
	}
	return g.run(ctx, "rev-parse", "refs/tags/"+tag+"^{commit}")
}

// checkCanRelease verifies, before anything is written, that file can be committed on its own
// and the tags created: a repository with a commit, file tracked and unmodified, an identity
// for the commit and tags, and no existing tag unless force.
func (g gitRepo) checkCanRelease(ctx context.Context, file string, tags []string, force bool) error {
	if _, err := g.run(ctx, "rev-parse", "--verify", "HEAD"); err != nil {
		return fmt.Errorf("--tag needs a git repository with at least one commit: %w", err)
	}
	if _, err := g.run(ctx, "ls-files", "--error-unmatch", "--", file); err != nil {
		return fmt.Errorf("--tag commits %s, but git does not track it: %w", file, err)
	}
	dirty, err := g.exitsOne(ctx, "diff", "--quiet", "HEAD", "--", file)
	if err != nil {
		return err
	}
	if dirty {
		return fmt.Errorf("--tag commits %s on its own, but it has uncommitted changes; commit or stash them first", file)
	}
	if _, err := g.run(ctx, "var", "GIT_COMMITTER_IDENT"); err != nil {
		return fmt.Errorf("--tag needs a git identity (git config user.name and user.email): %w", err)
	}
	for _, tag := range tags {
		at, err := g.tagCommit(ctx, tag)
		if err != nil {
			return err
		}
		if at != "" && !force {
			return fmt.Errorf("tag %s already exists at %.12s; a version is tagged once (drop TAG=1 when promoting it to another stack) or pass --force (FORCE=1) to move it", tag, at)
		}
	}
	return nil
}

// commitFile commits file alone, leaving anything else staged as it was, and returns the commit.
func (g gitRepo) commitFile(ctx context.Context, file, message string) (string, error) {
	if _, err := g.run(ctx, "commit", "--only", "-m", message, "--", file); err != nil {
		return "", err
	}
	return g.run(ctx, "rev-parse", "HEAD")
}

// tag creates an annotated tag at commit, replacing an existing one only when force is set.
func (g gitRepo) tag(ctx context.Context, name, message, commit string, force bool) error {
	args := []string{"tag", "-a", "-m", message}
	if force {
		args = append(args, "-f")
	}
	_, err := g.run(ctx, append(args, "--", name, commit)...)
	return err
}

// pushTags pushes tags to remote; force is needed when a moved tag already exists there.
func (g gitRepo) pushTags(ctx context.Context, remote string, tags []string, force bool) error {
	args := []string{"push"}
	if force {
		args = append(args, "--force")
	}
	args = append(args, remote)
	for _, t := range tags {
		args = append(args, "refs/tags/"+t)
	}
	_, err := g.run(ctx, args...)
	return err
}
