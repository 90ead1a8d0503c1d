// Package stackfile is the one reader of Pulumi.yaml and Pulumi.<stack>.yaml: the stack-name
// check, where a stack's file is, and a YAML parser that refuses what the CLI would read
// ambiguously (duplicate keys, a key with and without its namespace, alias bombs, several
// documents). The offline plan, the release tools and the destroy guard all read through it.
package stackfile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/bidopsai/bidopsai-infra/internal/redact"
)

// namePattern is Pulumi's stack-name rule (sdk go/common/tokens/stack_name.go: letters, digits,
// '-', '_', '.', at most 100), narrowed so a name never starts with '.' or '-' (no "..", no
// flag look-alikes). Organization and project prefixes are not taken: the name is a file name.
var namePattern = regexp.MustCompile(`^[A-Za-z0-9_][A-Za-z0-9_.-]{0,99}$`)

// CheckName returns an error unless stack is a plain stack name, such as dev or dev-alice.
func CheckName(stack string) error {
	if namePattern.MatchString(stack) {
		return nil
	}
	hint := ""
	if strings.Contains(stack, "/") && !strings.Contains(stack, "..") {
		hint = " (give the stack name alone, without an organization or project prefix)"
	}
	return fmt.Errorf("stack %s is not a stack name: want one word of letters, digits, '_', '-' or '.', "+
		"at most 100, not starting with '.' or '-'%s", redact.Show(stack), hint)
}

// FileName is the settings file of stack: "Pulumi.<stack>.yaml".
func FileName(stack string) string { return "Pulumi." + stack + ".yaml" }

// Path checks stack's name and returns its stack file in dir, which must exist as a regular
// file (or a link to one) inside dir.
func Path(dir, stack string) (string, error) {
	if err := CheckName(stack); err != nil {
		return "", err
	}
	path := filepath.Join(dir, FileName(stack))
	if _, err := Inside(dir, FileName(stack)); err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return "", fmt.Errorf("stack %s has no stack file %s in %s; stacks here: %s",
				stack, FileName(stack), dir, strings.Join(Stacks(dir), ", "))
		}
		return "", fmt.Errorf("stack %s: %w", stack, err)
	}
	info, err := os.Stat(path)
	if err != nil {
		return "", fmt.Errorf("stack %s: %w", stack, err)
	}
	if !info.Mode().IsRegular() {
		return "", fmt.Errorf("stack %s: %s is not a regular file", stack, path)
	}
	return path, nil
}

// Stacks lists the stacks that have a stack file in dir.
func Stacks(dir string) []string {
	matches, _ := filepath.Glob(filepath.Join(dir, "Pulumi.*.yaml"))
	var out []string
	for _, m := range matches {
		name := strings.TrimSuffix(strings.TrimPrefix(filepath.Base(m), "Pulumi."), ".yaml")
		if CheckName(name) == nil {
			out = append(out, name)
		}
	}
	sort.Strings(out)
	return out
}

// CheckRelative returns "" when rel is a relative path that does not climb out with "..",
// or what is wrong with it.
func CheckRelative(rel string) string {
	if rel == "" || filepath.IsAbs(rel) || strings.HasPrefix(rel, "/") || strings.Contains(rel, `\`) {
		return "must be a path relative to the project directory"
	}
	for _, part := range strings.Split(filepath.ToSlash(rel), "/") {
		if part == ".." {
			return "must stay inside the project directory (no ..)"
		}
	}
	return ""
}

// Inside resolves rel against root and returns the real path, refusing absolute paths, ".."
// and symbolic links that lead out of root. The target must exist.
func Inside(root, rel string) (string, error) {
	if msg := CheckRelative(rel); msg != "" {
		return "", fmt.Errorf("%s %s", redact.Show(rel), msg)
	}
	realRoot, err := filepath.EvalSymlinks(root)
	if err != nil {
		return "", fmt.Errorf("project directory %s: %w", root, err)
	}
	realPath, err := filepath.EvalSymlinks(filepath.Join(realRoot, rel))
	if err != nil {
		return "", fmt.Errorf("%s: %w", redact.Show(rel), err)
	}
	if r, err := filepath.Rel(realRoot, realPath); err != nil || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) {
		return "", fmt.Errorf("%s leads outside the project directory (to %s)", redact.Show(rel), realPath)
	}
	return realPath, nil
}
