package release

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"
)

// WriteSummary prints the old and new versions, what git did, and the commands to run next.
func (r *BumpResult) WriteSummary(w io.Writer) error {
	var b strings.Builder
	verb := "bumped"
	if r.DryRun {
		verb = "would bump (dry run, nothing written)"
	}
	fmt.Fprintf(&b, "%s %s:\n", verb, r.File)
	for _, c := range r.Changes {
		fmt.Fprintf(&b, "  %-13s %s -> %s\n", c.Agent.ID, c.Old, c.New)
	}
	switch {
	case r.DryRun && len(r.Tags) > 0:
		fmt.Fprintf(&b, "would commit %s and tag: %s\n", filepath.Base(r.File), strings.Join(r.Tags, ", "))
	case len(r.Tags) > 0:
		fmt.Fprintf(&b, "committed %s as %.12s and tagged: %s\n", filepath.Base(r.File), r.Commit, strings.Join(r.Tags, ", "))
	}
	if r.Pushed {
		fmt.Fprintf(&b, "pushed the tags to %s (push your branch too: git push)\n", r.Remote)
	}
	b.WriteString("next steps:\n")
	if r.DryRun {
		b.WriteString("  run again without --dry-run (make: without DRY_RUN=1) to write the change\n")
	}
	if r.Commit == "" && !r.DryRun {
		fmt.Fprintf(&b, "  git add %s && git commit\n", r.File)
	}
	fmt.Fprintf(&b, "  make preview STACK=%s\n", r.Stack)
	fmt.Fprintf(&b, "  make up STACK=%s\n", r.Stack)
	for _, c := range r.Changes {
		fmt.Fprintf(&b, "  or one agent only: make deploy-agent STACK=%s AGENT=%s\n", r.Stack, c.Agent.ID)
	}
	_, err := io.WriteString(w, b.String())
	return err
}
