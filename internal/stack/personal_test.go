package stack_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/bidopsai/bidopsai-infra/internal/inventory"
	"github.com/bidopsai/bidopsai-infra/internal/plan"
)

// personalStack writes Pulumi.<stack>.yaml next to a copy of Pulumi.yaml: dev's file with the
// stack's own tag and hosted-UI domain, as a developer would make it.
func personalStack(t *testing.T, dir, stack string) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(projectDir, "Pulumi.dev.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Replace(string(b), "      stack: dev\n", "      stack: "+stack+"\n", 1)
	text = strings.Replace(text, "domainPrefix: bidopsai-dev\n", "domainPrefix: bidopsai-"+stack+"\n", 1)
	if err := os.WriteFile(filepath.Join(dir, "Pulumi."+stack+".yaml"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// nameKeys are the inputs that hold a physical name or path AWS keeps unique per account/Region.
var nameKeys = []string{"name", "namePrefix", "bucket", "bucketPrefix", "dashboardName", "groupName",
	"ruleName", "projectName", "agentRuntimeName", "domain", "alarmName", "aliasName"}

// scopedNames are types whose name is unique only inside their parent resource.
var scopedNames = map[string]bool{
	"aws:cognito/userGroup:UserGroup": true, // a group name is unique per user pool
}

// physicalNames are every explicit name of a plan, plus the logical name of each auto-named
// resource (Pulumi names it <logical name>-<random>).
func physicalNames(inv *inventory.Inventory) map[string]string {
	out := map[string]string{}
	for _, r := range inv.Resources {
		if !r.Custom || strings.HasPrefix(r.Type, "pulumi:providers:") || scopedNames[r.Type] {
			continue
		}
		explicit := false
		for _, k := range nameKeys {
			if s, ok := r.Inputs[k].(string); ok && s != "" && !isReference(inv, k, s) {
				out[s], explicit = r.URN, true
			}
		}
		if !explicit {
			out["auto:"+r.Name] = r.URN
		}
	}
	return out
}

// isReference is true for a "bucket" or "name" input that points at another resource (a bucket's
// settings) rather than naming this one.
func isReference(inv *inventory.Inventory, key, v string) bool {
	return key == "bucket" && !strings.HasPrefix(v, "arn:") && strings.Count(v, "-") > 0 && bucketOwned(inv, v)
}

func bucketOwned(inv *inventory.Inventory, v string) bool {
	for _, r := range byType(inv, "aws:s3/bucketV2:BucketV2") {
		if strings.HasPrefix(v, r.Name+"-") {
			return true
		}
	}
	return false
}

// Personal stacks deploy beside dev in one account: no physical name is shared.
func TestPersonalStacksShareNoPhysicalName(t *testing.T) {
	dir := t.TempDir()
	b, err := os.ReadFile(filepath.Join(projectDir, "Pulumi.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "Pulumi.yaml"), b, 0o644); err != nil {
		t.Fatal(err)
	}
	// The agents' build contexts must exist inside the project the plan reads.
	sample := filepath.Join("agents", "sample")
	if err := os.CopyFS(filepath.Join(dir, sample), os.DirFS(filepath.Join(projectDir, sample))); err != nil {
		t.Fatal(err)
	}
	stacks := map[string]*inventory.Inventory{"dev": planStack(t, "dev").Inventory}
	for _, s := range []string{"dev-alice", "dev-bob"} {
		personalStack(t, dir, s)
		res, err := plan.Stack(dir, s, false)
		if err != nil {
			t.Fatalf("plan %s: %v", s, err)
		}
		if res.Config.Environment != "dev" || res.Config.Name != s {
			t.Fatalf("%s planned as environment %q name %q", s, res.Config.Environment, res.Config.Name)
		}
		stacks[s] = res.Inventory
	}
	owner := map[string]string{}
	names := make([]string, 0, len(stacks))
	for s := range stacks {
		names = append(names, s)
	}
	sort.Strings(names)
	for _, s := range names {
		phys := physicalNames(stacks[s])
		if len(phys) < 50 {
			t.Fatalf("%s has only %d physical names; the plan is incomplete", s, len(phys))
		}
		for n := range phys {
			if other, ok := owner[n]; ok {
				t.Errorf("%s and %s share the physical name %q", other, s, strings.TrimPrefix(n, "auto:"))
			}
			owner[n] = s
		}
	}
	t.Run("keeps_the_environments_behaviour", func(t *testing.T) {
		dev, alice := stacks["dev"], stacks["dev-alice"]
		if len(dev.Resources) != len(alice.Resources) {
			t.Errorf("dev has %d resources, dev-alice %d", len(dev.Resources), len(alice.Resources))
		}
		for _, lg := range byType(alice, "aws:cloudwatch/logGroup:LogGroup") {
			if lg.Inputs["retentionInDays"] != 30.0 {
				t.Errorf("%s retention %v, want dev's 30", lg.Name, lg.Inputs["retentionInDays"])
			}
		}
		for _, rt := range byType(alice, tRuntime) {
			env, _ := rt.Inputs["environmentVariables"].(map[string]any)
			if env["ENVIRONMENT"] != "dev" || !strings.HasPrefix(env["SSM_PARAMETER_PREFIX"].(string), "/bidopsai/dev-alice/") {
				t.Errorf("%s environment %v prefix %v", rt.Name, env["ENVIRONMENT"], env["SSM_PARAMETER_PREFIX"])
			}
		}
	})
	t.Run("budgets_count_only_their_own_stacks_costs", func(t *testing.T) {
		for _, s := range names {
			for _, b := range byType(stacks[s], "aws:budgets/budget:Budget") {
				filters, _ := json.Marshal(b.Inputs["costFilters"])
				if want := `"user:stack$` + s + `"`; !strings.Contains(string(filters), want) {
					t.Errorf("%s budget filters %s, want the tag value %s", s, filters, want)
				}
			}
			if len(byType(stacks[s], "aws:budgets/budget:Budget")) != 1 {
				t.Errorf("%s has no budget", s)
			}
		}
	})
}

// Every resource the bidopsai provider creates carries the stack tags with this stack's values
// (the aws provider's default tags carry them to the others).
func TestProjectProviderResourcesCarryTheStackTags(t *testing.T) {
	for _, env := range environments {
		t.Run(env, func(t *testing.T) {
			res := planStack(t, env)
			want := map[string]string{"project": "bidopsai", "environment": env, "stack": env, "managed-by": "pulumi"}
			n := 0
			for _, r := range res.Inventory.Resources {
				if !r.Custom || !strings.HasPrefix(r.Type, "bidopsai:index:") {
					continue
				}
				n++
				tags, _ := r.Inputs["tags"].(map[string]any)
				for k, v := range want {
					if tags[k] != v {
						t.Errorf("%s tag %s = %v, want %s", r.Name, k, tags[k], v)
					}
				}
				if c, _ := tags["component"].(string); c == "" {
					t.Errorf("%s has no component tag", r.Name)
				}
			}
			if n != 3 {
				t.Errorf("%d bidopsai provider resources, want 3 (two runtimes, one project)", n)
			}
		})
	}
}
