package provider

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"time"

	"github.com/pulumi/pulumi-go-provider/infer"
)

// newClientToken returns a fresh idempotency token for one create or update. The SDK sends
// it unchanged on every retry, so a request whose reply was lost is not applied twice.
func newClientToken() string {
	b := make([]byte, 32)
	_, _ = rand.Read(b) // crypto/rand.Read never returns an error
	return hex.EncodeToString(b)
}

// retryPropagation calls op until it stops failing with an IAM-propagation validation error
// or the propagation budget is spent, backing off on the poll schedule.
func (d *deps) retryPropagation(ctx context.Context, what string, op func() error) error {
	start := d.clock.Now()
	var delay time.Duration
	for {
		err := op()
		if err == nil || !isPropagating(err) {
			return err
		}
		waited := d.clock.Now().Sub(start)
		if waited >= d.rolePropagation {
			return fmt.Errorf("%s: the role was still not usable after %s: %w", what, d.rolePropagation, err)
		}
		delay = min(d.poll.next(delay), d.rolePropagation-waited)
		d.progress(ctx, fmt.Sprintf("%s: role not assumable yet (IAM propagation), retrying, %d s",
			what, int(waited/time.Second)))
		if err := d.clock.Sleep(ctx, delay); err != nil {
			return fmt.Errorf("%s: %w", what, err)
		}
	}
}

// initFailed marks a resource that exists but did not become ready: the engine records the
// returned state (so nothing is orphaned) and shows reason.
func initFailed(reason string) error {
	return fmt.Errorf("%s: %w", reason, infer.ResourceInitFailedError{Reasons: []string{reason}})
}
