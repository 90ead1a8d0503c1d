package provider

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"maps"
	"strings"

	p "github.com/pulumi/pulumi-go-provider"
	presource "github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/common/tokens"

	"github.com/bidopsai/bidopsai-infra/internal/awsvalues"
)

// OwnerTagKey is the tag the provider puts on every runtime and project it creates. Its value
// names the Pulumi resource (stack, type chain, name) that owns it, so a create whose result
// never reached the state (provider killed, machine lost) is recognised and adopted by the
// next up instead of failing on the name forever.
const OwnerTagKey = "bidopsai:owner"

type urnKey struct{}

// withURN wraps Create and Update so the resource's URN reaches the typed methods through
// their context; infer's requests carry only the name, and the owner needs the stack too.
func withURN(prov p.Provider) p.Provider {
	create, update := prov.Create, prov.Update
	prov.Create = func(ctx context.Context, req p.CreateRequest) (p.CreateResponse, error) {
		return create(context.WithValue(ctx, urnKey{}, req.Urn), req)
	}
	prov.Update = func(ctx context.Context, req p.UpdateRequest) (p.UpdateResponse, error) {
		return update(context.WithValue(ctx, urnKey{}, req.Urn), req)
	}
	return prov
}

// owner is the resource a create works for.
type owner struct{ urn presource.URN }

func ownerFrom(ctx context.Context) (owner, error) {
	urn, ok := ctx.Value(urnKey{}).(presource.URN)
	if !ok || !urn.IsValid() {
		return owner{}, fmt.Errorf("internal error: create called without the resource's URN")
	}
	return owner{urn}, nil
}

// tag is the owner tag's value: the URN with '$' (not allowed in tag values) written as '/',
// or, when that breaks the tag rules of either service, a digest of the URN.
func (o owner) tag() string {
	v := strings.ReplaceAll(string(o.urn), "$", "/")
	if len(awsvalues.AgentCoreTags.Problems(map[string]string{OwnerTagKey: v}, 0)) == 0 {
		return v
	}
	sum := sha256.Sum256([]byte(o.urn))
	return "sha256:" + hex.EncodeToString(sum[:])
}

// tags are the program's tags plus the owner tag: what the cloud resource carries.
func (o owner) tags(program map[string]string) map[string]string {
	out := maps.Clone(program)
	if out == nil {
		out = map[string]string{}
	}
	out[OwnerTagKey] = o.tag()
	return out
}

// updateTags are the tags an update moves from and to: the state's tags (plus the owner tag
// when the resource carries it already) and the program's tags plus the owner tag. So a
// resource created before owners were tagged, or imported, is tagged by its next update.
func (o owner) updateTags(state, live, program map[string]string) (olds, news map[string]string) {
	olds = maps.Clone(state)
	if live[OwnerTagKey] == o.tag() {
		olds = o.tags(state)
	}
	return olds, o.tags(program)
}

// withoutOwner drops the owner tag from live tags, so Read reports only the program's tags.
func withoutOwner(live map[string]string) map[string]string {
	out := maps.Clone(live)
	delete(out, OwnerTagKey)
	return nilIfEmpty(out)
}

// notOurs is the refusal of an existing resource that another owner (or nobody) tagged.
func (o owner) notOurs(kind, name, id, found string) error {
	whose := "carries no " + OwnerTagKey + " tag (created outside this provider, or before it tagged owners)"
	if found != "" {
		whose = fmt.Sprintf("belongs to %s (its %s tag)", found, OwnerTagKey)
	}
	return fmt.Errorf("a %s named %s already exists (%s) and %s, not to this resource (%s). If this stack should "+
		"manage it, import it: `%s`, then run up again; otherwise delete it or choose another name",
		kind, name, id, whose, o.tag(), o.importCommand(id))
}

// importCommand is the pulumi import command that adopts id as this resource. The bidopsai
// components name their child like themselves, which gives the parent's URN.
func (o owner) importCommand(id string) string {
	cmd := fmt.Sprintf("pulumi import --stack %s %s %s %s", o.urn.Stack(), o.urn.Type(), o.urn.Name(), id)
	chain := string(o.urn.QualifiedType())
	i := strings.LastIndex(chain, "$")
	if i < 0 {
		return cmd
	}
	parent := presource.NewURN(o.urn.Stack(), o.urn.Project(), "", tokens.Type(chain[:i]), o.urn.Name())
	return cmd + fmt.Sprintf(" --parent '%s=%s' (and --provider 'name=<URN>' if the program passes an explicit "+
		"provider; `pulumi stack --show-urns` lists it)", o.urn.Name(), parent)
}
