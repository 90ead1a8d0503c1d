package policy

import (
	"encoding/json"
	"math"
	"regexp"

	"github.com/bidopsai/bidopsai-infra/internal/inventory"
)

// alarmRules are §1.8 of the rules file.
var alarmRules = []Rule{
	{ID: "SR-ALM-1", Description: "every alarm has at least one alarm action (the SNS topic)",
		Types: []string{typeMetricAlarm, typeCompositeAlarm}, Levels: amm, Check: checkAlarmActions},
	{ID: "SR-ALM-2", Description: "alarm actions are enabled (actionsEnabled is not false)",
		Types: []string{typeMetricAlarm, typeCompositeAlarm}, Levels: amm,
		Check: func(_ *View, r inventory.Resource) Finding { return wantBoolDefault(r, "actionsEnabled", true, true) }},
	{ID: "SR-ALM-3", Description: "the alarm SNS topic is encrypted with a customer-managed KMS key",
		Types: []string{typeTopic}, Levels: amm,
		Check: func(_ *View, r inventory.Resource) Finding { return customerKey(r, "kmsMasterKeyId") }},
	{ID: "SR-ALM-4", Description: "alarms set treatMissingData, a valid period, evaluationPeriods >= 1 and datapointsToAlarm <= evaluationPeriods",
		Types: []string{typeMetricAlarm}, Levels: mmm, Check: checkAlarmShape},
	{ID: "SR-DASH-1", Description: "the dashboard body is valid JSON and its log widgets read only this stack's log groups",
		Types: []string{typeDashboard}, Levels: mmm, Check: checkDashboard},
}

func checkAlarmActions(_ *View, r inventory.Resource) Finding {
	i := in(r, "alarmActions")
	return i.unknownOr(func() Finding {
		if l, ok := i.list(); ok && len(l) > 0 {
			return pass()
		}
		return fail("alarmActions is %s; notify the alarm topic", i.show())
	})
}

var missingDataModes = []string{"missing", "ignore", "breaching", "notBreaching"}

func checkAlarmShape(_ *View, r inventory.Resource) Finding {
	parts := []Finding{wantString(r, "treatMissingData", missingDataModes...)}
	period := in(r, "period")
	switch {
	case period.unknown:
		parts = append(parts, unknown("period"))
	case period.found:
		p, ok := period.number()
		if !ok || !(p == 10 || p == 20 || p == 30 || (p >= 60 && math.Mod(p, 60) == 0)) {
			parts = append(parts, fail("period is %s; it must be 10, 20, 30 or a multiple of 60", period.show()))
		}
	case !in(r, "metricQueries").found:
		parts = append(parts, fail("period is unset"))
	}
	evals, points := in(r, "evaluationPeriods"), in(r, "datapointsToAlarm")
	e, eok := evals.number()
	switch {
	case evals.unknown:
		parts = append(parts, unknown("evaluationPeriods"))
	case !eok || e < 1:
		parts = append(parts, fail("evaluationPeriods is %s; it must be at least 1", evals.show()))
	case points.unknown:
		parts = append(parts, unknown("datapointsToAlarm"))
	case points.found:
		if d, ok := points.number(); !ok || d < 1 || d > e {
			parts = append(parts, fail("datapointsToAlarm is %s; it must be 1-%g (evaluationPeriods)", points.show(), e))
		}
	}
	return all(append(parts, pass())...)
}

// logSource finds the log groups a Logs Insights query reads.
var logSource = regexp.MustCompile(`SOURCE\s+'([^']+)'`)

func checkDashboard(v *View, r inventory.Resource) Finding {
	var body struct {
		Widgets []struct {
			Type       string          `json:"type"`
			Properties json.RawMessage `json:"properties"`
		} `json:"widgets"`
	}
	if f, ok := readJSON(r, "dashboardBody", &body); !ok {
		return f
	}
	if !v.whole() {
		return pass()
	}
	known, unresolved := map[string]bool{}, false
	for _, lg := range v.ofType(typeLogGroup) {
		n := in(lg, "name")
		s, ok := n.str()
		unresolved = unresolved || n.unknown
		known[s] = ok
	}
	parts := []Finding{pass()}
	for _, w := range body.Widgets {
		var props struct {
			Query string `json:"query"`
		}
		if w.Type != "log" || json.Unmarshal(w.Properties, &props) != nil {
			continue
		}
		for _, m := range logSource.FindAllStringSubmatch(props.Query, -1) {
			switch {
			case known[m[1]]:
			case unresolved:
				parts = append(parts, unknown("name of a log group (the dashboard reads "+m[1]+")"))
			default:
				parts = append(parts, fail("a log widget reads %q, which this stack does not create", m[1]))
			}
		}
	}
	return all(parts...)
}
