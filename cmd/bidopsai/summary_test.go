package main

import (
	"fmt"
	"strings"
	"testing"

	"github.com/bidopsai/bidopsai-infra/internal/cost"
	"github.com/bidopsai/bidopsai-infra/internal/inventory"
	"github.com/bidopsai/bidopsai-infra/internal/plan"
	"github.com/bidopsai/bidopsai-infra/internal/policy"
)

func TestPlanSummaryFitsOneScreen(t *testing.T) {
	res, err := plan.Stack("../..", "prod", false)
	if err != nil {
		t.Fatal(err)
	}
	prices, err := cost.Load()
	if err != nil {
		t.Fatal(err)
	}
	inv := res.Inventory
	inv.Cost = cost.Estimate(inv, res.Config.Cost(), prices)
	checks := policy.Check(inv, res.Config.Environment)
	// One mandatory finding, as a failing stack would have, besides the real advisory ones.
	checks.Violations = append([]inventory.Violation{{Rule: "SR-TEST-1", Level: policy.LevelMandatory,
		URN: inv.Resources[0].URN, Message: "must be listed"}}, checks.Violations...)
	advisory := ""
	for _, v := range checks.Violations {
		if v.Level == policy.LevelAdvisory {
			advisory = v.Message
		}
	}
	if advisory == "" {
		t.Fatal("prod has no advisory finding to leave out")
	}

	brief := summary(inv, checks, "build/plan/prod.json", false)
	if n := strings.Count(brief, "\n"); n > 30 {
		t.Errorf("summary is %d lines, more than one screen:\n%s", n, brief)
	}
	for _, want := range []string{"storage ", "observability ", fmt.Sprintf("outputs: %d, in build/plan/prod.json", len(inv.Outputs)),
		"total ", "policy: 1 mandatory", "SR-TEST-1", "must be listed", "--verbose"} {
		if !strings.Contains(brief, want) {
			t.Errorf("summary lacks %q:\n%s", want, brief)
		}
	}
	if strings.Contains(brief, advisory) || strings.Contains(brief, "aws:s3/bucketV2:BucketV2\n") {
		t.Errorf("summary lists advisory findings or resource types:\n%s", brief)
	}
	_, after, _ := strings.Cut(brief, "largest lines:\n")
	largest, _, _ := strings.Cut(after, "policy:")
	if lines := strings.Count(largest, "\n"); lines != 3 {
		t.Errorf("%d cost lines, want the three largest:\n%s", lines, brief)
	}

	verbose := summary(inv, checks, "build/plan/prod.json", true)
	for _, want := range []string{advisory, "aws:s3/bucketV2:BucketV2"} {
		if !strings.Contains(verbose, want) {
			t.Errorf("--verbose lacks %q", want)
		}
	}
}
