package config

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/bidopsai/bidopsai-infra/components/network"
)

// baseline is a valid prod configuration; each bad-input row changes one key.
func baseline() map[string]string {
	return map[string]string{
		"aws:region":                        "us-east-1",
		"aws:defaultTags":                   `{"tags":{"project":"bidopsai","environment":"prod","stack":"prod","managed-by":"pulumi"}}`,
		"bidopsai:environment":              "prod",
		"bidopsai:logRetentionDays":         "180",
		"bidopsai:protect":                  "true",
		"bidopsai:forceDestroy":             "false",
		"bidopsai:secretRecoveryWindowDays": "30",
		"bidopsai:ecr":                      `{"tagMutability":"IMMUTABLE","keepTaggedImages":10,"keepUntaggedImages":5,"maxImageAgeDays":90}`,
		"bidopsai:cognito":                  `{"mfa":"ON","deletionProtection":true,"domainPrefix":"bidopsai-prod","callbackUrls":["https://app.bidopsai.com/callback"],"logoutUrls":["https://app.bidopsai.com"]}`,
		"bidopsai:cors":                     `{"allowedOrigins":["https://app.bidopsai.com"]}`,
		"bidopsai:kms":                      `{"customerManagedKey":true,"deletionWindowDays":30}`,
		"bidopsai:alarms":                   `{"enabled":true,"errorThreshold":5,"emails":["ops@bidopsai.com"]}`,
		"bidopsai:tracing":                  `{"enabled":true,"samplingRate":0.05}`,
	}
}

func load(values map[string]string, secrets ...string) (*Config, error) {
	return FromMap("bidopsai", "prod", values, secrets)
}

func TestBaselineIsValid(t *testing.T) {
	c, err := load(baseline())
	if err != nil {
		t.Fatal(err)
	}
	if c.Monitoring.LogRetentionDays != 180 || !c.Protect || c.ECR.TagMutability != "IMMUTABLE" || c.Cognito.MFA != "ON" {
		t.Fatalf("unexpected config: %+v", c)
	}
	if len(c.Agents) != 2 || c.Agents[1].ID != "workflow" || c.Agents[1].Platform != "linux/arm64" || c.Settings.Database.Port != 5432 {
		t.Fatalf("defaults not applied: %+v", c)
	}
}

