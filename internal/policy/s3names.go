package policy

import (
	"strings"

	"github.com/bidopsai/bidopsai-infra/internal/inventory"
)

// Bucket-name rules of AWS's general purpose bucket naming rules, plus our ban on dots (AWS-0320),
// which also rules out names formatted as IP addresses.
var (
	badBucketPrefixes = []string{"xn--", "sthree-", "amzn-s3-demo-"}
	badBucketSuffixes = []string{"-s3alias", "--ol-s3", ".mrap", "--x-s3"}
)

func checkBucketName(_ *View, r inventory.Resource) Finding {
	name, prefix := in(r, "bucket"), in(r, "bucketPrefix")
	switch {
	case name.found:
		return name.unknownOr(func() Finding {
			s, _ := name.str()
			return bucketName("bucket", s, 3, 63, true)
		})
	case prefix.found:
		return prefix.unknownOr(func() Finding {
			s, _ := prefix.str()
			return bucketName("bucketPrefix", s, 1, 37, false)
		})
	}
	// Auto-named: the logical name plus "-" and seven characters.
	return bucketName("logical name (auto-named)", r.Name+"-abcdefg", 3, 63, true)
}

func bucketName(what, s string, minLen, maxLen int, whole bool) Finding {
	bad := func(why string) Finding { return fail("%s %q %s", what, s, why) }
	switch {
	case len(s) < minLen || len(s) > maxLen:
		return bad("must be " + itoa(minLen) + "-" + itoa(maxLen) + " characters (auto-named: logical name at most 55)")
	case strings.Contains(s, "."):
		return bad("has a dot; bucket names here have none (virtual-host TLS, AWS-0320)")
	case strings.Trim(s, "abcdefghijklmnopqrstuvwxyz0123456789-") != "":
		return bad("may hold only lowercase letters, digits and hyphens")
	case !alnum(s[0]) || (whole && !alnum(s[len(s)-1])):
		return bad("must start and end with a letter or digit")
	}
	for _, p := range badBucketPrefixes {
		if strings.HasPrefix(s, p) {
			return bad("starts with the reserved prefix " + p)
		}
	}
	for _, p := range badBucketSuffixes {
		if whole && strings.HasSuffix(s, p) {
			return bad("ends with the reserved suffix " + p)
		}
	}
	return pass()
}

func alnum(c byte) bool { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') }
