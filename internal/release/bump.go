package release

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/bidopsai/bidopsai-infra/internal/stackfile"
)

// BumpOptions are the inputs of Bump; the zero value of each optional field is its default.
type BumpOptions struct {
	Dir    string // directory holding Pulumi.<stack>.yaml; default "."
	Stack  string // stack name, e.g. "dev"
	Agent  string // a configured agent id (workflow, ai-assistant, ...) or "all"
	Part   string // "major", "minor" or "patch"
	DryRun bool   // report the change; write, commit and tag nothing
	Tag    bool   // commit the stack file alone and tag that commit per agent
	Force  bool   // with Tag: move existing tags
	Push   bool   // with Tag: push the tags
	Remote string // remote for Push; default "origin"
}

// BumpResult says what Bump changed, or would change in a dry run.
type BumpResult struct {
	Stack   string
	File    string // path of the stack file
	Changes []Change
	Tags    []string // tags created, or to be created in a dry run
	Commit  string   // commit holding the bumped file, when tagged
	Pushed  bool
	DryRun  bool
	Remote  string
}

// Bump bumps the agents' versions in Pulumi.<stack>.yaml. Every input and precondition is checked
// before the file is written, so on error nothing has changed; the file is replaced atomically.
// With Tag, the bumped file is committed alone so each tag marks a commit holding its version.
func Bump(ctx context.Context, o BumpOptions) (*BumpResult, error) {
	part, err := ParsePart(o.Part)
	if err != nil {
		return nil, err
	}
	if (o.Force || o.Push) && !o.Tag {
		return nil, errors.New("--force and --push apply to tags; add --tag (TAG=1)")
	}
	dir := valueOr(o.Dir, ".")
	path, err := stackfile.Path(dir, o.Stack)
	if err != nil {
		return nil, err
	}
	name := stackfile.FileName(o.Stack)
	src, err := stackfile.ReadFile(path)
	if err != nil {
		return nil, err
	}
	f, err := stackConfig(src, path)
	if err != nil {
		return nil, err
	}
	configured, err := agentsOf(f, dir)
	if err != nil {
		return nil, err
	}
	agents, err := configured.Select(o.Agent)
	if err != nil {
		return nil, err
	}
	changes, out, err := BumpVersions(src, path, agents, part)
	if err != nil {
		return nil, err
	}
	res := &BumpResult{Stack: o.Stack, File: path, Changes: changes, DryRun: o.DryRun, Remote: valueOr(o.Remote, "origin")}
	git := gitRepo{dir: dir}
	if o.Tag {
		for _, c := range changes {
			res.Tags = append(res.Tags, c.Agent.Tag(c.New))
		}
		if err := git.checkCanRelease(ctx, name, res.Tags, o.Force); err != nil {
			return nil, err
		}
	}
	if o.DryRun {
		return res, nil
	}
	if err := writeFileAtomic(path, out); err != nil {
		return nil, err
	}
	if !o.Tag {
		return res, nil
	}
	if res.Commit, err = git.commitFile(ctx, name, commitMessage(o.Stack, changes)); err != nil {
		if rerr := writeFileAtomic(path, src); rerr != nil {
			return nil, fmt.Errorf("%w; restoring %s also failed: %w", err, path, rerr)
		}
		return nil, fmt.Errorf("%w (%s restored; nothing changed)", err, path)
	}
	for _, c := range changes {
		if err := git.tag(ctx, c.Agent.Tag(c.New), c.Agent.TagMessage(c.New), res.Commit, o.Force); err != nil {
			return nil, fmt.Errorf("%s is committed as %.12s but tagging failed: %w", path, res.Commit, err)
		}
	}
	if o.Push {
		if err := git.pushTags(ctx, res.Remote, res.Tags, o.Force); err != nil {
			return nil, fmt.Errorf("tags %s created but not pushed: %w", strings.Join(res.Tags, ", "), err)
		}
		res.Pushed = true
	}
	return res, nil
}

// commitMessage names every bumped agent, e.g. "Release workflow 1.4.3 in dev".
func commitMessage(stack string, changes []Change) string {
	parts := make([]string, len(changes))
	for i, c := range changes {
		parts[i] = fmt.Sprintf("%s %s", c.Agent.ID, c.New)
	}
	return fmt.Sprintf("Release %s in %s", strings.Join(parts, " and "), stack)
}

func valueOr(v, fallback string) string {
	if v == "" {
		return fallback
	}
	return v
}
