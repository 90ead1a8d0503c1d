package docs

import (
	"fmt"
	"sync"

	"github.com/bidopsai/bidopsai-infra/internal/config"
	"github.com/bidopsai/bidopsai-infra/internal/inventory"
	"github.com/bidopsai/bidopsai-infra/internal/plan"
)

// stackPlan is one environment's offline plan with its validated config.
type stackPlan struct {
	inv *inventory.Inventory
	cfg *config.Config
}

// plans caches each plan for the process: the cost table and the diagram both need prod, and
// a plan takes about a second.
var (
	plansMu sync.Mutex
	plans   = map[string]*stackPlan{}
)

func planOf(dir, env string) (*stackPlan, error) {
	plansMu.Lock()
	defer plansMu.Unlock()
	if p, ok := plans[dir+"\x00"+env]; ok {
		return p, nil
	}
	res, err := plan.Stack(dir, env, false)
	if err != nil {
		return nil, fmt.Errorf("plan %s: %w", env, err)
	}
	p := &stackPlan{inv: res.Inventory, cfg: res.Config}
	plans[dir+"\x00"+env] = p
	return p, nil
}
