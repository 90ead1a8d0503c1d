package awsvalues

import "testing"

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
	if !SemVer.MatchString("2.0.0-rc.1+build.5") || !AccountID.MatchString("123456789012") ||
		KMSKeyARN.MatchString("alias/aws/ecr") {
		t.Error("format checks disagree with their definitions")
	}
}
