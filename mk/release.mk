# Release targets: version bumps, preview/up/destroy of a stack, and one-agent deploys. The logic
# lives in the bidopsai CLI (cmd/bidopsai, internal/release); these targets only turn make
# variables into its flags. Pulumi is taken from PATH, where bin/ comes first (make tools).

# release_flag emits $(2) when make variable $(1) is 1, e.g. DRY_RUN=1 -> --dry-run.
release_flag = $(if $(filter 1,$($(1))),$(2))

.PHONY: bump
bump: $(BIN)/bidopsai ## bump AGENT=workflow|ai-assistant|both by PART=major|minor|patch in Pulumi.<STACK>.yaml (DRY_RUN=1 TAG=1 FORCE=1 PUSH=1)
	@$(BIN)/bidopsai bump --stack '$(STACK)' --agent '$(AGENT)' --part '$(PART)' \
	  $(call release_flag,DRY_RUN,--dry-run) $(call release_flag,TAG,--tag) \
	  $(call release_flag,FORCE,--force) $(call release_flag,PUSH,--push)

# The deploy targets run pulumi with the caller's PATH (see BIDOPSAI_USER_PATH in the Makefile),
# after a preflight that names each missing prerequisite and its fix.
user_path = PATH="$$BIDOPSAI_USER_PATH"

.PHONY: preview
preview: $(BIN)/bidopsai provider ## pulumi preview of STACK after the preflight (builds the provider first)
	@$(user_path) $(BIN)/bidopsai preflight --stack '$(STACK)' --for preview
	$(user_path) pulumi preview --stack '$(STACK)'

.PHONY: up
up: $(BIN)/bidopsai provider ## pulumi up of STACK after the preflight (builds the provider first)
	@$(user_path) $(BIN)/bidopsai preflight --stack '$(STACK)' --for up
	$(user_path) pulumi up --stack '$(STACK)'

# The guards run before the provider build so a refused command fails at once.
.PHONY: destroy-guard
destroy-guard: $(BIN)/bidopsai
	@$(BIN)/bidopsai check-destroy --stack '$(STACK)' --confirm '$(CONFIRM)'

.PHONY: destroy
destroy: destroy-guard provider ## pulumi destroy of STACK; a protected stack also needs CONFIRM=<stack>
	$(user_path) pulumi destroy --stack '$(STACK)'

.PHONY: deploy-agent-guard
deploy-agent-guard:
	@case '$(AGENT)' in workflow|ai-assistant) ;; \
	  *) echo "deploy-agent: AGENT='$(AGENT)' is not one of workflow, ai-assistant" >&2; exit 2 ;; esac

# deploy-agent targets the agent's image and runtime by URN, read from a fresh offline plan;
# --target-dependents also takes whatever consumes the new image digest.
.PHONY: deploy-agent
deploy-agent: deploy-agent-guard $(BIN)/bidopsai provider ## update one agent of STACK (its image and runtime): AGENT=workflow|ai-assistant
	@$(MAKE) --no-print-directory plan STACK='$(STACK)'
	@urns="$$($(BIN)/bidopsai targets --stack '$(STACK)' --agent '$(AGENT)')" || exit 1; \
	args=(); while IFS= read -r urn; do args+=(--target "$$urn"); done <<< "$$urns"; \
	$(user_path) $(BIN)/bidopsai preflight --stack '$(STACK)' --for up || exit 1; \
	echo "pulumi up --stack $(STACK) $${args[*]} --target-dependents"; \
	$(user_path) pulumi up --stack '$(STACK)' "$${args[@]}" --target-dependents
