# The bidopsai Pulumi provider plugin (internal/provider) and the fake AWS control plane used
# to test it without an AWS account. bin/ is first on PATH, so the Pulumi CLI finds the
# plugin there as well as through Pulumi.yaml's plugins: providers: path.

# The SDK is generated from the provider's schema: run this after changing internal/provider
# (internal/sdkgen's test fails while sdk/ is stale). `go generate ./sdk`, not ./sdk/...: the
# generator rewrites the packages below sdk/ while go generate walks them.
.PHONY: sdk
sdk: ## regenerate sdk/schema.json and the Go SDK sdk/bidopsai from internal/provider
	$(GO) generate ./sdk

.PHONY: provider
provider: ## build the provider plugin bin/pulumi-resource-bidopsai
	@mkdir -p $(call q,BIN)
	$(call q,GO) build -o $(call q,BIN)/pulumi-resource-bidopsai ./cmd/pulumi-resource-bidopsai

.PHONY: fakeaws
fakeaws: ## build bin/fakeaws, the loopback fake of the AgentCore and Data Automation APIs
	@mkdir -p $(call q,BIN)
	$(call q,GO) build -o $(call q,BIN)/fakeaws ./cmd/fakeaws

.PHONY: test-provider
test-provider: ## run the provider, fake and SDK-generator tests
	$(call q,GO) test ./internal/provider/... ./internal/fakeaws/... ./internal/sdkgen/...
