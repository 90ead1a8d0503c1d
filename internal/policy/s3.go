package policy

import (
	"strings"

	"github.com/bidopsai/bidopsai-infra/internal/inventory"
)

// s3Rules are §1.2 of the rules file. SR-S3-12 (Object Lock, MFA delete) is X everywhere, so it
// has no check. Content rules are judged on the attachment resource that holds the setting;
// "every bucket has one" is judged on the bucket and needs the whole inventory.
var s3Rules = []Rule{
	{ID: "SR-S3-1", Description: "every bucket has a public access block with all four flags true",
		Types: []string{typeBucket, typePublicAccessBlock}, Levels: mmm, Check: checkPublicAccessBlock},
	{ID: "SR-S3-2", Description: "bucket ACLs are disabled (BucketOwnerEnforced) and never public",
		Types: []string{typeBucket, typeOwnership, typeBucketACL}, Levels: mmm, Check: checkACLs},
	{ID: "SR-S3-3", Description: "every bucket policy denies requests without TLS (aws:SecureTransport=false)",
		Types: []string{typeBucket, typeBucketPolicy}, Levels: mmm, Check: checkTLSOnly},
	{ID: "SR-S3-4", Description: "bucket policies grant nothing to \"*\", use no NotPrincipal, allow no \"*\" action and lock nobody out",
		Types: []string{typeBucketPolicy}, Levels: mmm, Check: checkBucketPolicyGrants},
	{ID: "SR-S3-5", Description: "buckets default to SSE-KMS with a customer-managed key and an S3 Bucket Key",
		Types: []string{typeBucket, typeEncryption}, Levels: amm, Check: checkBucketKMS},
	{ID: "SR-S3-6", Description: "buckets have versioning Enabled",
		Types: []string{typeBucket, typeVersioning}, Levels: amm, Check: checkVersioning},
	{ID: "SR-S3-7", Description: "buckets log server access to the access-log bucket",
		Types: []string{typeBucket, typeLogging}, Levels: amm, Check: checkAccessLogging},
	{ID: "SR-S3-8", Description: "buckets have a lifecycle that aborts incomplete multipart uploads and, when versioned, expires noncurrent versions",
		Types: []string{typeBucket, typeLifecycle}, Levels: mmm, Check: checkBucketLifecycle},
	{ID: "SR-S3-9", Description: "bucket names are DNS-compliant and have no dots",
		Types: []string{typeBucket}, Levels: mmm, Check: checkBucketName},
	{ID: "SR-S3-10", Description: "buckets the pipeline reads have event notifications",
		Types: []string{typeBucket}, Levels: xaa, Check: func(v *View, r inventory.Resource) Finding {
			_, f := v.needsOne(r, typeNotification, "bucket", "s3.BucketNotification")
			return f
		}},
	{ID: "SR-S3-11", Description: "buckets replicate to another region (a DR decision)",
		Types: []string{typeBucket}, Levels: xaa, Check: func(v *View, r inventory.Resource) Finding {
			_, f := v.needsOne(r, typeReplication, "bucket", "s3.BucketReplicationConfig")
			return f
		}},
	{ID: "SR-S3-13", Description: "buckets have forceDestroy false and are protected",
		Types: []string{typeBucket}, Levels: xmm, Check: func(v *View, r inventory.Resource) Finding {
			return all(wantBoolDefault(r, "forceDestroy", false, false), protected(v, r))
		}},
}

func checkPublicAccessBlock(v *View, r inventory.Resource) Finding {
	if r.Type == typeBucket {
		_, f := v.needsOne(r, typePublicAccessBlock, "bucket", "s3.BucketPublicAccessBlock")
		return f
	}
	var parts []Finding
	for _, flag := range []string{"blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"} {
		parts = append(parts, wantBool(r, flag, true))
	}
	return all(parts...)
}

// publicACLs are the canned ACLs that open a bucket.
var publicACLs = map[string]bool{"public-read": true, "public-read-write": true, "authenticated-read": true}

func checkACLs(v *View, r inventory.Resource) Finding {
	switch r.Type {
	case typeOwnership:
		return wantString(r, "rule.objectOwnership", "BucketOwnerEnforced")
	case typeBucketACL:
		return notPublicACL(r, "acl")
	}
	_, f := v.needsOne(r, typeOwnership, "bucket", "s3.BucketOwnershipControls (BucketOwnerEnforced)")
	return all(f, notPublicACL(r, "acl"))
}

func notPublicACL(r inventory.Resource, path string) Finding {
	i := in(r, path)
	if !i.found {
		return pass()
	}
	return i.unknownOr(func() Finding {
		if s, _ := i.str(); publicACLs[s] {
			return fail("%s is %s, a public ACL", path, i.show())
		}
		return pass()
	})
}

func checkTLSOnly(v *View, r inventory.Resource) Finding {
	if r.Type == typeBucket {
		_, f := v.needsOne(r, typeBucketPolicy, "bucket", "bucket policy (it must deny aws:SecureTransport=false)")
		return f
	}
	doc, f, ok := readDocument(r, "policy")
	if !ok {
		return f
	}
	for _, s := range doc.Statements {
		vals, has := s.cond("aws:SecureTransport", "Bool")
		if !s.Allow && s.Principal.Any && has && len(vals) == 1 && strings.EqualFold(vals[0], "false") {
			return pass()
		}
	}
	return fail("policy has no Deny for Principal \"*\" with Condition Bool aws:SecureTransport = false")
}

