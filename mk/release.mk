# Release targets: version bumps, preview/up/destroy of a stack, and one-agent deploys. The logic
# lives in the bidopsai CLI (cmd/bidopsai, internal/release); these targets only turn make
# variables into its flags. The deploy targets take pulumi from the caller's own PATH.

# release_flag emits $(2) when make variable $(1) is 1, e.g. DRY_RUN=1 -> --dry-run.
release_flag = $(if $(filter 1,$(value $(1))),$(2))

.PHONY: bump
bump: $(BIN)/bidopsai ## bump AGENT=<agent id>|all by PART=major|minor|patch in Pulumi.<STACK>.yaml (DRY_RUN=1 TAG=1 FORCE=1 PUSH=1)
	@$(call q,BIN)/bidopsai bump --stack $(call q,STACK) --agent $(call q,AGENT) --part $(call q,PART) \
	  $(call release_flag,DRY_RUN,--dry-run) $(call release_flag,TAG,--tag) \
	  $(call release_flag,FORCE,--force) $(call release_flag,PUSH,--push)

# The deploy targets run pulumi with the caller's PATH (see BIDOPSAI_USER_PATH in the Makefile),
# after a preflight that names each missing prerequisite and its fix.
user_path = PATH="$$BIDOPSAI_USER_PATH"

.PHONY: preview
preview: stack-guard $(BIN)/bidopsai provider ## pulumi preview of STACK after the preflight (builds the provider first)
	@$(user_path) $(call q,BIN)/bidopsai preflight --stack $(call q,STACK) --for preview
	$(user_path) pulumi preview --stack $(call q,STACK)

.PHONY: up
up: stack-guard $(BIN)/bidopsai provider ## pulumi up of STACK after the preflight (builds the provider first)
	@$(user_path) $(call q,BIN)/bidopsai preflight --stack $(call q,STACK) --for up
	$(user_path) pulumi up --stack $(call q,STACK)

# The guards run before the provider build so a refused command fails at once.
.PHONY: destroy-guard
destroy-guard: $(BIN)/bidopsai
	@$(call q,BIN)/bidopsai check-destroy --stack $(call q,STACK) --confirm $(call q,CONFIRM)

.PHONY: destroy
destroy: destroy-guard provider ## pulumi destroy of STACK; a protected stack also needs CONFIRM=<stack>
	$(user_path) pulumi destroy --stack $(call q,STACK)

# The guard refuses an AGENT that is not a key of the stack's bidopsai:agents before any build.
.PHONY: deploy-agent-guard
deploy-agent-guard: $(BIN)/bidopsai
	@$(call q,BIN)/bidopsai targets --stack $(call q,STACK) --agent $(call q,AGENT) --check

# deploy-agent targets the agent's image and runtime by URN, read from a fresh offline plan;
# --target-dependents also takes whatever consumes the new image digest.
.PHONY: deploy-agent
deploy-agent: deploy-agent-guard $(BIN)/bidopsai provider ## update one agent of STACK (its image and runtime): AGENT=<agent id>
	@$(MAKE) --no-print-directory plan STACK=$(call q,STACK)
	@urns="$$($(call q,BIN)/bidopsai targets --stack $(call q,STACK) --agent $(call q,AGENT))" || exit 1; \
	args=(); while IFS= read -r urn; do args+=(--target "$$urn"); done <<< "$$urns"; \
	$(user_path) $(call q,BIN)/bidopsai preflight --stack $(call q,STACK) --for up || exit 1; \
	echo "pulumi up --stack "$(call q,STACK)" $${args[*]} --target-dependents"; \
	$(user_path) pulumi up --stack $(call q,STACK) "$${args[@]}" --target-dependents
