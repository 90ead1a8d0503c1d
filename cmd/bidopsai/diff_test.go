// The diff of real plans is tested here, beside the diff command: planning links the whole
// program, which plandiff itself does not need.
package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/bidopsai/bidopsai-infra/internal/inventory"
	"github.com/bidopsai/bidopsai-infra/internal/plan"
	"github.com/bidopsai/bidopsai-infra/internal/plandiff"
)

// repoRoot is the repository, two levels up from this package.
const repoRoot = "../.."

// slack is a secret config value of the "new" plan; no report may show it.
const slack = `{"bot_token":"xoxb-do-not-print","signing_secret":"s","app_token":"a","workspace_id":"w"}`

// planDev plans Pulumi.dev.yaml with some object keys' fields changed, as a commit would.
func planDev(t *testing.T, edits map[string]map[string]any, secrets map[string]string) *inventory.Inventory {
	t.Helper()
	p, err := plan.LoadProject(repoRoot)
	if err != nil {
		t.Fatal(err)
	}
	sc, err := plan.LoadStack(repoRoot, p, "dev")
	if err != nil {
		t.Fatal(err)
	}
	for key, fields := range edits {
		obj := map[string]any{}
		if err := json.Unmarshal([]byte(sc.Values[key]), &obj); err != nil {
			t.Fatalf("%s: %v", key, err)
		}
		for f, v := range fields {
			obj[f] = v
		}
		b, _ := json.Marshal(obj)
		sc.Values[key] = string(b)
	}
	keys := append([]string(nil), sc.SecretKeys...)
	for k, v := range secrets {
		sc.Values[k] = v
		keys = append(keys, k)
	}
	res, err := plan.Run(plan.Options{Project: p.Name, Stack: "dev", Config: sc.Values, SecretKeys: keys})
	if err != nil {
		t.Fatal(err)
	}
	// Through the file format, as `bidopsai diff` reads it.
	path, err := plan.Write(t.TempDir(), "dev", res.Inventory)
	if err != nil {
		t.Fatal(err)
	}
	inv, err := plandiff.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	return inv
}

func find(d *plandiff.Diff, typ, name string) *plandiff.Change {
	for i, c := range d.Changes {
		if c.Type == typ && c.Name == name {
			return &d.Changes[i]
		}
	}
	return nil
}

// TestDiffOfTwoRealPlans compares the dev plan with the plan of a commit that turns alarms on,
// renames the Cognito domain and changes the ECR retention, and adds a Slack secret.
func TestDiffOfTwoRealPlans(t *testing.T) {
	base := planDev(t, nil, nil)
	head := planDev(t, map[string]map[string]any{
		"bidopsai:alarms":  {"enabled": true, "emails": []string{"ops@example.com"}},
		"bidopsai:cognito": {"domainPrefix": "bidopsai-dev-two"},
		"bidopsai:ecr":     {"keepTaggedImages": 20},
	}, map[string]string{"bidopsai:slackCredentials": slack})

	d, err := plandiff.Compare(base, head)
	if err != nil {
		t.Fatal(err)
	}
	n := d.Counts()
	t.Run("creates_the_alarms_and_their_topic", func(t *testing.T) {
		if c := find(d, "aws:sns/topic:Topic", "bidopsai-dev-alarms"); c == nil || c.Action != plandiff.Create {
			t.Errorf("alarm topic: %+v", c)
		}
		if n[plandiff.Create] < 3 {
			t.Errorf("%d creates, want the topic, its subscription and the alarms", n[plandiff.Create])
		}
	})
	t.Run("replaces_the_domain_when_its_name_changes", func(t *testing.T) {
		c := find(d, "aws:cognito/userPoolDomain:UserPoolDomain", "bidopsai-dev-domain")
		if c == nil || c.Action != plandiff.Replace {
			t.Fatalf("domain: %+v", c)
		}
		if len(c.Props) != 1 || c.Props[0].Path != "domain" || c.Props[0].New != "bidopsai-dev-two" || !c.Props[0].Replaces {
			t.Errorf("domain props: %+v", c.Props)
		}
	})
	t.Run("updates_the_lifecycle_policy_inside_its_json", func(t *testing.T) {
		var hit *plandiff.Prop
		for _, c := range d.Changes {
			if c.Type == "aws:ecr/lifecyclePolicy:LifecyclePolicy" {
				if c.Action != plandiff.Update {
					t.Errorf("%s: %s, want update", c.Name, c.Action)
				}
				for i, p := range c.Props {
					if strings.HasPrefix(p.Path, "policy.rules[") && strings.HasSuffix(p.Path, ".selection.countNumber") {
						hit = &c.Props[i]
					}
				}
			}
		}
		if hit == nil || hit.Old != 10.0 || hit.New != 20.0 {
			t.Errorf("countNumber change not found as a JSON path: %+v", hit)
		}
	})
	t.Run("deletes_nothing", func(t *testing.T) {
		if n[plandiff.Delete] != 0 {
			t.Errorf("%d deletes", n[plandiff.Delete])
		}
	})
	t.Run("reversed_deletes_what_it_created", func(t *testing.T) {
		r, err := plandiff.Compare(head, base)
		if err != nil {
			t.Fatal(err)
		}
		if r.Counts()[plandiff.Delete] != n[plandiff.Create] || r.Counts()[plandiff.Create] != 0 {
			t.Errorf("reversed counts %v, forward %v", r.Counts(), n)
		}
	})
	t.Run("shows_no_secret_in_either_format", func(t *testing.T) {
		for name, out := range map[string]string{"text": d.Text(), "markdown": d.Markdown()} {
			if strings.Contains(out, "xoxb-do-not-print") {
				t.Errorf("%s report shows the secret", name)
			}
		}
	})
	t.Run("markdown_has_the_table_and_the_property_diff", func(t *testing.T) {
		md := d.Markdown()
		for _, want := range []string{"| replace | `bidopsai-dev-domain` |", "(domain changes)",
			"-     domain: \"bidopsai-dev\"", "+     domain: \"bidopsai-dev-two\"", "<details>"} {
			if !strings.Contains(md, want) {
				t.Errorf("markdown lacks %q:\n%s", want, md)
			}
		}
	})
	t.Run("same_plan_has_no_changes", func(t *testing.T) {
		s, err := plandiff.Compare(base, base)
		if err != nil || !s.Empty() || !strings.Contains(s.Text(), "no changes") {
			t.Errorf("diff of a plan with itself: %v\n%s", err, s.Text())
		}
	})
}