func checkBucketPolicyGrants(_ *View, r inventory.Resource) Finding {
	doc, f, ok := readDocument(r, "policy")
	if !ok {
		return f
	}
	var parts []Finding
	for _, s := range doc.Statements {
		switch {
		case s.NotPrincipal:
			parts = append(parts, fail("statement %q uses NotPrincipal", s.Sid))
		case s.Allow && s.Principal.Any:
			parts = append(parts, fail("statement %q allows Principal \"*\"", s.Sid))
		case s.Allow && (s.allows("s3:*") || s.NotAction):
			parts = append(parts, fail("statement %q allows every S3 action", s.Sid))
		case !s.Allow && s.Principal.Any && fullS3(s) && len(s.Condition) == 0:
			parts = append(parts, fail("statement %q denies every action to everyone without a condition, locking the bucket", s.Sid))
		}
	}
	return all(append(parts, pass())...)
}

// fullS3 is true when a statement's actions include s3:* or *.
func fullS3(s statement) bool {
	for _, a := range s.Actions {
		if a == "*" || strings.EqualFold(a, "s3:*") {
			return true
		}
	}
	return false
}

func checkBucketKMS(v *View, r inventory.Resource) Finding {
	if r.Type == typeBucket {
		_, f := v.needsOne(r, typeEncryption, "bucket", "default-encryption configuration (SSE-KMS)")
		return f
	}
	rules := in(r, "rules")
	list, _ := rules.list()
	if rules.unknown {
		return unknown("rules")
	}
	if len(list) == 0 {
		return fail("rules is empty")
	}
	var parts []Finding
	for n := range list {
		p := "rules." + itoa(n)
		parts = append(parts, wantString(r, p+".applyServerSideEncryptionByDefault.sseAlgorithm", "aws:kms", "aws:kms:dsse"),
			customerKey(r, p+".applyServerSideEncryptionByDefault.kmsMasterKeyId"),
			wantBool(r, p+".bucketKeyEnabled", true))
	}
	return all(parts...)
}

func checkVersioning(v *View, r inventory.Resource) Finding {
	if r.Type == typeBucket {
		_, f := v.needsOne(r, typeVersioning, "bucket", "s3.BucketVersioningV2")
		return f
	}
	return wantString(r, "versioningConfiguration.status", "Enabled")
}

func checkAccessLogging(v *View, r inventory.Resource) Finding {
	if r.Type == typeBucket {
		_, f := v.needsOne(r, typeLogging, "bucket", "s3.BucketLoggingV2 (server access logging)")
		return f
	}
	dst := in(r, "targetBucket")
	if dst.unknown {
		return unknown("targetBucket")
	}
	t, ok := dst.str()
	src, _ := in(r, "bucket").str()
	switch {
	case !ok || t == "":
		return fail("targetBucket is %s", dst.show())
	case t == src:
		return fail("bucket %q logs to itself; send access logs to the access-log bucket", t)
	}
	return pass()
}

func checkBucketLifecycle(v *View, r inventory.Resource) Finding {
	if r.Type == typeLifecycle {
		return lifecycleHas(r, "abortIncompleteMultipartUpload.daysAfterInitiation",
			"no Enabled rule aborts incomplete multipart uploads (abortIncompleteMultipartUpload)")
	}
	lcs, f := v.needsOne(r, typeLifecycle, "bucket", "s3.BucketLifecycleConfigurationV2")
	if f.Status != Pass {
		return f
	}
	vers, _ := v.attached(r, typeVersioning, "bucket")
	for _, ver := range vers {
		st := in(ver, "versioningConfiguration.status")
		if st.unknown {
			return unknown("versioningConfiguration.status of " + ver.Name)
		}
		if s, _ := st.str(); s != "Enabled" {
			continue
		}
		var parts []Finding
		for _, lc := range lcs {
			parts = append(parts, lifecycleHas(lc, "noncurrentVersionExpiration.noncurrentDays",
				"the bucket is versioned but no Enabled lifecycle rule expires noncurrent versions"))
		}
		return oneOf(parts...)
	}
	return pass()
}

// lifecycleHas passes when an Enabled rule of a lifecycle configuration sets a positive field.
func lifecycleHas(r inventory.Resource, field, missing string) Finding {
	rules := in(r, "rules")
	if rules.unknown {
		return unknown("rules")
	}
	list, _ := rules.list()
	sawUnknown := false
	for n := range list {
		p := "rules." + itoa(n)
		st, val := in(r, p+".status"), in(r, p+"."+field)
		if st.unknown || val.unknown {
			sawUnknown = true
			continue
		}
		if s, _ := st.str(); s != "Enabled" {
			continue
		}
		if d, ok := val.number(); ok && d > 0 {
			return pass()
		}
	}
	if sawUnknown {
		return unknown("rules")
	}
	return fail("%s", missing)
}

// oneOf passes when one part passes, else is unknown when one is, else fails with the first.
func oneOf(parts ...Finding) Finding {
	out := na()
	for _, p := range parts {
		switch {
		case p.Status == Pass:
			return p
		case p.Status == Unknown, out.Status == NotApplicable:
			out = p
		}
	}
	return out
}
