package inventory

// Cost is the monthly cost estimate of a stack: what it costs idle (fixed) and what usage adds
// under the stated assumptions (usage).
type Cost struct {
	Currency    string             `json:"currency"`
	PricesAsOf  string             `json:"pricesAsOf"`
	Region      string             `json:"region"`
	Fixed       float64            `json:"fixedMonthly"`
	Usage       float64            `json:"usageMonthly"`
	Total       float64            `json:"totalMonthly"`
	Assumptions map[string]float64 `json:"assumptions"`
	Lines       []CostLine         `json:"lines"`
}

// CostLine is one priced item: a resource (URN) or a usage assumption.
type CostLine struct {
	URN     string  `json:"urn,omitempty"`
	Item    string  `json:"item"`
	Kind    string  `json:"kind"` // fixed | usage
	Monthly float64 `json:"monthly"`
	Detail  string  `json:"detail"`
}