func TestRejectsBadInput(t *testing.T) {
	cases := []struct {
		name, key, value string
		want             []string // substrings the error must contain
	}{
		{"rejects_unknown_environment", "bidopsai:environment", "production", []string{`"bidopsai:environment"`, `"production"`, "dev, staging, prod"}},
		{"rejects_capitalised_environment", "bidopsai:environment", "Prod", []string{`"Prod"`, "dev, staging, prod"}},
		{"rejects_padded_environment", "bidopsai:environment", "prod ", []string{`"prod "`, "spaces"}},
		{"rejects_retention_not_in_cloudwatch_set", "bidopsai:logRetentionDays", "45", []string{`"bidopsai:logRetentionDays"`, `"45"`, "1, 3, 5"}},
		{"rejects_octal_looking_retention", "bidopsai:logRetentionDays", "030", []string{`"030"`, "base-10"}},
		{"rejects_hex_retention", "bidopsai:logRetentionDays", "0x1e", []string{`"0x1e"`, "base-10"}},
		{"rejects_fractional_retention", "bidopsai:logRetentionDays", "30.0", []string{`"30.0"`}},
		{"rejects_negative_retention", "bidopsai:logRetentionDays", "-7", []string{`"-7"`}},
		{"rejects_never_expiring_retention", "bidopsai:logRetentionDays", "0", []string{`"0"`, "3653"}},
		{"rejects_word_retention", "bidopsai:logRetentionDays", "thirty", []string{`"thirty"`}},
		{"rejects_yes_as_boolean", "bidopsai:protect", "yes", []string{`"bidopsai:protect"`, "true or false"}},
		{"rejects_recovery_window_of_one_day", "bidopsai:secretRecoveryWindowDays", "1", []string{`"1"`, "7 and 30"}},
		{"rejects_recovery_window_over_30", "bidopsai:secretRecoveryWindowDays", "31", []string{`"31"`, "7 and 30"}},
		{"rejects_lowercase_tag_mutability", "bidopsai:ecr", `{"tagMutability":"immutable"}`, []string{`"bidopsai:ecr.tagMutability"`, "MUTABLE, IMMUTABLE"}},
		{"rejects_zero_kept_images", "bidopsai:ecr", `{"tagMutability":"IMMUTABLE","keepTaggedImages":0}`, []string{`"bidopsai:ecr.keepTaggedImages"`, "between 1 and 1000"}},
		{"rejects_typo_in_ecr_field", "bidopsai:ecr", `{"tagMutability":"IMMUTABLE","keepTagedImages":3}`, []string{`"bidopsai:ecr.keepTagedImages"`, "unknown field", "keepTaggedImages"}},
		{"rejects_malformed_ecr_json", "bidopsai:ecr", `{"tagMutability":}`, []string{`"bidopsai:ecr"`, "must be an object"}},
		{"rejects_lowercase_mfa", "bidopsai:cognito", `{"mfa":"on","deletionProtection":true,"domainPrefix":"bidopsai-prod"}`, []string{`"bidopsai:cognito.mfa"`, "OFF, OPTIONAL, ON"}},
		{"rejects_http_callback_off_localhost", "bidopsai:cognito", `{"mfa":"ON","deletionProtection":true,"domainPrefix":"bidopsai-prod","callbackUrls":["http://app.bidopsai.com/cb"]}`, []string{`"bidopsai:cognito.callbackUrls[0]"`, "https"}},
		{"rejects_domain_prefix_with_cognito", "bidopsai:cognito", `{"mfa":"ON","deletionProtection":true,"domainPrefix":"my-cognito"}`, []string{`"bidopsai:cognito.domainPrefix"`, "cognito"}},
		{"rejects_missing_domain_prefix", "bidopsai:cognito", `{"mfa":"ON","deletionProtection":true}`, []string{`"bidopsai:cognito.domainPrefix"`, "missing"}},
		{"rejects_wildcard_cors_origin", "bidopsai:cors", `{"allowedOrigins":["*"]}`, []string{`"bidopsai:cors.allowedOrigins[0]"`, "origin"}},
		{"rejects_cors_origin_with_path", "bidopsai:cors", `{"allowedOrigins":["https://app.bidopsai.com/x"]}`, []string{`"bidopsai:cors.allowedOrigins[0]"`}},
		{"rejects_bad_region", "aws:region", "us-east1", []string{`"aws:region"`, `"us-east1"`, "us-east-1"}},
		{"rejects_log_level", "bidopsai:logLevel", "TRACE", []string{`"bidopsai:logLevel"`, "DEBUG, INFO, WARN, ERROR"}},
		{"rejects_v_prefixed_version", "bidopsai:agents", `{"workflow":{"access":"read-write","version":"v1.2.3"}}`, []string{`"bidopsai:agents.workflow.version"`, "SemVer"}},
		{"rejects_two_part_version", "bidopsai:agents", `{"ai-assistant":{"access":"read-only","version":"1.2"}}`, []string{`"bidopsai:agents.ai-assistant.version"`, `"1.2"`}},
		{"rejects_amd64_platform", "bidopsai:agents", `{"workflow":{"access":"read-write","platform":"linux/amd64"}}`, []string{`"bidopsai:agents.workflow.platform"`, "linux/arm64"}},
		{"rejects_context_outside_project", "bidopsai:agents", `{"workflow":{"access":"read-write","context":"../agents"}}`, []string{`"bidopsai:agents.workflow.context"`, ".."}},
		{"rejects_agent_without_access", "bidopsai:agents", `{"planner":{}}`, []string{`"bidopsai:agents.planner.access"`, "read-write, read-only"}},
		{"rejects_unknown_access", "bidopsai:agents", `{"planner":{"access":"admin"}}`, []string{`"bidopsai:agents.planner.access"`, `"admin"`, "read-write, read-only"}},
		{"rejects_camel_case_agent_id", "bidopsai:agents", `{"aiAssistant":{"access":"read-only"}}`, []string{`"bidopsai:agents.aiAssistant"`, "kebab-case"}},
		{"rejects_agent_id_too_long_for_a_runtime_name", "bidopsai:agents", `{"a-very-long-agent-name":{"access":"read-only"}}`, []string{`"bidopsai:agents.a-very-long-agent-name"`, "at most 18"}},
		{"rejects_unknown_agent_field", "bidopsai:agents", `{"planner":{"access":"read-only","role":"admin"}}`, []string{`"bidopsai:agents.planner.role"`, "access, timeoutSeconds"}},
		{"rejects_ids_whose_outputs_collide", "bidopsai:agents", `{"agent-2":{"access":"read-only"},"agent2":{"access":"read-only"}}`, []string{`"bidopsai:agents.agent2"`, "agent2Agent", `"agent-2"`}},
		{"rejects_sub_agent_name_as_agent_id", "bidopsai:agents", `{"parser":{"access":"read-only"}}`, []string{`"bidopsai:agents.parser"`, "sub-agent"}},
		{"rejects_empty_agents", "bidopsai:agents", `{}`, []string{`"bidopsai:agents"`, "at least one agent"}},
		{"rejects_zero_timeout", "bidopsai:agents", `{"planner":{"access":"read-only","timeoutSeconds":0}}`, []string{`"bidopsai:agents.planner.timeoutSeconds"`, "1"}},
		{"rejects_unknown_feature_flag", "bidopsai:featureFlags", `{"aiAsistant":true}`, []string{`"bidopsai:featureFlags.aiAsistant"`, "aiAssistant"}},
		{"rejects_bad_model_id", "bidopsai:models", `{"supervisor":"claude"}`, []string{`"bidopsai:models.supervisor"`, "Bedrock model id"}},
		{"rejects_same_db_users", "bidopsai:database", `{"username":"agent","readOnlyUsername":"agent"}`, []string{`"bidopsai:database.readOnlyUsername"`, "differ"}},
		{"rejects_port_out_of_range", "bidopsai:database", `{"port":70000}`, []string{`"bidopsai:database.port"`, "between 1 and 65535"}},
		{"rejects_transition_without_later_expiry", "bidopsai:storage", `{"processedTransitionToIA":true,"processedExpirationDays":60}`, []string{`"bidopsai:storage.processedExpirationDays"`, "over 90"}},
		{"rejects_mutable_repositories_in_prod", "bidopsai:ecr", `{"tagMutability":"MUTABLE"}`, []string{`"bidopsai:ecr.tagMutability"`, "IMMUTABLE", "prod"}},
		{"rejects_unprotected_prod", "bidopsai:protect", "false", []string{`"bidopsai:protect"`, "must be true", "prod"}},
		{"rejects_tag_environment_mismatch", "aws:defaultTags", `{"tags":{"project":"bidopsai","environment":"dev","managed-by":"pulumi"}}`, []string{`"aws:defaultTags.tags.environment"`, `"dev"`}},
		{"rejects_zero_evaluation_periods", "bidopsai:alarms", `{"enabled":true,"evaluationPeriods":0,"emails":["ops@bidopsai.com"]}`, []string{`"bidopsai:alarms.evaluationPeriods"`, "between 1 and 100"}},
		{"rejects_negative_threshold", "bidopsai:alarms", `{"enabled":true,"errorThreshold":-1,"emails":["ops@bidopsai.com"]}`, []string{`"bidopsai:alarms.errorThreshold"`, "zero or more"}},
		{"rejects_alarm_period_45", "bidopsai:alarms", `{"enabled":true,"periodSeconds":45,"emails":["ops@bidopsai.com"]}`, []string{`"bidopsai:alarms.periodSeconds"`, "multiple of 60"}},
		{"rejects_malformed_email", "bidopsai:alarms", `{"enabled":true,"emails":["ops@"]}`, []string{`"bidopsai:alarms.emails[0]"`, `"ops@"`, "email"}},
		{"rejects_alarms_without_emails", "bidopsai:alarms", `{"enabled":true}`, []string{`"bidopsai:alarms.emails"`, "at least one"}},
		{"rejects_exponent_threshold", "bidopsai:alarms", `{"enabled":true,"errorThreshold":"1e3","emails":["ops@bidopsai.com"]}`, []string{`"bidopsai:alarms.errorThreshold"`, "decimal"}},
		{"rejects_sampling_rate_over_one", "bidopsai:tracing", `{"enabled":true,"samplingRate":1.5}`, []string{`"bidopsai:tracing.samplingRate"`, "at most 1"}},
		{"rejects_full_sampling_in_prod", "bidopsai:tracing", `{"enabled":true,"samplingRate":1}`, []string{`"bidopsai:tracing.samplingRate"`, "below 1"}},
		{"rejects_short_key_deletion_window", "bidopsai:kms", `{"customerManagedKey":true,"deletionWindowDays":3}`, []string{`"bidopsai:kms.deletionWindowDays"`, "between 7 and 30"}},
		{"rejects_prod_without_stack_key", "bidopsai:kms", `{"customerManagedKey":false}`, []string{`"bidopsai:kms.customerManagedKey"`, "prod"}},
		{"rejects_unknown_network_mode", "bidopsai:network", `{"mode":"PRIVATE"}`, []string{`"bidopsai:network.mode"`, "PUBLIC, VPC"}},
		{"rejects_public_vpc_cidr", "bidopsai:network", `{"mode":"VPC","vpcCidr":"8.8.0.0/16"}`, []string{`"bidopsai:network.vpcCidr"`, "private"}},
		{"rejects_unknown_egress", "bidopsai:network", `{"mode":"VPC","egress":"INTERNET"}`, []string{`"bidopsai:network.egress"`, `"INTERNET"`, "NONE, NAT"}},
		{"rejects_nat_count_of_two", "bidopsai:network", `{"mode":"VPC","egress":"NAT","natGateways":2}`, []string{`"bidopsai:network.natGateways"`, `"2"`, "1, PER_AZ"}},
		{"rejects_nat_egress_in_public_mode", "bidopsai:network", `{"mode":"PUBLIC","egress":"NAT"}`, []string{`"bidopsai:network.egress"`, "network.mode VPC"}},
		{"rejects_vpc_cidr_too_small_for_endpoints", "bidopsai:network", `{"mode":"VPC","vpcCidr":"10.0.0.0/24"}`, []string{`"bidopsai:network.vpcCidr"`, "/16 and /22"}},
		{"rejects_vpc_cidr_with_host_bits", "bidopsai:network", `{"mode":"VPC","vpcCidr":"10.0.0.1/16"}`, []string{`"bidopsai:network.vpcCidr"`, "10.0.0.0/16"}},
		{"rejects_four_zones", "bidopsai:network", `{"mode":"VPC","availabilityZones":4}`, []string{`"bidopsai:network.availabilityZones"`, "between 2 and 3"}},
		{"rejects_database_cidr_of_whole_internet", "bidopsai:network", `{"mode":"VPC","databaseCidr":"0.0.0.0/0"}`, []string{`"bidopsai:network.databaseCidr"`, "/8 or narrower"}},
		{"rejects_database_cidr_in_public_mode", "bidopsai:network", `{"mode":"PUBLIC","databaseCidr":"10.1.2.0/24"}`, []string{`"bidopsai:network.databaseCidr"`, "network.mode VPC"}},
		{"rejects_database_host_name_as_cidr", "bidopsai:network", `{"mode":"VPC","databaseCidr":"db.internal"}`, []string{`"bidopsai:network.databaseCidr"`, "IPv4 CIDR"}},
		{"rejects_idle_timeout_over_lifetime", "bidopsai:runtime", `{"idleTimeoutSeconds":3600,"maxLifetimeSeconds":600}`, []string{`"bidopsai:runtime.idleTimeoutSeconds"`, "maxLifetimeSeconds"}},
		{"rejects_unknown_protocol", "bidopsai:runtime", `{"protocol":"GRPC"}`, []string{`"bidopsai:runtime.protocol"`, "HTTP, MCP, A2A"}},
		{"rejects_production_stage", "bidopsai:dataAutomation", `{"stage":"PRODUCTION"}`, []string{`"bidopsai:dataAutomation.stage"`, "DEVELOPMENT, LIVE"}},
		{"rejects_missing_managed_by_tag", "aws:defaultTags", `{"tags":{"project":"bidopsai","environment":"prod"}}`, []string{`"aws:defaultTags.tags.managed-by"`}},
		{"rejects_negative_budget_limit", "bidopsai:budget", `{"monthlyLimitUsd":-5,"emails":["ops@bidopsai.com"]}`, []string{`"bidopsai:budget.monthlyLimitUsd"`, `"-5"`, "zero or more"}},
		{"rejects_budget_threshold_over_100", "bidopsai:budget", `{"monthlyLimitUsd":1500,"thresholds":[80,120],"emails":["ops@bidopsai.com"]}`, []string{`"bidopsai:budget.thresholds[1]"`, `"120"`, "between 1 and 100"}},
		{"rejects_zero_budget_threshold", "bidopsai:budget", `{"monthlyLimitUsd":1500,"thresholds":[0],"emails":["ops@bidopsai.com"]}`, []string{`"bidopsai:budget.thresholds[0]"`, `"0"`, "between 1 and 100"}},
		{"rejects_fractional_budget_threshold", "bidopsai:budget", `{"monthlyLimitUsd":1500,"thresholds":[80.5],"emails":["ops@bidopsai.com"]}`, []string{`"bidopsai:budget.thresholds[0]"`, `"80.5"`, "base-10"}},
		{"rejects_budget_thresholds_not_a_list", "bidopsai:budget", `{"monthlyLimitUsd":1500,"thresholds":80,"emails":["ops@bidopsai.com"]}`, []string{`"bidopsai:budget.thresholds"`, "list of whole numbers"}},
		{"rejects_repeated_budget_threshold", "bidopsai:budget", `{"monthlyLimitUsd":1500,"thresholds":[80,80],"emails":["ops@bidopsai.com"]}`, []string{`"bidopsai:budget.thresholds[1]"`, "80", "distinct"}},
		{"rejects_six_budget_thresholds", "bidopsai:budget", `{"monthlyLimitUsd":1500,"thresholds":[10,20,30,40,50,60],"emails":["ops@bidopsai.com"]}`, []string{`"bidopsai:budget.thresholds"`, "1 to 5"}},
		{"rejects_malformed_budget_email", "bidopsai:budget", `{"monthlyLimitUsd":1500,"emails":["ops@bidopsai"]}`, []string{`"bidopsai:budget.emails[0]"`, `"ops@bidopsai"`, "email"}},
		{"rejects_budget_without_emails", "bidopsai:budget", `{"monthlyLimitUsd":1500}`, []string{`"bidopsai:budget.emails"`, "at least one", "monthlyLimitUsd"}},
		{"rejects_unknown_budget_field", "bidopsai:budget", `{"limitUsd":1500}`, []string{`"bidopsai:budget.limitUsd"`, "unknown field", "emails, monthlyLimitUsd, thresholds"}},
		{"rejects_negative_sessions_per_day", "bidopsai:costAssumptions", `{"sessionsPerDay":-1}`, []string{`"bidopsai:costAssumptions.sessionsPerDay"`, `"-1"`, "zero or more"}},
		{"rejects_word_as_token_count", "bidopsai:costAssumptions", `{"inputTokensPerSession":"many"}`, []string{`"bidopsai:costAssumptions.inputTokensPerSession"`, `"many"`, "decimal number"}},
		{"rejects_typo_in_cost_assumption", "bidopsai:costAssumptions", `{"sessionPerDay":10}`, []string{`"bidopsai:costAssumptions.sessionPerDay"`, "unknown field", "sessionsPerDay"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			v := baseline()
			v[tc.key] = tc.value
			_, err := load(v)
			if err == nil {
				t.Fatalf("%s=%s accepted", tc.key, tc.value)
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error lacks %q:\n%v", w, err)
				}
			}
		})
	}
}

