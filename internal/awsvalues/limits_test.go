package awsvalues

import (
	"fmt"
	"strings"
	"testing"
)

func vars(n int) map[string]string {
	m := map[string]string{}
	for i := range n {
		m[fmt.Sprintf("V%02d", i)] = "x"
	}
	return m
}

// Each limit is checked on both sides of its boundary, so an off-by-one against the model
// fails here.
func TestBoundaries(t *testing.T) {
	t.Parallel()
	ecr := "123456789012.dkr.ecr.us-east-1.amazonaws.com/"
	cases := []struct {
		name      string
		ok, notOK string // the problem text for a value just inside and just outside
	}{
		{"description_4096", RuntimeDescriptionProblem(strings.Repeat("d", 4096)), RuntimeDescriptionProblem(strings.Repeat("d", 4097))},
		{"description_not_empty_when_sent", RuntimeDescriptionProblem("d"), RuntimeDescriptionProblem("")},
		{"project_description_300", ProjectDescriptionProblem(strings.Repeat("d", 300)), ProjectDescriptionProblem(strings.Repeat("d", 301))},
		{"session_min_60", SessionSecondsProblem(60), SessionSecondsProblem(59)},
		{"session_max_28800", SessionSecondsProblem(28800), SessionSecondsProblem(28801)},
		{"idle_up_to_max_lifetime", LifecycleOrderProblem(900, 900), LifecycleOrderProblem(901, 900)},
		{"client_token_33", ClientTokenProblem(strings.Repeat("a", 33)), ClientTokenProblem(strings.Repeat("a", 32))},
		{"client_token_256", ClientTokenProblem(strings.Repeat("a", 256)), ClientTokenProblem(strings.Repeat("a", 257))},
		{"client_token_hyphens_inside", ClientTokenProblem("a--" + strings.Repeat("b", 40)), ClientTokenProblem(strings.Repeat("b", 40) + "-")},
		{"env_50_variables", strings.Join(EnvironmentProblems(vars(50)), ""), strings.Join(EnvironmentProblems(vars(51)), "")},
		{"env_name_100", strings.Join(EnvironmentProblems(map[string]string{strings.Repeat("N", 100): ""}), ""),
			strings.Join(EnvironmentProblems(map[string]string{strings.Repeat("N", 101): ""}), "")},
		{"env_value_5000", strings.Join(EnvironmentProblems(map[string]string{"V": strings.Repeat("v", 5000)}), ""),
			strings.Join(EnvironmentProblems(map[string]string{"V": strings.Repeat("v", 5001)}), "")},
		{"image_uri_1024", ContainerURIProblem(ecr + strings.Repeat("a", 1024-len(ecr))), ContainerURIProblem(ecr + strings.Repeat("a", 1025-len(ecr)))},
		{"image_in_ecr_public", ContainerURIProblem("public.ecr.aws/bidopsai/agent:1.0"), ContainerURIProblem("ghcr.io/bidopsai/agent:1.0")},
		{"runtime_name_48", RuntimeNameProblem("a" + strings.Repeat("b", 47)), RuntimeNameProblem("a" + strings.Repeat("b", 48))},
		{"agentcore_tags_50", strings.Join(AgentCoreTags.Problems(vars(50), 0), ""), strings.Join(AgentCoreTags.Problems(vars(50), 1), "")},
		{"agentcore_tag_value_ascii", strings.Join(AgentCoreTags.Problems(map[string]string{"k": "a b_.:/=+@-"}, 0), ""),
			strings.Join(AgentCoreTags.Problems(map[string]string{"k": "é"}, 0), "")},
		{"bda_tags_200", strings.Join(DataAutomationTags.Problems(vars(200), 0), ""), strings.Join(DataAutomationTags.Problems(vars(201), 0), "")},
		{"aws_prefix_reserved", strings.Join(DataAutomationTags.Problems(map[string]string{"awsx": ""}, 0), ""),
			strings.Join(DataAutomationTags.Problems(map[string]string{"AWS:x": ""}, 0), "")},
		{"subnets_16", SubnetsProblem(ids("subnet-0123456789abcdef", 16)), SubnetsProblem(ids("subnet-0123456789abcdef", 17))},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if tc.ok != "" || tc.notOK == "" {
				t.Fatalf("inside the limit: %q (want none); outside: %q (want a problem)", tc.ok, tc.notOK)
			}
		})
	}
}

func ids(prefix string, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = prefix
	}
	return out
}
