# What a change does to a stack, offline: the plan at BASE against the working tree's plan.
BASE ?= main
FORMAT ?= text

.PHONY: plan-diff
plan-diff: $(BIN)/bidopsai ## what the working tree changes in STACK's plan against git ref BASE (FORMAT=text|markdown)
	@scripts/plan-diff.sh '$(STACK)' '$(BASE)' '$(FORMAT)'
