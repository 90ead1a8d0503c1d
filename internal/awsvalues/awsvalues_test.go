package awsvalues

import (
	"strings"
	"testing"
)

func TestValues(t *testing.T) {
	for _, n := range []int{0, 45, 366, -7} {
		if ValidRetention(n) {
			t.Errorf("retention %d accepted", n)
		}
	}
	if !ValidRetention(30) || !ValidRetention(3653) {
		t.Error("a CloudWatch retention value was refused")
	}
	for _, v := range []string{"1.2", "01.2.3", "1.2.3-", "v1.2.3", "latest"} {
		if SemVer.MatchString(v) {
			t.Errorf("version %q accepted", v)
		}
	}
	for ns, want := range map[string]bool{"BidOpsAI/Agents": true, "My App: v2": true, "AWS/Bedrock": false,
		"": false, "a\tb": false} {
		if ValidMetricsNamespace(ns) != want {
			t.Errorf("metrics namespace %q: valid = %v, want %v", ns, !want, want)
		}
	}
	for e, want := range map[string]bool{"ops@bidopsai.com": true, "ops@localhost": false, "ops@": false,
		"Ops <ops@bidopsai.com>": false} {
		if ValidEmail(e) != want {
			t.Errorf("email %q: valid = %v, want %v", e, !want, want)
		}
	}
	if !SemVer.MatchString("2.0.0-rc.1+build.5") || !AccountID.MatchString("123456789012") ||
		KMSKeyARN.MatchString("alias/aws/ecr") {
		t.Error("format checks disagree with their definitions")
	}
}

func TestCanonicalCIDR(t *testing.T) {
	for _, ok := range []string{"10.0.0.0/16", "192.168.0.0/24", "172.16.0.0/12"} {
		if msg := CanonicalCIDR(ok); msg != "" {
			t.Errorf("%s refused: %s", ok, msg)
		}
	}
	for v, want := range map[string]string{
		"10.0.1.0/16": "10.0.0.0/16", "010.0.0.0/16": "leading zeros", "10.0.0.0": "CIDR block",
		"10.0.0.0/33": "CIDR block", "::/0": "IPv4", "10.0.0.0/16/1": "CIDR block", " 10.0.0.0/16": "CIDR block",
		"10.0.0.0/016": "CIDR block",
	} {
		if msg := CanonicalCIDR(v); !strings.Contains(msg, want) {
			t.Errorf("%q: want %q, got %q", v, want, msg)
		}
	}
}

func TestImageTagAndRegion(t *testing.T) {
	if !ValidImageTag(ImageTag("1.2.3-rc.1")) || ValidImageTag(ImageTag("1.2.3+build")) ||
		ValidImageTag(ImageTag(strings.Repeat("1", 128))) {
		t.Fatal("docker tag rule wrong")
	}
	d := "sha256:" + strings.Repeat("ab", 32)
	if !PinnedByDigest("1.dkr.ecr.us-east-1.amazonaws.com/wf@"+d) || PinnedByDigest("wf:"+d) || PinnedByDigest("wf@sha256:AB") {
		t.Fatal("digest pinning rule wrong")
	}
	if !ValidRegion("eu-west-1") || ValidRegion("us-east-9") || ValidRegion("aws-global") {
		t.Fatal("region list wrong")
	}
	for region, want := range map[string]string{"eu-west-1": "aws", "cn-north-1": "aws-cn", "us-gov-west-1": "aws-us-gov"} {
		if got := Partition(region); got != want {
			t.Errorf("Partition(%s) = %s, want %s", region, got, want)
		}
	}
}