func TestRejectsMissingRequiredKeys(t *testing.T) {
	for _, key := range []string{"bidopsai:environment", "aws:region", "aws:defaultTags"} {
		t.Run("rejects_missing_"+key, func(t *testing.T) {
			v := baseline()
			delete(v, key)
			_, err := load(v)
			if err == nil || !strings.Contains(err.Error(), `"`+key+`"`) || !strings.Contains(err.Error(), "missing") {
				t.Fatalf("want a missing-key error naming %s, got %v", key, err)
			}
		})
	}
}

func TestReportsEveryProblemAtOnce(t *testing.T) {
	v := baseline()
	v["bidopsai:logRetentionDays"] = "45"
	v["bidopsai:environment"] = "qa"
	v["aws:region"] = "mars"
	_, err := load(v)
	if err == nil {
		t.Fatal("accepted")
	}
	for _, k := range []string{"logRetentionDays", "environment", "aws:region"} {
		if !strings.Contains(err.Error(), k) {
			t.Errorf("error does not mention %s:\n%v", k, err)
		}
	}
}

func TestSecretKeys(t *testing.T) {
	const slack = `{"bot_token":"xoxb-very-secret","signing_secret":"s3cr3t-sign","app_token":"xapp-1","workspace_id":"T1"}`
	t.Run("refuses_plaintext_secret_with_how_to", func(t *testing.T) {
		v := baseline()
		v["bidopsai:slackCredentials"] = slack
		_, err := load(v)
		if err == nil || !strings.Contains(err.Error(), "pulumi config set --secret bidopsai:slackCredentials") {
			t.Fatalf("want a how-to-set-as-secret error, got %v", err)
		}
		if strings.Contains(err.Error(), "xoxb-very-secret") {
			t.Fatal("error leaks the secret value")
		}
	})
	t.Run("accepts_secret_and_keeps_it_secret", func(t *testing.T) {
		v := baseline()
		v["bidopsai:slackCredentials"] = slack
		c, err := load(v, "bidopsai:slackCredentials")
		if err != nil {
			t.Fatal(err)
		}
		if c.Secrets.SlackCredentials == nil || c.Secrets.LangfuseCredentials != nil {
			t.Fatalf("secrets not read as expected: %+v", c.Secrets)
		}
	})
	t.Run("redacts_malformed_secret", func(t *testing.T) {
		v := baseline()
		v["bidopsai:slackCredentials"] = `{"bot_token":"xoxb-very-secret"}`
		_, err := load(v, "bidopsai:slackCredentials")
		if err == nil || strings.Contains(err.Error(), "xoxb-very-secret") || !strings.Contains(err.Error(), "[secret]") {
			t.Fatalf("want a redacted shape error, got %v", err)
		}
	})
	t.Run("treats_declared_empty_default_as_unset", func(t *testing.T) {
		v := baseline()
		v["bidopsai:databasePassword"] = ""
		c, err := load(v)
		if err != nil || c.Secrets.DatabasePassword != nil {
			t.Fatalf("want unset, got %v %+v", err, c)
		}
	})
}

