package policy

import (
	"github.com/bidopsai/bidopsai-infra/internal/inventory"
)

// ecrRules are §1.1 of the rules file.
var ecrRules = []Rule{
	{ID: "SR-ECR-1", Description: "ECR repositories scan images on push (or the registry scans with ENHANCED)",
		Types: []string{typeRepository}, Levels: mmm, Check: checkScanOnPush},
	{ID: "SR-ECR-2", Description: "ECR repositories have imageTagMutability IMMUTABLE",
		Types: []string{typeRepository}, Levels: mmm,
		Check: func(_ *View, r inventory.Resource) Finding { return wantString(r, "imageTagMutability", "IMMUTABLE") }},
	{ID: "SR-ECR-3", Description: "every ECR repository has a lifecycle policy that expires untagged images and keeps the last K tagged ones",
		Types: []string{typeRepository, typeLifecyclePolicy}, Levels: mmm, Check: checkECRLifecycle},
	{ID: "SR-ECR-4", Description: "ECR repositories encrypt with KMS and a customer-managed key",
		Types: []string{typeRepository}, Levels: amm, Check: checkECREncryption},
	{ID: "SR-ECR-5", Description: "no ECR repository policy allows Principal \"*\"",
		Types: []string{typeRepositoryPolicy}, Levels: mmm, Check: checkRepositoryPolicy},
	{ID: "SR-ECR-6", Description: "ECR repositories have forceDelete false and are protected",
		Types: []string{typeRepository}, Levels: xmm,
		Check: func(v *View, r inventory.Resource) Finding {
			return all(wantBoolDefault(r, "forceDelete", false, false), protected(v, r))
		}},
}

func checkScanOnPush(v *View, r inventory.Resource) Finding {
	f := wantBool(r, "imageScanningConfiguration.scanOnPush", true)
	if f.Status != Fail {
		return f
	}
	for _, s := range v.ofType(typeRegistryScanning) {
		if t, ok := in(s, "scanType").str(); ok && t == "ENHANCED" {
			return pass()
		}
	}
	return f
}

// lifecycleDoc is the part of an ECR lifecycle policy the rule reads.
type lifecycleDoc struct {
	Rules []struct {
		Selection struct {
			TagStatus   string  `json:"tagStatus"`
			CountType   string  `json:"countType"`
			CountNumber float64 `json:"countNumber"`
		} `json:"selection"`
		Action struct {
			Type string `json:"type"`
		} `json:"action"`
	} `json:"rules"`
}

func checkECRLifecycle(v *View, r inventory.Resource) Finding {
	if r.Type == typeRepository {
		_, f := v.needsOne(r, typeLifecyclePolicy, "repository", "ecr.LifecyclePolicy")
		return f
	}
	var doc lifecycleDoc
	if f, ok := readJSON(r, "policy", &doc); !ok {
		return f
	}
	expiresUntagged, keepsTagged := false, false
	for _, rule := range doc.Rules {
		sel := rule.Selection
		if rule.Action.Type != "expire" {
			continue
		}
		expiresUntagged = expiresUntagged || sel.TagStatus == "untagged" || sel.TagStatus == "any"
		keepsTagged = keepsTagged || (sel.TagStatus == "tagged" && sel.CountType == "imageCountMoreThan" && sel.CountNumber >= 1)
	}
	var parts []Finding
	if !expiresUntagged {
		parts = append(parts, fail("policy has no rule that expires untagged images (tagStatus untagged or any)"))
	}
	if !keepsTagged {
		parts = append(parts, fail("policy has no rule that keeps the last K tagged images (tagStatus tagged, countType imageCountMoreThan)"))
	}
	return all(append(parts, pass())...)
}

func checkECREncryption(_ *View, r inventory.Resource) Finding {
	return all(wantString(r, "encryptionConfigurations.0.encryptionType", "KMS"),
		customerKey(r, "encryptionConfigurations.0.kmsKey"))
}

func checkRepositoryPolicy(_ *View, r inventory.Resource) Finding {
	doc, f, ok := readDocument(r, "policy")
	if !ok {
		return f
	}
	for _, s := range doc.Statements {
		if s.Allow && (s.Principal.Any || s.NotPrincipal) {
			return fail("statement %q allows every principal; name the account or service", s.Sid)
		}
	}
	return pass()
}

// wantBoolDefault is wantBool for an optional input whose provider default is def.
func wantBoolDefault(r inventory.Resource, path string, want, def bool) Finding {
	if i := in(r, path); !i.found && def == want {
		return pass()
	}
	return wantBool(r, path, want)
}
