package main

import (
	"slices"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"

	"github.com/bidopsai/bidopsai-infra/internal/mock"
)

// diffInputs returns the top-level inputs that differ between olds and news (an unknown new
// value counts as a change), and those of them that replace the resource.
func diffInputs(typ string, olds, news resource.PropertyMap) (changed, replaced []string) {
	d := olds.Diff(news)
	if d == nil {
		return nil, nil
	}
	for _, k := range d.ChangedKeys() {
		changed = append(changed, string(k))
	}
	slices.Sort(changed)
	for _, k := range mock.ReplaceOnChange(typ) {
		if slices.Contains(changed, k) {
			replaced = append(replaced, k)
		}
	}
	return changed, replaced
}
