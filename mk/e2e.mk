# End-to-end tests (e2e/, build tag e2e): the real Pulumi engine runs the whole program
# (internal/stack.Program) with the repository's own Pulumi.yaml and stack files, the project's
# provider against the fake AWS, and stand-in plugins for aws, docker and random, offline.
# E2E_REQUIRE=1 makes a missing CLI a failure instead of a skip, so CI cannot pass without them.
# The policy pack also runs through the real engine (internal/policy, TestPackThroughTheEngine).

# The stand-ins are for tests only: built into build/e2e-plugins/, never into bin/, and put on
# PATH by the tests themselves, never by make (make preview/up must not find them).
E2E_PLUGINS := $(CURDIR)/build/e2e-plugins
# The packages the program uses besides its own, each with its SDK module: the stand-ins answer
# for exactly these, reporting the version go.mod pins.
E2E_PLUGIN_MODULES := aws=github.com/pulumi/pulumi-aws/sdk/v6 docker=github.com/pulumi/pulumi-docker/sdk/v4 random=github.com/pulumi/pulumi-random/sdk/v4
E2E_PLUGIN_PACKAGES = $(foreach m,$(E2E_PLUGIN_MODULES),$(firstword $(subst =, ,$(m))))
E2E_PLUGIN_VERSIONS = $(subst $(space),$(comma),$(foreach m,$(E2E_PLUGIN_MODULES),$(firstword $(subst =, ,$(m)))=$(patsubst v%,%,$(call modver,.,$(lastword $(subst =, ,$(m)))))))
comma := ,
space := $(empty) $(empty)

.PHONY: e2e-plugins
e2e-plugins: ## build the e2e stand-in plugins (aws, docker, random) into build/e2e-plugins/
	@rm -rf $(call q,E2E_PLUGINS) && mkdir -p $(call q,E2E_PLUGINS)
	$(call q,GO) build -o $(call q,E2E_PLUGINS)/pulumi-resource-standin \
	  -ldflags '-X main.versions=$(E2E_PLUGIN_VERSIONS)' ./e2e/standin
	@for p in $(E2E_PLUGIN_PACKAGES); do \
	  ln -f $(call q,E2E_PLUGINS)/pulumi-resource-standin $(call q,E2E_PLUGINS)/pulumi-resource-$$p; \
	done

.PHONY: e2e
e2e: tools provider policy e2e-plugins ## run the end-to-end tests: real engine, whole program, provider binary, fake AWS
	E2E_REQUIRE=1 E2E_PLUGINS=$(call q,E2E_PLUGINS) PATH=$(call q,BIN):"$$PATH" \
	  $(call q,GO) test -tags e2e -count=1 -timeout 30m ./e2e/... ./internal/policy/

.PHONY: e2e-critical-path
e2e-critical-path: tools provider e2e-plugins ## measure a dev up with stand-in latencies against the plan's longest chain (minutes)
	E2E_REQUIRE=1 E2E_CRITICAL_PATH=1 E2E_PLUGINS=$(call q,E2E_PLUGINS) PATH=$(call q,BIN):"$$PATH" \
	  $(call q,GO) test -tags e2e -count=1 -timeout 20m -run TestDevUpCriticalPath -v ./e2e/
