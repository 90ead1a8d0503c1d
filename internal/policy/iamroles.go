package policy

import (
	"strings"

	"github.com/bidopsai/bidopsai-infra/internal/inventory"
	"github.com/bidopsai/bidopsai-infra/internal/tier"
)

// Role kinds of SR-IAM-8 and SR-IAM-9, by the access tag (tier.AccessTag) the access tier puts on
// each agent's role and own policy. A policy belongs to the roles it is inline in or attached
// to (whole inventory); alone (the policy pack) it is judged by its own tag.
const (
	readOnlyRoles  = tier.ReadOnlyAccess
	readWriteRoles = tier.ReadWriteAccess
)

// readVerbs start the only actions the AI-assistant role may have (SR-IAM-8); Retrieve, Batch*
// and Decrypt are reads too (knowledge-base queries, image pulls, reading encrypted objects).
var readVerbs = []string{"get", "batchget", "batchcheck", "list", "describe", "query", "retrieve", "invokemodel", "decrypt"}

// readOnlyExempt are writes that touch no data: the runtime's own telemetry and its
// database login (the read-only database user's grants enforce read-only there).
var readOnlyExempt = map[string]string{
	"logs:createloggroup":      "the runtime creates its own log group",
	"logs:createlogstream":     "the runtime writes its own log streams",
	"logs:putlogevents":        "the runtime writes its own logs",
	"xray:puttracesegments":    "traces",
	"xray:puttelemetryrecords": "traces",
	"cloudwatch:putmetricdata": "the agents' metrics (namespace-scoped by SR-IAM-3)",
	"rds-db:connect":           "the read-only database user",
}

// rolesOf returns the roles an identity-policy resource applies to.
func rolesOf(v *View, r inventory.Resource) []inventory.Resource {
	if !v.whole() || r.Type == typeRole {
		return []inventory.Resource{r}
	}
	if r.Type == typeRolePolicy {
		if role, ok, _ := v.target(r, "role", typeRole); ok {
			return []inventory.Resource{role}
		}
		return []inventory.Resource{r}
	}
	var out []inventory.Resource
	for _, att := range v.ofType(typeRoleAttachment) {
		if p, ok, _ := v.target(att, "policyArn", typePolicy); !ok || p.URN != r.URN {
			continue
		}
		if role, ok, _ := v.target(att, "role", typeRole); ok {
			out = append(out, role)
		}
	}
	return append(out, r)
}

// ofKind reports whether any of the roles has the access tag of a kind.
func ofKind(roles []inventory.Resource, kind string) bool {
	for _, r := range roles {
		if t, ok := r.Inputs["tags"].(map[string]any); ok && t[tier.AccessTag] == kind {
			return true
		}
	}
	return false
}

func checkReadOnlyRole(v *View, r inventory.Resource) Finding {
	if !ofKind(rolesOf(v, r), readOnlyRoles) {
		return na()
	}
	return statementRule(func(p string, s statement) []Finding {
		if !s.Allow {
			return nil
		}
		if s.NotAction {
			return []Finding{fail("%s uses NotAction; the AI-assistant role lists its read actions", where(p, s))}
		}
		var out []Finding
		for _, a := range s.Actions {
			if !readAction(a) {
				out = append(out, fail("%s allows %s; the AI-assistant role is read-only", where(p, s), a))
			}
		}
		return out
	})(v, r)
}

// readAction is true when an action pattern can only grant reads (or an exempt write).
func readAction(a string) bool {
	la := strings.ToLower(a)
	if readOnlyExempt[la] != "" {
		return true
	}
	_, verb, ok := strings.Cut(la, ":")
	if !ok {
		return false
	}
	for _, rv := range readVerbs {
		if strings.HasPrefix(verb, rv) {
			return true
		}
	}
	return false
}

// s3Writes are S3 actions that change data; a pattern granting any of them is a write.
var s3Writes = []string{"putobject", "deleteobject", "deleteobjectversion", "abortmultipartupload",
	"restoreobject", "replicateobject", "putobjecttagging", "createbucket", "putbucketversioning",
	"putlifecycleconfiguration"}

func checkWorkflowWrites(v *View, r inventory.Resource) Finding {
	if !ofKind(rolesOf(v, r), readWriteRoles) {
		return na()
	}
	return statementRule(func(p string, s statement) []Finding {
		if !s.Allow || s.NotAction {
			return nil
		}
		var out []Finding
		for _, a := range s.Actions {
			la := strings.ToLower(a)
			switch {
			case fullWildcard(a) || serviceWildcard(a):
				continue // reported by SR-IAM-1 or SR-IAM-2
			case glob(la, "s3:deletebucket") || glob(la, "s3:deletebucketpolicy") || glob(la, "s3:putbucketpolicy"):
				out = append(out, fail("%s allows %s; the workflow role never deletes buckets or sets bucket policies", where(p, s), a))
			case s3Write(la):
				for _, res := range s.Resources {
					if !writablePrefix(res) {
						out = append(out, fail("%s allows %s on %q; write only processed/* and artifacts/* objects", where(p, s), a, res))
					}
				}
			}
		}
		return out
	})(v, r)
}

// s3Write is true when an S3 action pattern can grant a write.
func s3Write(la string) bool {
	svc, verb, ok := strings.Cut(la, ":")
	if !ok || (svc != "s3" && svc != "*") {
		return false
	}
	for _, w := range s3Writes {
		if glob(verb, w) {
			return true
		}
	}
	return strings.HasPrefix(verb, "put") || strings.HasPrefix(verb, "delete")
}

// writablePrefix is an object ARN in the processed or artifacts bucket (or under processed/ or
// artifacts/), never in the access-log bucket.
func writablePrefix(arn string) bool {
	bucketAndKey, ok := strings.CutPrefix(arn, "arn:aws:s3:::")
	if !ok {
		_, bucketAndKey, ok = strings.Cut(arn, ":s3:::")
	}
	bucket, key, hasKey := strings.Cut(bucketAndKey, "/")
	if !ok || !hasKey || strings.Contains(bucket, "access-log") || strings.Contains(bucket, "*") {
		return false
	}
	for _, allowed := range []string{"processed", "artifacts"} {
		if strings.Contains(bucket, allowed) || strings.HasPrefix(key, allowed+"/") {
			return true
		}
	}
	return false
}
