package stackfile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// WriteOutput replaces root/rel (rel like "build/plan/dev.json") with data atomically: a
// temporary file in the same directory, synced, then renamed over the old one, so a reader or
// an interrupted run sees the previous file or the new one, never part of one. The directories
// are created inside root; one that is a link leading out of root is refused.
func WriteOutput(root, rel string, data []byte, perm fs.FileMode) (string, error) {
	dir, err := makeDirInside(root, filepath.Dir(rel))
	if err != nil {
		return "", err
	}
	path := filepath.Join(dir, filepath.Base(rel))
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(rel)+".tmp-*")
	if err != nil {
		return "", fmt.Errorf("write %s: %w", path, err)
	}
	_, werr := tmp.Write(data)
	if werr == nil {
		werr = tmp.Chmod(perm)
	}
	if werr == nil {
		werr = tmp.Sync()
	}
	werr = errors.Join(werr, tmp.Close())
	if werr == nil {
		werr = os.Rename(tmp.Name(), path)
	}
	if werr != nil {
		return "", fmt.Errorf("write %s: %w", path, errors.Join(werr, os.Remove(tmp.Name())))
	}
	if d, err := os.Open(dir); err == nil { //nolint:gosec // G304: our own output directory
		_ = d.Sync() // make the rename durable; a failure here loses nothing already written
		_ = d.Close()
	}
	return path, nil
}

// RemoveOutput deletes root/rel when it is a file (or link) of ours, and nothing else.
func RemoveOutput(root, rel string) error {
	path := filepath.Join(root, rel)
	info, err := os.Lstat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if info.IsDir() {
		return fmt.Errorf("%s is a directory, not an output file; left alone", path)
	}
	if _, err := insideDir(root, filepath.Dir(rel)); err != nil {
		return err
	}
	return os.Remove(path)
}

// makeDirInside creates root/rel one level at a time, refusing any level that exists as a link
// leading out of root, and returns its real path.
func makeDirInside(root, rel string) (string, error) {
	parts := strings.Split(filepath.ToSlash(filepath.Clean(rel)), "/")
	cur := ""
	for _, p := range parts {
		if p == "." {
			continue
		}
		cur = filepath.Join(cur, p)
		if err := os.Mkdir(filepath.Join(root, cur), 0o750); err != nil && !errors.Is(err, fs.ErrExist) {
			return "", fmt.Errorf("create %s: %w", filepath.Join(root, cur), err)
		}
		if _, err := insideDir(root, cur); err != nil {
			return "", err
		}
	}
	return insideDir(root, rel)
}

func insideDir(root, rel string) (string, error) {
	resolved, err := Inside(root, rel)
	if err != nil {
		return "", fmt.Errorf("output directory: %w", err)
	}
	if info, err := os.Stat(resolved); err != nil || !info.IsDir() {
		return "", fmt.Errorf("output directory %s is not a directory", filepath.Join(root, rel))
	}
	return resolved, nil
}
