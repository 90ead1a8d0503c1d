# End-to-end tests (e2e/, build tag e2e): the real Pulumi engine runs Automation API inline
# programs with the provider binary against the fake AWS control plane on loopback, offline.
# Both binaries come from bin/ (first on PATH); E2E_REQUIRE=1 makes a missing CLI a failure
# instead of a skip, so CI cannot pass without running them. The policy pack is also run
# through the real engine (internal/policy, TestPackThroughTheEngine).

.PHONY: e2e
e2e: tools provider ## run the end-to-end tests: real Pulumi engine, provider binary, fake AWS
	PATH=$(call q,BIN):"$$PATH" E2E_REQUIRE=1 $(call q,GO) test -tags e2e -count=1 ./e2e/... ./internal/policy/
