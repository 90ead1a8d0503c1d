package observability

import (
	"strconv"
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

func TestLogGroups(t *testing.T) {
	t.Run("creates_the_three_fixed_names_of_the_environment", func(t *testing.T) {
		args := validArgs()
		args.Stack = "staging"
		var got []string
		var runtimeGroups []string
		for _, r := range monitoring.MustRun(t, args).ByType(tLogGroup) {
			if n := inputs(r)["name"].(string); strings.HasPrefix(n, "/aws/bedrock-agentcore/runtimes/") {
				runtimeGroups = append(runtimeGroups, n)
			} else {
				got = append(got, n)
			}
		}
		want := []string{"/bidopsai/staging/agents/ai-assistant", "/bidopsai/staging/system", "/bidopsai/staging/agents/workflow"}
		wantRuntime := []string{"/aws/bedrock-agentcore/runtimes/bidopsai_dev_workflow-abc123-DEFAULT",
			"/aws/bedrock-agentcore/runtimes/bidopsai_dev_ai_assistant-def456-DEFAULT"}
		if !sameSet(runtimeGroups, wantRuntime) {
			t.Errorf("runtime log groups %v, want %v (each runtime's DEFAULT endpoint)", runtimeGroups, wantRuntime)
		}
		if !sameSet(got, want) {
			t.Fatalf("log groups %v, want %v", got, want)
		}
	})
	for _, days := range []int{7, 180, 3653} {
		t.Run("sets_retention_"+strconv.Itoa(days)+"_on_every_log_group", func(t *testing.T) {
			args := validArgs()
			args.LogRetentionDays = days
			for _, r := range monitoring.MustRun(t, args).ByType(tLogGroup) {
				if got := inputs(r)["retentionInDays"]; got != float64(days) {
					t.Errorf("%s: retentionInDays %v, want %d", r.Name, got, days)
				}
			}
		})
	}
	t.Run("encrypts_every_log_group_with_the_given_key", func(t *testing.T) {
		args := validArgs()
		args.KMSKeyArn = pulumi.String(testKey)
		for _, r := range monitoring.MustRun(t, args).ByType(tLogGroup) {
			if got := inputs(r)["kmsKeyId"]; got != testKey {
				t.Errorf("%s: kmsKeyId %v, want %s", r.Name, got, testKey)
			}
		}
	})
	t.Run("leaves_kms_unset_without_a_key", func(t *testing.T) {
		for _, r := range monitoring.MustRun(t, validArgs()).ByType(tLogGroup) {
			if _, ok := inputs(r)["kmsKeyId"]; ok {
				t.Errorf("%s: kmsKeyId set without a key", r.Name)
			}
		}
	})
	for _, on := range []bool{true, false} {
		t.Run(map[bool]string{true: "protects_and_retains_only_the_log_groups_when_protect_is_true",
			false: "protects_nothing_when_protect_is_false"}[on], func(t *testing.T) {
			args := validArgs()
			args.Protect = on
			for _, r := range monitoring.MustRun(t, args).Resources() {
				retain := on && r.Type == tLogGroup
				// A runtime's group is named after the runtime id: protecting it would block
				// replacing the runtime, so it is only retained.
				protect := retain && !strings.HasSuffix(r.Name, "-runtime-logs")
				if r.Protect != protect || r.RetainOnDelete != retain {
					t.Errorf("%s %q: protect=%v retain=%v, want %v/%v", r.Type, r.Name, r.Protect, r.RetainOnDelete, protect, retain)
				}
			}
		})
	}
}

func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	seen := map[string]int{}
	for _, s := range a {
		seen[s]++
	}
	for _, s := range b {
		seen[s]--
	}
	for _, n := range seen {
		if n != 0 {
			return false
		}
	}
	return true
}
