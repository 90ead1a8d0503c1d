// Package release holds the logic behind the release commands of the bidopsai CLI: bumping an
// agent's version in a stack file (keeping the file byte-for-byte apart from the version), tagging
// the release in git, guarding `pulumi destroy` on protected stacks, and finding the resources of
// one agent in the offline plan for a targeted update.
package release
