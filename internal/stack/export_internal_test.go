package stack

import (
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

func TestExportRefusesANameWithNoRow(t *testing.T) {
	b := &builder{out: Outputs{}}
	err := b.run(func() error {
		b.export(map[string]pulumi.Input{
			"userPoolId": pulumi.String("pool"), "thirdAgentRuntimeArn": pulumi.String("arn"),
			"secretSauce": pulumi.String("x"),
		})
		return nil
	}, func() error {
		t.Error("a tier after the refused export was built")
		return nil
	})
	if err == nil || !strings.Contains(err.Error(), `"secretSauce" has no row`) || !strings.Contains(err.Error(), "internal/stack/outputs.go") {
		t.Fatalf("err = %v, want the undocumented name and where to document it", err)
	}
	if _, ok := b.out["secretSauce"]; ok {
		t.Error("the undocumented output was exported")
	}
}

func TestLookupExportMatchesPerAgentRowsBySuffix(t *testing.T) {
	for name, want := range map[string]string{
		"userPoolId":                  "userPoolId",
		"systemLogGroupName":          "systemLogGroupName", // its own row wins over <agent>LogGroupName
		"workflowAgentLogGroupName":   AgentPlaceholder + "LogGroupName",
		"researcherRuntimeArn":        AgentPlaceholder + "RuntimeArn", // any agent's prefix
		"aiAssistantAgentImageDigest": AgentPlaceholder + "ImageDigest",
		"RuntimeArn":                  "", // no agent prefix
		"ai-assistantRuntimeArn":      "", // not camelCase
		"userPoolSecret":              "",
	} {
		t.Run(name, func(t *testing.T) {
			e, ok := LookupExport(name)
			if ok != (want != "") || e.Name != want {
				t.Errorf("LookupExport(%q) = %q, %v; want %q", name, e.Name, ok, want)
			}
		})
	}
}

func TestExportRefusesANameExportedTwice(t *testing.T) {
	b := &builder{out: Outputs{}}
	first := pulumi.String("first")
	err := b.run(func() error {
		b.export(map[string]pulumi.Input{"userPoolId": first})
		return nil
	}, func() error {
		b.export(map[string]pulumi.Input{"userPoolId": pulumi.String("second")})
		return nil
	})
	if err == nil || !strings.Contains(err.Error(), `"userPoolId" is exported twice`) {
		t.Fatalf("err = %v, want the name exported twice", err)
	}
	if b.out["userPoolId"] != first {
		t.Error("the second export replaced the first")
	}
}
