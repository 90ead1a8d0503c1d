# Pinned tools, built from the Go module proxy through small modules under
# tools/, one per tool so that none moves another's dependencies:
# tools/go.mod (the Pulumi CLI), tools/actionlint/go.mod and
# tools/golangci-lint/go.mod. Their go.mod files are the only place the
# versions are set; they are read here. An install is skipped when the first
# binary of that name on PATH (bin/ comes first) has exactly the pinned
# version. Binaries are built under a temporary name and moved into place, so
# an interrupted or concurrent build never leaves a broken one.

# The versions are read only by the targets that use them (= not :=), so that other targets,
# `make plan` above all, start no shell for them.
# modver reads the version of module $(2) required by $(1)/go.mod (either
# require form: one line, or a line inside a block).
modver = $(shell awk '{ for (i = 1; i < NF; i++) if ($$i == "$(2)" && $$(i+1) ~ /^v[0-9]/) { print $$(i+1); exit } }' $(1)/go.mod)

PULUMI_VERSION = $(call modver,tools,github.com/pulumi/pulumi/pkg/v3)
PULUMI_SDK_VERSION = $(call modver,.,github.com/pulumi/pulumi/sdk/v3)
ACTIONLINT_VERSION = $(call modver,tools/actionlint,github.com/rhysd/actionlint)
GOLANGCI_LINT_VERSION = $(call modver,tools/golangci-lint,github.com/golangci/golangci-lint/v2)

# Go modules linted besides the root one, when they exist.
LINT_MODULES := $(wildcard agents/sample/go.mod)

.PHONY: tools
tools: ## install the pinned Pulumi CLI into bin/ (skipped when that version is on PATH)
	@if [ "$(PULUMI_VERSION)" != "$(PULUMI_SDK_VERSION)" ]; then \
	  echo "tools/go.mod pins pulumi $(PULUMI_VERSION) but go.mod uses sdk $(PULUMI_SDK_VERSION): pin the same version in both" >&2; \
	  exit 1; \
	fi
	@if [ "$$(PULUMI_SKIP_UPDATE_CHECK=true pulumi version 2>/dev/null)" = "$(PULUMI_VERSION)" ]; then \
	  echo "pulumi $(PULUMI_VERSION): $$(command -v pulumi)"; \
	else \
	  echo "building pulumi $(PULUMI_VERSION) into $(BIN) (about 4 minutes on 2 cores when cold)"; \
	  mkdir -p $(call q,BIN) && \
	  $(call q,GO) build -C tools -o $(call q,BIN)/.pulumi.$$$$ \
	    -ldflags "-X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=$(PULUMI_VERSION)" \
	    github.com/pulumi/pulumi/pkg/v3/cmd/pulumi && \
	  mv -f $(call q,BIN)/.pulumi.$$$$ $(call q,BIN)/pulumi && \
	  echo "pulumi $$($(call q,BIN)/pulumi version): $(call q,BIN)/pulumi"; \
	fi

.PHONY: pulumi-version
pulumi-version: ## print the Pulumi CLI version that tools/go.mod pins (without the v)
	@echo $(PULUMI_VERSION:v%=%)

.PHONY: lint-tools
lint-tools: ## install the pinned actionlint and golangci-lint into bin/ (skipped when present)
	@if [ "$$(actionlint -version 2>/dev/null | head -n 1)" = "$(ACTIONLINT_VERSION)" ]; then \
	  echo "actionlint $(ACTIONLINT_VERSION): $$(command -v actionlint)"; \
	else \
	  echo "building actionlint $(ACTIONLINT_VERSION) into $(BIN)"; \
	  mkdir -p $(call q,BIN) && \
	  $(call q,GO) build -C tools/actionlint -o $(call q,BIN)/.actionlint.$$$$ \
	    -ldflags "-X github.com/rhysd/actionlint.version=$(ACTIONLINT_VERSION)" \
	    github.com/rhysd/actionlint/cmd/actionlint && \
	  mv -f $(call q,BIN)/.actionlint.$$$$ $(call q,BIN)/actionlint; \
	fi
	@if [ "v$$(golangci-lint version --short 2>/dev/null)" = "$(GOLANGCI_LINT_VERSION)" ]; then \
	  echo "golangci-lint $(GOLANGCI_LINT_VERSION): $$(command -v golangci-lint)"; \
	else \
	  echo "building golangci-lint $(GOLANGCI_LINT_VERSION) into $(BIN) (a few minutes when cold)"; \
	  mkdir -p $(call q,BIN) && \
	  $(call q,GO) build -C tools/golangci-lint -o $(call q,BIN)/.golangci-lint.$$$$ \
	    -ldflags "-X main.version=$(GOLANGCI_LINT_VERSION:v%=%) -X main.commit=tools/golangci-lint -X main.date=pinned" \
	    github.com/golangci/golangci-lint/v2/cmd/golangci-lint && \
	  mv -f $(call q,BIN)/.golangci-lint.$$$$ $(call q,BIN)/golangci-lint; \
	fi

.PHONY: lint
lint: lint-tools ## actionlint the workflows and golangci-lint every Go module
	@rc=0; \
	echo "actionlint .github/workflows"; \
	actionlint || rc=1; \
	echo "golangci-lint ."; \
	golangci-lint run ./... || rc=1; \
	for mod in $(dir $(LINT_MODULES)); do \
	  echo "golangci-lint $$mod"; \
	  (cd $$mod && golangci-lint run ./...) || rc=1; \
	done; \
	exit $$rc
