package config

import "github.com/bidopsai/bidopsai-infra/internal/inference"

// Models is bidopsai:models: the Bedrock model ids the agents pass as modelId, and what each
// resolves to from the stack's Region (for the IAM grants).
type Models struct {
	Supervisor string
	SubAgent   string
	// Invoked are the distinct resolved models, supervisor first.
	Invoked []inference.Model
}

// readModels defaults each model to the stack geography's cross-Region inference profile and
// refuses an id that cannot be invoked from the stack's Region, naming what to use instead.
func readModels(r *reader, c *Config) {
	m := r.object(ns+"models", "supervisor", "subAgent")
	ids := map[string]string{"supervisor": m.str("supervisor", "", modelID), "subAgent": m.str("subAgent", "", modelID)}
	for _, field := range []string{"supervisor", "subAgent"} {
		if c.Region == "" || region(c.Region) != "" {
			return // reported under aws:region; nothing to resolve against
		}
		id := ids[field]
		if id == "" {
			def, err := inference.Default(c.Region)
			if err != nil {
				r.fail(ns+"models."+field, "missing: %v", err)
				continue
			}
			id = def
		}
		model, err := inference.Resolve(id, c.Region)
		if err != nil {
			r.invalid(ns+"models."+field, id, err.Error())
			continue
		}
		ids[field] = model.ID
		if len(c.Models.Invoked) == 0 || c.Models.Invoked[0].ID != model.ID {
			c.Models.Invoked = append(c.Models.Invoked, model)
		}
	}
	c.Models.Supervisor, c.Models.SubAgent = ids["supervisor"], ids["subAgent"]
}
