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

// A row of Exports whose From names an output the component does not register is refused
// (a renamed output field would otherwise drop the stack output silently).
func TestExportFromRefusesARowTheComponentDoesNotOutput(t *testing.T) {
	type pool struct {
		pulumi.ResourceState
		UserPoolID pulumi.StringOutput `pulumi:"userPoolId"`
	}
	saved := Exports
	t.Cleanup(func() { Exports = saved })
	Exports = []Export{{Name: "userPoolId", From: "identity.userPoolId"}, {Name: "userPoolArn", From: "identity.userPoolArn"}}
	b := &builder{out: Outputs{}}
	p := &pool{UserPoolID: pulumi.String("pool").ToStringOutput()}
	err := b.run(func() error { b.exportFrom("identity", p, ""); return nil })
	if err == nil || !strings.Contains(err.Error(), `"userPoolArn" comes from identity.userPoolArn`) {
		t.Fatalf("err = %v", err)
	}
	if _, ok := b.out["userPoolId"]; !ok {
		t.Error("the output the component does register was not exported")
	}
}
