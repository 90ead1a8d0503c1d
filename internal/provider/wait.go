package provider

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// errGone is what a poll reports when the resource no longer exists.
var errGone = errors.New("resource no longer exists")

// TimeoutError says a wait ran out of time; Status is the last status seen.
type TimeoutError struct {
	What    string
	Timeout time.Duration
	Status  string
}

// Error describes the timeout.
func (e *TimeoutError) Error() string {
	return fmt.Sprintf("timed out after %s waiting for %s (last status %s)", e.Timeout, e.What, e.Status)
}

// poll is one status read: the status seen and whether waiting is over.
type poll func(ctx context.Context) (status string, done bool, err error)

// waitFor polls on the schedule until check reports done, fails, or timeout passes on the
// clock; it reports progress after each poll that is not the last.
func (d *deps) waitFor(ctx context.Context, what string, timeout time.Duration, status string, check poll) (string, error) {
	start := d.clock.Now()
	deadline := start.Add(timeout)
	var delay time.Duration
	for {
		delay = d.poll.next(delay)
		if left := deadline.Sub(d.clock.Now()); left < delay {
			delay = max(left, 0)
		}
		if err := d.clock.Sleep(ctx, delay); err != nil {
			if errors.Is(err, context.DeadlineExceeded) {
				return status, &TimeoutError{What: what, Timeout: timeout, Status: status}
			}
			return status, fmt.Errorf("waiting for %s (last status %s): %w", what, status, err)
		}
		st, done, err := check(ctx)
		if err != nil {
			return status, err
		}
		status = st
		if done {
			return status, nil
		}
		elapsed := d.clock.Now().Sub(start)
		if elapsed >= timeout {
			return status, &TimeoutError{What: what, Timeout: timeout, Status: status}
		}
		d.progress(ctx, fmt.Sprintf("%s: waiting: %s, %d s", what, status, int(elapsed.Round(time.Second)/time.Second)))
	}
}

// timeoutFor is the wait budget: what is left of ctx's deadline (the engine's custom timeout)
// or, without one, the default for the operation.
func timeoutFor(ctx context.Context, def time.Duration) time.Duration {
	if dl, ok := ctx.Deadline(); ok {
		return max(time.Until(dl), 0)
	}
	return def
}
