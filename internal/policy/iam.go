package policy

import (
	"regexp"
	"strings"

	"github.com/bidopsai/bidopsai-infra/internal/inventory"
)

// iamRules are §1.3 of the rules file. The statement rules are disjoint: a statement is
// reported by the most specific rule (admin by SR-IAM-1, service wildcards by SR-IAM-2,
// escalation by SR-IAM-4, kms:Decrypt on "*" by SR-IAM-10, X-Ray by SR-XR-3, the rest of
// Resource "*" by SR-IAM-3), so one mistake is one violation.
var iamRules = []Rule{
	{ID: "SR-IAM-1", Description: "no policy allows Action \"*\" on Resource \"*\" and no role has AdministratorAccess",
		Types: append(docTypes(), typeRoleAttachment, typePolicyAttachment), Levels: mmm, Check: checkNoAdmin},
	{ID: "SR-IAM-2", Description: "no policy allows a service-wide wildcard action (s3:*, iam:*, or * on scoped resources)",
		Types: docTypes(), Levels: mmm, Check: statementRule(serviceWildcards)},
	{ID: "SR-IAM-3", Description: "Resource \"*\" only for actions AWS cannot scope (listed with reasons in starResourceActions)",
		Types: docTypes(), Levels: mmm, Check: statementRule(unscopedActions)},
	{ID: "SR-IAM-4", Description: "no privilege escalation, permissions management or credential exposure; iam:PassRole scoped to role ARNs with iam:PassedToService",
		Types: docTypes(), Levels: mmm, Check: statementRule(escalation)},
	{ID: "SR-IAM-5", Description: "no Allow with NotAction or NotResource, no NotPrincipal in trust policies",
		Types: docTypes(), Levels: mmm, Check: checkNegations},
	{ID: "SR-IAM-6", Description: "trust policies name one specific service principal; no \"*\", no bare account root; AgentCore trust has aws:SourceAccount and aws:SourceArn",
		Types: []string{typeRole}, Levels: mmm, Check: checkTrust},
	{ID: "SR-IAM-7", Description: "no AWS-managed policies attached (use customer-managed ones)",
		Types: []string{typeRole, typeRoleAttachment, typePolicyAttachment}, Levels: amm, Check: checkManagedPolicies},
	{ID: "SR-IAM-8", Description: "the AI-assistant role is read-only",
		Types: docTypes(), Levels: mmm, Check: checkReadOnlyRole},
	{ID: "SR-IAM-9", Description: "the workflow-agent role writes only processed/ and artifacts/ objects, never the access-log bucket, never bucket deletes or policies",
		Types: docTypes(), Levels: mmm, Check: checkWorkflowWrites},
	{ID: "SR-IAM-10", Description: "no kms:Decrypt or kms:ReEncryptFrom on Resource \"*\"",
		Types: docTypes(), Levels: mmm, Check: statementRule(decryptAnywhere)},
	{ID: "SR-IAM-11", Description: "roles use managed (customer) policies rather than inline ones",
		Types: []string{typeRole, typeRolePolicy}, Levels: aaa, Check: checkInline},
}

// docTypes are the resources that carry identity policies.
func docTypes() []string { return []string{typeRole, typePolicy, typeRolePolicy} }

// identityDocs are the identity policies a resource holds, each with its input path.
func identityDocs(r inventory.Resource) (paths []string, docs []document, problems []Finding) {
	add := func(path string) {
		d, f, ok := readDocument(r, path)
		if !ok {
			problems = append(problems, f)
			return
		}
		paths, docs = append(paths, path), append(docs, d)
	}
	switch r.Type {
	case typePolicy, typeRolePolicy:
		add("policy")
	case typeRole:
		ip := in(r, "inlinePolicies")
		if ip.unknown {
			problems = append(problems, unknown("inlinePolicies"))
		}
		list, _ := ip.list()
		for n := range list {
			if p := "inlinePolicies." + itoa(n) + ".policy"; in(r, p).found {
				add(p)
			}
		}
	}
	return paths, docs, problems
}

// statementRule turns a per-statement judgment into a check over every identity policy.
func statementRule(judge func(path string, s statement) []Finding) func(*View, inventory.Resource) Finding {
	return func(_ *View, r inventory.Resource) Finding {
		paths, docs, problems := identityDocs(r)
		parts := append(problems, pass())
		for n, d := range docs {
			for _, s := range d.Statements {
				parts = append(parts, judge(paths[n], s)...)
			}
		}
		if len(paths) == 0 && len(problems) == 0 {
			return na()
		}
		return all(parts...)
	}
}

// fullWildcard is "*" (or "*:*"); serviceWildcard is "<service>:*".
func fullWildcard(a string) bool { return a == "*" || a == "*:*" }

func serviceWildcard(a string) bool {
	svc, verb, ok := strings.Cut(a, ":")
	return ok && svc != "*" && verb == "*"
}

func where(path string, s statement) string {
	if s.Sid != "" {
		return path + " statement " + s.Sid
	}
	return path
}

func checkNoAdmin(v *View, r inventory.Resource) Finding {
	if r.Type == typeRoleAttachment || r.Type == typePolicyAttachment {
		return attachedPolicy(r, func(arn string) Finding {
			if strings.HasSuffix(arn, ":policy/AdministratorAccess") {
				return fail("attaches AdministratorAccess")
			}
			return pass()
		})
	}
	f := statementRule(func(path string, s statement) []Finding {
		for _, a := range s.Actions {
			if s.Allow && !s.NotAction && fullWildcard(a) && s.starResource() {
				return []Finding{fail("%s allows Action \"*\" on Resource \"*\"", where(path, s))}
			}
		}
		return nil
	})(v, r)
	if r.Type == typeRole {
		f = all(f, managedArns(r, func(arn string) Finding {
			if strings.HasSuffix(arn, ":policy/AdministratorAccess") {
				return fail("managedPolicyArns has AdministratorAccess")
			}
			return pass()
		}))
	}
	return f
}

