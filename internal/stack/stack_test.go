package stack_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bidopsai/bidopsai-infra/internal/inventory"
	"github.com/bidopsai/bidopsai-infra/internal/plan"
)

// projectDir is the repository root, where Pulumi.yaml and the stack files live.
const projectDir = "../.."

var environments = []string{"dev", "staging", "prod"}

// stateful types get protect + retainOnDelete exactly when bidopsai:protect is true.
var stateful = map[string]bool{
	"aws:s3/bucketV2:BucketV2":         true,
	"aws:ecr/repository:Repository":    true,
	"aws:cognito/userPool:UserPool":    true,
	"aws:secretsmanager/secret:Secret": true,
	"aws:cloudwatch/logGroup:LogGroup": true,
	"aws:kms/key:Key":                  true,
	"bidopsai:index:AgentRuntime":      true,
}

// taggable types must carry the tier's component tag (stack-wide tags come from the provider).
var taggable = map[string]bool{
	"aws:s3/bucketV2:BucketV2":               true,
	"aws:ecr/repository:Repository":          true,
	"aws:ssm/parameter:Parameter":            true,
	"aws:secretsmanager/secret:Secret":       true,
	"aws:cognito/userPool:UserPool":          true,
	"aws:iam/role:Role":                      true,
	"aws:iam/policy:Policy":                  true,
	"aws:kms/key:Key":                        true,
	"aws:cloudwatch/logGroup:LogGroup":       true,
	"aws:cloudwatch/metricAlarm:MetricAlarm": true,
	"aws:sns/topic:Topic":                    true,
	"aws:budgets/budget:Budget":              true,
}

func planStack(t testing.TB, env string) *plan.Result {
	t.Helper()
	res, err := plan.Stack(projectDir, env, false)
	if err != nil {
		t.Fatalf("plan %s: %v", env, err)
	}
	return res
}

func TestEveryEnvironmentPlansWithItsInvariants(t *testing.T) {
	for _, env := range environments {
		t.Run(env, func(t *testing.T) {
			res := planStack(t, env)
			inv := res.Inventory
			p, _ := plan.LoadProject(projectDir)
			sc, _ := plan.LoadStack(projectDir, p, env)
			protect := sc.Values["bidopsai:protect"] == "true"
			byURN := map[string]inventory.Resource{}
			for _, r := range inv.Resources {
				byURN[r.URN] = r
			}
			for _, r := range inv.Resources {
				if strings.HasPrefix(r.Type, "pulumi:providers:") {
					continue // explicit providers live at the stack's root
				}
				if !r.Custom && r.Parent == "" {
					if !strings.HasPrefix(r.Type, "bidopsai:") {
						t.Errorf("top-level component %s is not one of ours", r.URN)
					}
					continue
				}
				if r.Parent == "" {
					t.Errorf("resource_outside_a_component: %s", r.URN)
				} else if _, ok := byURN[r.Parent]; !ok {
					t.Errorf("%s has an unknown parent %s", r.URN, r.Parent)
				}
				if strings.HasSuffix(r.Name, "-runtime-logs") {
					// Named after the runtime id: retained, never protected (it would block a replacement).
					if r.Protect || r.RetainOnDelete != protect {
						t.Errorf("runtime log group %s: protect=%v retainOnDelete=%v, want false/%v", r.URN, r.Protect, r.RetainOnDelete, protect)
					}
				} else if stateful[r.Type] != (r.Protect && r.RetainOnDelete) && (protect || r.Protect || r.RetainOnDelete) {
					t.Errorf("protection of %s: protect=%v retainOnDelete=%v, stack protect=%v",
						r.URN, r.Protect, r.RetainOnDelete, protect)
				}
				if !protect && (r.Protect || r.RetainOnDelete) {
					t.Errorf("%s is protected in an unprotected stack", r.URN)
				}
				if taggable[r.Type] {
					tags, _ := r.Inputs["tags"].(map[string]any)
					if tags == nil || tags["component"] == nil || tags["component"] == "" {
						t.Errorf("untagged_resource: %s has no component tag", r.URN)
					}
				}
			}
		})
	}
}

func TestGoldenInventories(t *testing.T) {
	for _, env := range environments {
		t.Run(env, func(t *testing.T) {
			got, err := planStack(t, env).Inventory.JSON()
			if err != nil {
				t.Fatal(err)
			}
			path := filepath.Join("testdata", env+".json")
			if os.Getenv("PULUMI_ACCEPT") != "" {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (regenerate with PULUMI_ACCEPT=1 go test ./internal/stack/)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("plan of %s differs from %s; review the change like a preview, then regenerate "+
					"with PULUMI_ACCEPT=1 go test ./internal/stack/", env, path)
			}
		})
	}
}

func TestPlansAreReproducible(t *testing.T) {
	a, _ := planStack(t, "prod").Inventory.JSON()
	b, _ := planStack(t, "prod").Inventory.JSON()
	if !bytes.Equal(a, b) {
		t.Fatal("two plans of the same stack differ")
	}
}

func BenchmarkProgram(b *testing.B) {
	for _, env := range environments {
		b.Run(env, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				planStack(b, env)
			}
		})
	}
}

// stackFile loads the project and one committed stack file, for plans with edited values.
func stackFile(t testing.TB, env string) (*plan.Project, *plan.StackConfig) {
	t.Helper()
	p, err := plan.LoadProject(projectDir)
	if err != nil {
		t.Fatal(err)
	}
	sc, err := plan.LoadStack(projectDir, p, env)
	if err != nil {
		t.Fatal(err)
	}
	return p, sc
}

// planWithSecrets plans a stack file with extra config values marked as secrets.
func planWithSecrets(t testing.TB, env string, secrets map[string]string) *plan.Result {
	t.Helper()
	p, sc := stackFile(t, env)
	keys := append([]string(nil), sc.SecretKeys...)
	for k, v := range secrets {
		sc.Values[k] = v
		keys = append(keys, k)
	}
	res, err := plan.Run(plan.Options{Project: p.Name, Stack: env, Config: sc.Values, SecretKeys: keys})
	if err != nil {
		t.Fatalf("plan %s: %v", env, err)
	}
	return res
}
