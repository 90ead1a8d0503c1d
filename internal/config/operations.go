package config

import (
	"github.com/bidopsai/bidopsai-infra/components/agentcore"
	"github.com/bidopsai/bidopsai-infra/components/encryption"
	"github.com/bidopsai/bidopsai-infra/components/network"
)

// KMS is bidopsai:kms: whether the stack has its own customer-managed key, and its settings.
type KMS struct {
	CustomerManagedKey bool
	Key                encryption.StackKeyArgs
}

// Runtime is bidopsai:runtime and bidopsai:network.mode: what every agent's runtime shares.
type Runtime struct {
	// JWTAuthorizer puts the stack's user pool in front of every runtime.
	JWTAuthorizer bool
	// Agent is the runtime Args every agent's runtime starts from.
	Agent agentcore.RuntimeArgs
}

// PrivateNetwork reports whether the runtimes run in the stack's VPC (bidopsai:network.mode VPC).
func (c *Config) PrivateNetwork() bool { return c.Runtime.Agent.NetworkMode == agentcore.NetworkVPC }

func readOperations(r *reader, c *Config) {
	k := r.object(ns + "kms")
	c.KMS.CustomerManagedKey = k.boolean("customerManagedKey", false)
	r.decodeTier(&c.KMS.Key)
	r.decodeTier(&c.Monitoring)
	rt := r.object(ns+"runtime", "jwtAuthorizer")
	c.Runtime.JWTAuthorizer = rt.boolean("jwtAuthorizer", false)
	r.decodeTier(&c.Runtime.Agent)
	r.decodeTier(&c.Network)
	if !c.PrivateNetwork() && c.Network.Egress == network.EgressNAT {
		r.invalid(ns+"network.egress", c.Network.Egress, "NAT needs network.mode VPC (PUBLIC runtimes already reach the internet)")
	}
	if !c.PrivateNetwork() && c.Network.DatabaseCIDR != "" {
		r.invalid(ns+"network.databaseCidr", c.Network.DatabaseCIDR, "needs network.mode VPC (PUBLIC runtimes have no security group)")
	}
	r.decodeTier(&c.DataAutomation)
}
