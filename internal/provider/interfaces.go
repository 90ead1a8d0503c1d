package provider

import "github.com/pulumi/pulumi-go-provider/infer"

// infer finds a resource's lifecycle methods by type assertion, so a signature that drifts
// (a wrong request type, a value receiver) would silently fall back to infer's default
// behaviour. The compiler checks each method the resources rely on here.
var (
	_ infer.CustomResource[AgentRuntimeArgs, AgentRuntimeState] = (*AgentRuntime)(nil)
	_ infer.CustomCheck[AgentRuntimeArgs]                       = (*AgentRuntime)(nil)
	_ infer.CustomDiff[AgentRuntimeArgs, AgentRuntimeState]     = (*AgentRuntime)(nil)
	_ infer.CustomRead[AgentRuntimeArgs, AgentRuntimeState]     = (*AgentRuntime)(nil)
	_ infer.CustomUpdate[AgentRuntimeArgs, AgentRuntimeState]   = (*AgentRuntime)(nil)
	_ infer.CustomDelete[AgentRuntimeState]                     = (*AgentRuntime)(nil)
	_ infer.Annotated                                           = (*AgentRuntime)(nil)
	_ infer.Annotated                                           = (*AgentRuntimeArgs)(nil)
	_ infer.Annotated                                           = (*AgentRuntimeState)(nil)
	_ infer.Annotated                                           = (*JWTAuthorizer)(nil)

	_ infer.CustomResource[DataAutomationProjectArgs, DataAutomationProjectState] = (*DataAutomationProject)(nil)
	_ infer.CustomCheck[DataAutomationProjectArgs]                                = (*DataAutomationProject)(nil)
	_ infer.CustomDiff[DataAutomationProjectArgs, DataAutomationProjectState]     = (*DataAutomationProject)(nil)
	_ infer.CustomRead[DataAutomationProjectArgs, DataAutomationProjectState]     = (*DataAutomationProject)(nil)
	_ infer.CustomUpdate[DataAutomationProjectArgs, DataAutomationProjectState]   = (*DataAutomationProject)(nil)
	_ infer.CustomDelete[DataAutomationProjectState]                              = (*DataAutomationProject)(nil)
	_ infer.Annotated                                                             = (*DataAutomationProject)(nil)
	_ infer.Annotated                                                             = (*DataAutomationProjectArgs)(nil)
	_ infer.Annotated                                                             = (*DataAutomationProjectState)(nil)

	_ infer.Annotated = (*Config)(nil)
)
