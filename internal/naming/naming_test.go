package naming

import "testing"

func TestRuntimeName(t *testing.T) {
	cases := []struct{ env, agent, want string }{
		{"dev", "workflow", "bidopsai_dev_workflow"},
		{"prod", "ai-assistant", "bidopsai_prod_ai_assistant"},
	}
	for _, c := range cases {
		got, err := RuntimeName(c.env, c.agent)
		if err != nil || got != c.want {
			t.Errorf("RuntimeName(%q,%q) = %q, %v; want %q", c.env, c.agent, got, err, c.want)
		}
	}
	t.Run("rejects_names_over_48_characters", func(t *testing.T) {
		if _, err := RuntimeName("dev", "a-very-long-agent-name-that-does-not-fit-anywhere"); err == nil {
			t.Fatal("accepted a 61-character runtime name")
		}
	})
	t.Run("rejects_characters_the_api_refuses", func(t *testing.T) {
		if _, err := RuntimeName("dev", "work.flow"); err == nil {
			t.Fatal("accepted a dot")
		}
	})
}

func TestLogGroups(t *testing.T) {
	if n, _ := AgentLogGroup("staging", "ai-assistant"); n != "/bidopsai/staging/agents/ai-assistant" {
		t.Errorf("agent log group %q", n)
	}
	if n, _ := SystemLogGroup("prod"); n != "/bidopsai/prod/system" {
		t.Errorf("system log group %q", n)
	}
	if _, err := AgentLogGroup("dev", "work flow"); err == nil {
		t.Error("accepted a space in a log group name")
	}
}

func TestAgentIDPattern(t *testing.T) {
	for _, id := range []string{"workflow", "ai-assistant", "researcher2", "a-b-c"} {
		if !AgentIDPattern.MatchString(id) {
			t.Errorf("refused agent id %q", id)
		}
	}
	for _, id := range []string{"", "aiAssistant", "ai_assistant", "-ai", "ai-", "ai--assistant", "2nd", "AI"} {
		if AgentIDPattern.MatchString(id) {
			t.Errorf("accepted agent id %q", id)
		}
	}
}
