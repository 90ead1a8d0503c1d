package registry

import (
	"encoding/json"
	"fmt"
)

// releaseTagPrefix marks release images ("v1.4.2"); the lifecycle keeps the newest of them.
const releaseTagPrefix = "v"

// lifecyclePolicy is ECR's lifecycle policy document.
type lifecyclePolicy struct {
	Rules []lifecycleRule `json:"rules"`
}

type lifecycleRule struct {
	RulePriority int             `json:"rulePriority"`
	Description  string          `json:"description"`
	Selection    lifecycleSelect `json:"selection"`
	Action       lifecycleAction `json:"action"`
}

type lifecycleSelect struct {
	TagStatus     string   `json:"tagStatus"`
	TagPrefixList []string `json:"tagPrefixList,omitempty"`
	CountType     string   `json:"countType"`
	CountUnit     string   `json:"countUnit,omitempty"`
	CountNumber   int      `json:"countNumber"`
}

type lifecycleAction struct {
	Type string `json:"type"`
}

// lifecycleJSON renders the three rules in priority order.
// ECR never lets a lower-priority rule expire an image that a higher-priority rule's selection
// matched, so every v* image is governed only by rule 1 and releases are never aged out by rule 3.
func lifecycleJSON(keepTagged, keepUntagged, maxAgeDays int) (string, error) {
	expire := lifecycleAction{Type: "expire"}
	doc := lifecyclePolicy{Rules: []lifecycleRule{
		{RulePriority: 1, Description: fmt.Sprintf("Keep the last %d release images (tags %s*)", keepTagged, releaseTagPrefix),
			Selection: lifecycleSelect{TagStatus: "tagged", TagPrefixList: []string{releaseTagPrefix},
				CountType: "imageCountMoreThan", CountNumber: keepTagged}, Action: expire},
		{RulePriority: 2, Description: fmt.Sprintf("Keep the last %d untagged images", keepUntagged),
			Selection: lifecycleSelect{TagStatus: "untagged", CountType: "imageCountMoreThan",
				CountNumber: keepUntagged}, Action: expire},
		{RulePriority: 3, Description: fmt.Sprintf("Expire any other image older than %d days", maxAgeDays),
			Selection: lifecycleSelect{TagStatus: "any", CountType: "sinceImagePushed", CountUnit: "days",
				CountNumber: maxAgeDays}, Action: expire},
	}}
	b, err := json.Marshal(doc)
	if err != nil {
		return "", fmt.Errorf("render lifecycle policy: %w", err)
	}
	return string(b), nil
}
