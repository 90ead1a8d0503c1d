package policy

import (
	"strings"

	"github.com/bidopsai/bidopsai-infra/internal/inventory"
)

// xrayRules are §1.9 of the rules file.
var xrayRules = []Rule{
	{ID: "SR-XR-1", Description: "X-Ray encrypts traces with a customer-managed KMS key (EncryptionConfig type KMS)",
		Types: []string{typeXRayEncryption, typeSamplingRule}, Levels: xaa, Check: checkXRayKMS},
	{ID: "SR-XR-2", Description: "tracing has a sampling rule with a fixed rate below 100%",
		Types: []string{typeSamplingRule, typeXRayGroup}, Levels: amm, Check: checkSampling},
	{ID: "SR-XR-3", Description: "Resource \"*\" for X-Ray only on PutTraceSegments, PutTelemetryRecords and GetSampling*",
		Types: docTypes(), Levels: mmm, Check: statementRule(xrayStar)},
}

func checkXRayKMS(v *View, r inventory.Resource) Finding {
	if r.Type == typeXRayEncryption {
		return all(wantString(r, "type", "KMS"), customerKey(r, "keyId"))
	}
	if !v.whole() {
		return na()
	}
	if len(v.ofType(typeXRayEncryption)) == 0 {
		return fail("tracing is on but the stack has no xray.EncryptionConfig (type KMS)")
	}
	return pass()
}

func checkSampling(v *View, r inventory.Resource) Finding {
	if r.Type == typeXRayGroup {
		if !v.whole() {
			return na()
		}
		if len(v.ofType(typeSamplingRule)) == 0 {
			return fail("traces are grouped but no xray.SamplingRule bounds how many are recorded")
		}
		return pass()
	}
	i := in(r, "fixedRate")
	return i.unknownOr(func() Finding {
		if rate, ok := i.number(); ok && rate >= 0 && rate < 1 {
			return pass()
		}
		return fail("fixedRate is %s; sample below 100%% (1.0) to bound cost", i.show())
	})
}

func xrayStar(path string, s statement) []Finding {
	if !s.Allow || s.NotAction || !s.starResource() {
		return nil
	}
	var out []Finding
	for _, a := range s.Actions {
		la := strings.ToLower(a)
		if !strings.HasPrefix(la, "xray:") || serviceWildcard(a) || xrayStarActions[la] || strings.HasPrefix(la, "xray:getsampling") {
			continue
		}
		out = append(out, fail("%s allows %s on Resource \"*\"; X-Ray allows \"*\" only for trace writes and sampling reads", where(path, s), a))
	}
	return out
}
