package identity

import (
	"slices"
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/bidopsai/bidopsai-infra/internal/mock/mocktest"
)

func TestComponentShape(t *testing.T) {
	t.Run("every_child_is_parented_to_the_component_and_named_from_it", func(t *testing.T) {
		mon := pools.MustRun(t, baseArgs())
		mocktest.Only(t, mon, TypeToken)
		mocktest.CheckChildren(t, mon, TypeToken)
	})
	t.Run("registers_a_pool_a_domain_a_client_and_five_groups", func(t *testing.T) {
		mon := pools.MustRun(t, baseArgs())
		for typ, want := range map[string]int{typePool: 1, typeDomain: 1, typeClient: 1, typeGroup: 5} {
			if got := len(mon.ByType(typ)); got != want {
				t.Errorf("%s: got %d, want %d", typ, got, want)
			}
		}
		if got := len(mon.Resources()); got != 9 {
			t.Errorf("total resources: got %d, want 9", got)
		}
	})
	t.Run("two_instances_in_one_stack_do_not_collide", func(t *testing.T) {
		pools.MustRun(t, baseArgs(), "a", "b")
	})
	t.Run("protects_exactly_the_pool_when_protect_is_on", func(t *testing.T) {
		for _, on := range []bool{true, false} {
			a := baseArgs()
			a.Protect = on
			for _, r := range pools.MustRun(t, a).Resources() {
				want := on && r.Type == typePool
				if r.Protect != want || r.RetainOnDelete != want {
					t.Errorf("protect=%v: %s %s protect=%v retain=%v, want %v", on, r.Type, r.Name,
						r.Protect, r.RetainOnDelete, want)
				}
			}
		}
	})
	t.Run("outputs_build_domain_issuer_and_discovery_urls", func(t *testing.T) {
		_, got, err := pools.Outputs(baseArgs(), func(c *UserPool) map[string]pulumi.Output {
			return map[string]pulumi.Output{"id": c.UserPoolID, "arn": c.UserPoolArn,
				"client": c.UserPoolClientID, "domain": c.UserPoolDomain, "issuer": c.IssuerURL,
				"discovery": c.DiscoveryURL}
		})
		if err != nil {
			t.Fatal(err)
		}
		id, _ := got["id"].(string)
		if !strings.HasPrefix(id, "us-east-1_") {
			t.Fatalf("UserPoolID = %v", got["id"])
		}
		want := map[string]string{
			"arn":       "arn:aws:cognito-idp:us-east-1:123456789012:userpool/" + id,
			"domain":    "bidopsai-dev.auth.us-east-1.amazoncognito.com",
			"issuer":    "https://cognito-idp.us-east-1.amazonaws.com/" + id,
			"discovery": "https://cognito-idp.us-east-1.amazonaws.com/" + id + "/.well-known/openid-configuration",
		}
		for k, w := range want {
			if got[k] != w {
				t.Errorf("%s = %v, want %s", k, got[k], w)
			}
		}
		if c, _ := got["client"].(string); c == "" {
			t.Errorf("UserPoolClientID is empty")
		}
	})
}

func TestGroups(t *testing.T) {
	t.Run("creates_the_five_groups_with_precedence_and_descriptions", func(t *testing.T) {
		want := map[string]float64{"ADMIN": 1, "DRAFTER": 2, "BIDDER": 3, "KB_ADMIN": 4, "KB_VIEW": 5}
		var names []string
		for _, g := range pools.MustRun(t, baseArgs()).ByType(typeGroup) {
			name := g.Inputs["name"].StringValue()
			names = append(names, name)
			if p := g.Inputs["precedence"]; !p.IsNumber() || p.NumberValue() != want[name] {
				t.Errorf("%s precedence = %v, want %v", name, p, want[name])
			}
			if d := g.Inputs["description"]; !d.IsString() || d.StringValue() == "" {
				t.Errorf("%s has no description", name)
			}
			if !g.Inputs["userPoolId"].IsString() || !strings.HasPrefix(g.Inputs["userPoolId"].StringValue(), "us-east-1_") {
				t.Errorf("%s is not in the pool: %v", name, g.Inputs["userPoolId"])
			}
		}
		slices.Sort(names)
		if !slices.Equal(names, []string{"ADMIN", "BIDDER", "DRAFTER", "KB_ADMIN", "KB_VIEW"}) {
			t.Errorf("group names = %v", names)
		}
	})
}
