# The policy pack: the SR-… rules of internal/policy as a Pulumi analyzer (cmd/bidopsai-policy).
# `pulumi preview --policy-pack DIR` reads DIR/PulumiPolicy.yaml; its runtime "bidopsai" has no
# language plugin, so the CLI starts the executable pulumi-analyzer-policy-bidopsai from PATH
# (bin/ is first on PATH here; outside make, put it there). Levels follow bidopsai:environment.

POLICY_PACK := $(BIN)/policy-pack
POLICY_PACK_VERSION := 0.1.0

.PHONY: policy
policy: ## build the policy pack (bin/pulumi-analyzer-policy-bidopsai + bin/policy-pack/PulumiPolicy.yaml)
	@mkdir -p $(call q,POLICY_PACK)
	$(call q,GO) build -o $(call q,BIN)/pulumi-analyzer-policy-bidopsai ./cmd/bidopsai-policy
	@printf 'runtime: bidopsai\nversion: %s\ndescription: bidopsai security and reliability rules (SR-..., internal/policy)\n' \
	  $(call q,POLICY_PACK_VERSION) > $(call q,POLICY_PACK)/PulumiPolicy.yaml
	@echo "use: PATH=\"$(BIN):\$$PATH\" pulumi preview --stack <stack> --policy-pack $(POLICY_PACK)"

.PHONY: preview-policy
preview-policy: stack-guard policy provider ## pulumi preview of STACK with the policy pack
	pulumi preview --stack $(call q,STACK) --policy-pack $(call q,POLICY_PACK)

.PHONY: test-policy
test-policy: ## run the policy rule tests, and the pack through the real engine (needs make tools provider)
	$(call q,GO) test ./internal/policy/... ./cmd/bidopsai-policy/...
	$(call q,GO) test -tags e2e -count=1 -run TestPackThroughTheEngine ./internal/policy/