func TestNetworkReadsPrivateModeWithNAT(t *testing.T) {
	v := baseline()
	v["bidopsai:network"] = `{"mode":"VPC","egress":"NAT","natGateways":"PER_AZ","vpcCidr":"10.20.0.0/16","availabilityZones":3,"databaseCidr":"10.1.2.0/24"}`
	c, err := load(v)
	if err != nil {
		t.Fatal(err)
	}
	n := c.Network
	if !c.PrivateNetwork() || n.Egress != network.EgressNAT || n.NATGateways != network.NATPerAZ || n.CIDR != "10.20.0.0/16" ||
		n.AvailabilityZones != 3 || n.DatabaseCIDR != "10.1.2.0/24" || n.DatabasePort != 5432 {
		t.Fatalf("network = %+v, private %v", n, c.PrivateNetwork())
	}
	v["bidopsai:network"] = `{"mode":"VPC"}`
	if c, err = load(v); err != nil || c.Network.Egress != network.EgressNone || c.Network.NATGateways != network.NATSingle {
		t.Fatalf("defaults: %+v, %v", c.Network, err)
	}
}

func TestAgentsAreData(t *testing.T) {
	v := baseline()
	v["bidopsai:agents"] = `{"workflow":{"access":"read-write"},"researcher":{"access":"read-only","timeoutSeconds":60},` +
		`"ai-assistant":{"access":"read-only","timeoutSeconds":180}}`
	c, err := load(v)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, a := range c.Agents {
		got = append(got, a.ID+":"+string(a.Access)+":"+strconv.Itoa(a.TimeoutSeconds)+":"+a.Version)
	}
	want := []string{"ai-assistant:read-only:180:1.0.0", "researcher:read-only:60:1.0.0", "workflow:read-write:300:1.0.0"}
	if !slices.Equal(got, want) {
		t.Fatalf("agents %v, want %v (sorted by id, defaults applied)", got, want)
	}
}

// aws:region is read by the core and by every tier whose Args take it: one bad value is one
// problem in the message, not one per reader.
func TestAKeyReadByManyTiersIsReportedOnce(t *testing.T) {
	v := baseline()
	v["aws:region"] = "us-east-9"
	_, err := load(v)
	if err == nil {
		t.Fatal("us-east-9 accepted")
	}
	if n := strings.Count(err.Error(), `config "aws:region"`); n != 1 {
		t.Errorf("aws:region reported %d times:\n%s", n, err)
	}
}