func checkNegations(v *View, r inventory.Resource) Finding {
	f := statementRule(func(path string, s statement) []Finding {
		if s.Allow && (s.NotAction || s.NotResource) {
			return []Finding{fail("%s is an Allow with NotAction or NotResource", where(path, s))}
		}
		return nil
	})(v, r)
	if r.Type != typeRole {
		return f
	}
	doc, tf, ok := readDocument(r, "assumeRolePolicy")
	if !ok {
		return all(f, tf)
	}
	for _, s := range doc.Statements {
		if s.NotPrincipal {
			f = all(f, fail("assumeRolePolicy statement %q uses NotPrincipal", s.Sid))
		}
	}
	return all(f, pass())
}

// accountRoot is an account principal: a bare account id or arn:<partition>:iam::<id>:root.
var accountRoot = regexp.MustCompile(`^(\d{12}|arn:[a-z-]+:iam::\d{12}:root)$`)

// agentCoreService is the principal AgentCore runtimes assume their execution role as.
const agentCoreService = "bedrock-agentcore.amazonaws.com"

func checkTrust(_ *View, r inventory.Resource) Finding {
	doc, f, ok := readDocument(r, "assumeRolePolicy")
	if !ok {
		return f
	}
	parts := []Finding{pass()}
	for _, s := range doc.Statements {
		if !s.Allow || s.NotPrincipal {
			continue
		}
		p, at := s.Principal, "assumeRolePolicy statement "+s.Sid
		switch {
		case p.Any:
			parts = append(parts, fail("%s trusts Principal \"*\"", at))
		case len(p.Service) > 1:
			parts = append(parts, fail("%s trusts %d services; one role per service principal", at, len(p.Service)))
		case len(p.Service)+len(p.AWS)+len(p.Federated) == 0:
			parts = append(parts, fail("%s names no principal", at))
		case len(p.Federated) > 0 && len(s.Condition) == 0:
			parts = append(parts, fail("%s trusts a federated principal without conditions", at))
		}
		for _, a := range p.AWS {
			if accountRoot.MatchString(a) && len(s.Condition) == 0 {
				parts = append(parts, fail("%s trusts the whole account %s without conditions", at, a))
			}
		}
		if len(p.Service) == 1 && p.Service[0] == agentCoreService {
			parts = append(parts, confusedDeputy(s, at))
		}
	}
	return all(parts...)
}

// confusedDeputy requires aws:SourceAccount and an AgentCore aws:SourceArn on an AgentCore trust.
func confusedDeputy(s statement, at string) Finding {
	var parts []Finding
	if vals, ok := s.cond("aws:SourceAccount", "StringEquals"); !ok || len(vals) == 0 {
		parts = append(parts, fail("%s trusts %s without a StringEquals aws:SourceAccount condition", at, agentCoreService))
	}
	arns, ok := s.cond("aws:SourceArn", "ArnLike", "ArnEquals", "StringLike", "StringEquals")
	good := ok && len(arns) > 0
	for _, a := range arns {
		good = good && strings.Contains(a, ":bedrock-agentcore:")
	}
	if !good {
		parts = append(parts, fail("%s trusts %s without an aws:SourceArn condition on arn:aws:bedrock-agentcore:<region>:<account>:*", at, agentCoreService))
	}
	return all(append(parts, pass())...)
}

// awsManaged is an AWS-managed policy ARN (arn:<partition>:iam::aws:policy/...).
func awsManaged(arn string) bool { return strings.Contains(arn, ":iam::aws:policy/") }

func checkManagedPolicies(_ *View, r inventory.Resource) Finding {
	judge := func(arn string) Finding {
		if awsManaged(arn) && !strings.HasSuffix(arn, ":policy/AdministratorAccess") { // that one is SR-IAM-1
			return fail("attaches the AWS-managed policy %s; use a customer-managed policy", arn)
		}
		return pass()
	}
	if r.Type == typeRole {
		return managedArns(r, judge)
	}
	return attachedPolicy(r, judge)
}

// attachedPolicy judges an attachment's policyArn.
func attachedPolicy(r inventory.Resource, judge func(string) Finding) Finding {
	i := in(r, "policyArn")
	return i.unknownOr(func() Finding {
		s, _ := i.str()
		return judge(s)
	})
}

// managedArns judges each of a role's managedPolicyArns.
func managedArns(r inventory.Resource, judge func(string) Finding) Finding {
	i := in(r, "managedPolicyArns")
	if i.unknown {
		return unknown("managedPolicyArns")
	}
	list, _ := i.list()
	parts := []Finding{pass()}
	for n := range list {
		e := in(r, "managedPolicyArns."+itoa(n))
		if e.unknown {
			parts = append(parts, unknown(e.path))
			continue
		}
		s, _ := e.str()
		parts = append(parts, judge(s))
	}
	return all(parts...)
}

func checkInline(_ *View, r inventory.Resource) Finding {
	if r.Type == typeRolePolicy {
		return fail("inline role policy %s; use an iam.Policy and a RolePolicyAttachment", r.Name)
	}
	ip := in(r, "inlinePolicies")
	if ip.unknown {
		return unknown("inlinePolicies")
	}
	list, _ := ip.list()
	for n := range list {
		if in(r, "inlinePolicies."+itoa(n)+".policy").found {
			return fail("role %s has inline policies; use iam.Policy resources and attachments", r.Name)
		}
	}
	return pass()
}
