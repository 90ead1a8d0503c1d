# Speed checks that are measured, never asserted in unit tests.

.PHONY: bench-plan
bench-plan: ## time a warm `make plan STACK=<STACK>` beside the plan command itself, and the program benchmark
	@scripts/bench-plan.sh '$(STACK)'
