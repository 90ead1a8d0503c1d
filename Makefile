# bidopsai-infra. A newcomer needs two commands: `make plan` (offline plan) and `make test`.
SHELL := /bin/bash
STACK ?= dev
GO ?= go
BIN := $(CURDIR)/bin
export PATH := $(BIN):$(PATH)

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
	@GO='$(GO)' scripts/gobuild.sh $@ ./cmd/bidopsai $(BIDOPSAI_DEPS) $?

.PHONY: plan
plan: $(BIN)/bidopsai ## offline plan of STACK (default dev) into build/plan/$(STACK).json
	@$(BIN)/bidopsai plan --stack $(STACK)

.PHONY: docs
docs: $(BIN)/bidopsai ## regenerate the reference under docs/ (config table, outputs, metrics, cost, diagram)
	@$(BIN)/bidopsai docs

.PHONY: vet
vet: ## go vet every package (the program and the sample agent)
	$(GO) vet ./...
	cd agents/sample && $(GO) vet ./...

.PHONY: test
test: vet ## vet and run every unit test
	$(GO) test ./...
	cd agents/sample && $(GO) test ./...

.PHONY: FORCE
FORCE:

-include mk/*.mk
