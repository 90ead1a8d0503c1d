# bidopsai-infra. A newcomer needs two commands: `make plan` (offline plan) and `make test`.
SHELL := /bin/bash
STACK ?= dev
GO ?= go
BIN := $(CURDIR)/bin
# The caller's PATH, kept for the deploy targets: bin/pulumi (make tools, for the offline tests)
# has no Go language host and must not shadow the user's released CLI.
export BIDOPSAI_USER_PATH := $(PATH)
export PATH := $(BIN):$(PATH)

# Every make variable reaches the shell through q: single-quoted, each ' written '\'', and
# unexpanded ($(value)), so no value (STACK='x;rm -rf ~', STACK='$$(shell ...)', a quote) can
# run anything. The CLI then refuses what is not a stack of this repository.
q = '$(subst ','\'',$(value $(1)))'

# A variable of more than one word is an error, never a silent pick of one; flags are 0 or 1.
$(foreach v,STACK AGENT PART CONFIRM GO,$(if $(word 2,$(value $(v))),\
  $(error $(v) must be one word, got $(value $(v)))))
$(foreach v,DRY_RUN TAG FORCE PUSH,$(if $(filter-out 0 1,$(value $(v)))$(word 2,$(value $(v))),\
  $(error $(v) must be 0 or 1, got $(value $(v)))))

.DEFAULT_GOAL := help

.PHONY: help
help: ## list the targets, and the variables they read with their defaults
	@grep -hE '^[a-zA-Z0-9_-]+:.*## ' $(MAKEFILE_LIST) | sort | sed -E 's/\$$\(([A-Z_]+)\)/<\1>/g' | \
	  awk -F':.*## ' '{printf "  %-14s %s\n", $$1, $$2}'
	@echo "variables (set as make <target> NAME=value), with their defaults:"
	@grep -hE '^[A-Z_]+ \?= ' $(MAKEFILE_LIST) | sort | \
	  awk '{ v = $$1; $$1 = $$2 = ""; sub(/^ +/, ""); printf "  %-14s %s\n", v, ($$0 == "" ? "(none)" : $$0) }'

# bin/bidopsai is rebuilt only when one of its inputs changed: scripts/gobuild.sh writes them
# all (the module's Go and embedded files it imports, go.mod, go.sum, the toolchain) into a
# make rule, so a warm `make plan` costs no more than the plan. Without that record, build.
BIDOPSAI_DEPS := $(BIN)/.bidopsai.d
-include $(BIDOPSAI_DEPS)
$(BIN)/bidopsai: go.mod go.sum $(if $(wildcard $(BIDOPSAI_DEPS)),,FORCE)
	@GO=$(call q,GO) scripts/gobuild.sh $@ ./cmd/bidopsai $(BIDOPSAI_DEPS) $?

.PHONY: plan
plan: $(BIN)/bidopsai ## offline plan of STACK (default dev) into build/plan/$(STACK).json
	@$(call q,BIN)/bidopsai plan --stack $(call q,STACK)

.PHONY: docs
docs: $(BIN)/bidopsai ## regenerate the reference under docs/ (config table, outputs, metrics, cost, diagram)
	@$(call q,BIN)/bidopsai docs

.PHONY: vet
vet: ## go vet every package (the program and the sample agent)
	$(call q,GO) vet ./...
	cd agents/sample && $(call q,GO) vet ./...

.PHONY: test
# The vet prerequisite ran every analyzer already, so go test skips its own vet subset.
test: vet ## vet and run every unit test
	$(call q,GO) test -vet=off ./...
	cd agents/sample && $(call q,GO) test -vet=off ./...

# stack-guard refuses, before anything runs, a STACK that is not a stack file of this repository.
.PHONY: stack-guard
stack-guard: $(BIN)/bidopsai
	@$(call q,BIN)/bidopsai check-stack --stack $(call q,STACK)

.PHONY: FORCE
FORCE:

-include mk/*.mk
