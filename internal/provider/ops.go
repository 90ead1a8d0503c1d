package provider

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
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

// conflictAttempts bounds the calls retryOnConflict makes: another writer's operation is
// waited out twice, then the conflict is reported.
const conflictAttempts = 3

// retryOnConflict calls op; while it fails with ConflictException (another operation is
// running on the resource, e.g. an UPDATING runtime) it waits for a stable status with settle
// and calls op again, at most conflictAttempts times in all.
func (d *deps) retryOnConflict(ctx context.Context, what string, op, settle func() error) error {
	for attempt := 1; ; attempt++ {
		err := op()
		if err == nil || !isConflict(err) || attempt >= conflictAttempts {
			return err
		}
		d.progress(ctx, fmt.Sprintf("%s: refused while another operation runs (%v); waiting for a stable status", what, err))
		if serr := settle(); serr != nil {
			return fmt.Errorf("%w (then waiting for a stable status: %w)", err, serr)
		}
	}
}

// recorded makes err one the engine records state with: once a resource's id is known, a
// create must return it whatever fails next, or the resource is orphaned.
func recorded(err error) error {
	var init infer.ResourceInitFailedError
	if err == nil || errors.As(err, &init) {
		return err
	}
	return initFailed(err.Error())
}

// updateTags brings a resource's tags from the state's to the program's, keeping (or adding)
// the owner tag; list reads the live tags, sync applies a difference.
func updateTags(ctx context.Context, arn string, state, program map[string]string,
	list func(arn string) (map[string]string, error), sync func(arn string, olds, news map[string]string) error) error {
	own, err := ownerFrom(ctx)
	if err != nil {
		return err
	}
	live, err := list(arn)
	if err != nil {
		return err
	}
	olds, news := own.updateTags(state, live, program)
	return sync(arn, olds, news)
}
