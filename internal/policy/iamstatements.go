package policy

import "strings"

// The per-statement judgments of SR-IAM-2, -3, -4 and -10 (SR-IAM-1 is in checkNoAdmin).

func serviceWildcards(path string, s statement) []Finding {
	if !s.Allow || s.NotAction {
		return nil
	}
	var out []Finding
	for _, a := range s.Actions {
		if serviceWildcard(a) || (fullWildcard(a) && !s.starResource()) {
			out = append(out, fail("%s allows %q; list the actions needed", where(path, s), a))
		}
	}
	return out
}

// starResourceActions may use Resource "*": AWS defines no resource type for them (the
// reason is the appliesTo-style justification SR-IAM-3 and SR-XR-3 ask for).
var starResourceActions = map[string]string{
	"ecr:getauthorizationtoken":    "the registry login token is account-wide; no resource type",
	"cloudwatch:putmetricdata":     "no resource type; scoped by the cloudwatch:namespace condition instead",
	"bedrock:retrieveandgenerate":  "no resource type; its Retrieve and InvokeModel calls are authorized on their own ARNs",
	"sts:getcalleridentity":        "no resource type; reveals only the caller's own identity",
	"bedrock:listfoundationmodels": "no resource type; lists model ids only",
}

// xrayStarActions are X-Ray's trace and sampling actions, which have no resource type (SR-XR-3).
var xrayStarActions = map[string]bool{
	"xray:puttracesegments": true, "xray:puttelemetryrecords": true, "xray:getsamplingrules": true,
	"xray:getsamplingtargets": true, "xray:getsamplingstatisticsummaries": true,
}

func unscopedActions(path string, s statement) []Finding {
	if !s.Allow || s.NotAction || !s.starResource() {
		return nil
	}
	var out []Finding
	for _, a := range s.Actions {
		la := strings.ToLower(a)
		switch {
		case fullWildcard(a) || serviceWildcard(a) || strings.HasPrefix(la, "xray:") || decryptAction(a) ||
			dangerous(a) != "" || glob(la, "iam:passrole"):
			continue // reported by SR-IAM-1, -2, SR-XR-3, SR-IAM-10 or SR-IAM-4
		case la == "cloudwatch:putmetricdata":
			if _, ok := s.cond("cloudwatch:namespace"); !ok {
				out = append(out, fail("%s allows cloudwatch:PutMetricData on \"*\" without a cloudwatch:namespace condition", where(path, s)))
			}
		case starResourceActions[la] == "":
			out = append(out, fail("%s allows %s on Resource \"*\"; scope it to ARNs", where(path, s), a))
		}
	}
	return out
}

// escalationActions escalate privileges, manage permissions or expose credentials
// (checkov CKV_AWS_286-289, cfn_nag F38-F40); iam:PassRole is judged separately.
var escalationActions = []string{
	"iam:addusertogroup", "iam:attachgrouppolicy", "iam:attachrolepolicy", "iam:attachuserpolicy",
	"iam:createaccesskey", "iam:createloginprofile", "iam:createpolicy", "iam:createpolicyversion",
	"iam:createrole", "iam:createservicespecificcredential", "iam:createuser", "iam:deleterolepermissionsboundary",
	"iam:deleteuserpermissionsboundary", "iam:detachrolepolicy", "iam:putgrouppolicy",
	"iam:putrolepermissionsboundary", "iam:putrolepolicy", "iam:putuserpermissionsboundary", "iam:putuserpolicy",
	"iam:resetservicespecificcredential", "iam:setdefaultpolicyversion", "iam:updateaccesskey",
	"iam:updateassumerolepolicy", "iam:updateloginprofile",
	"sts:getfederationtoken", "sts:getsessiontoken", "ec2:getpassworddata", "redshift:getclustercredentials",
	"lambda:updatefunctioncode", "lambda:addpermission", "kms:putkeypolicy", "kms:creategrant",
	"s3:putbucketpolicy", "s3:deletebucketpolicy", "s3:putbucketacl", "s3:putobjectacl",
	"ecr:setrepositorypolicy", "secretsmanager:putresourcepolicy", "sns:addpermission",
	"logs:putresourcepolicy", "bedrock-agentcore:putresourcepolicy",
}

// dangerous returns the escalation action a (non-wildcard) pattern grants, or "".
func dangerous(pattern string) string {
	if fullWildcard(pattern) || serviceWildcard(pattern) {
		return ""
	}
	p := strings.ToLower(pattern)
	for _, d := range escalationActions {
		if glob(p, d) {
			return d
		}
	}
	return ""
}

func escalation(path string, s statement) []Finding {
	if !s.Allow || s.NotAction {
		return nil
	}
	var out []Finding
	for _, a := range s.Actions {
		if d := dangerous(a); d != "" {
			out = append(out, fail("%s allows %s (privilege escalation or permissions management)", where(path, s), a))
			continue
		}
		if fullWildcard(a) || serviceWildcard(a) || !glob(strings.ToLower(a), "iam:passrole") {
			continue
		}
		for _, res := range s.Resources {
			if strings.Contains(res, "*") {
				out = append(out, fail("%s allows iam:PassRole on %q; name the role ARNs", where(path, s), res))
			}
		}
		if _, ok := s.cond("iam:PassedToService"); !ok {
			out = append(out, fail("%s allows iam:PassRole without an iam:PassedToService condition", where(path, s)))
		}
	}
	return out
}

// decryptAction is true for non-wildcard patterns that grant kms:Decrypt or kms:ReEncryptFrom.
func decryptAction(a string) bool {
	if fullWildcard(a) || serviceWildcard(a) {
		return false
	}
	la := strings.ToLower(a)
	return glob(la, "kms:decrypt") || glob(la, "kms:reencryptfrom")
}

func decryptAnywhere(path string, s statement) []Finding {
	if !s.Allow || s.NotAction || !s.starResource() {
		return nil
	}
	var out []Finding
	for _, a := range s.Actions {
		if decryptAction(a) {
			out = append(out, fail("%s allows %s on Resource \"*\"; name the key ARNs", where(path, s), a))
		}
	}
	return out
}
