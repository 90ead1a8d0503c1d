# bidopsai-infra. A newcomer needs two commands: `make plan` (offline plan) and `make test`.
SHELL := /bin/bash
STACK ?= dev
GO ?= go
BIN := $(CURDIR)/bin
# The caller's PATH, kept for the deploy targets: bin/pulumi (make tools, for the offline tests)
# has no Go language host and must not shadow the user's released CLI.
export BIDOPSAI_USER_PATH := $(PATH)
export PATH := $(BIN):$(PATH)

.DEFAULT_GOAL := help

.PHONY: help
help: ## list the targets
	@grep -hE '^[a-zA-Z0-9_-]+:.*## ' $(MAKEFILE_LIST) | sort | awk -F':.*## ' '{printf "  %-14s %s\n", $$1, $$2}'

$(BIN)/bidopsai: FORCE
	@$(GO) build -o $@ ./cmd/bidopsai

.PHONY: plan
plan: $(BIN)/bidopsai ## offline plan of STACK (default dev) into build/plan/$(STACK).json
	@$(BIN)/bidopsai plan --stack $(STACK)

.PHONY: docs
docs: $(BIN)/bidopsai ## regenerate the README sections built from the code
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
