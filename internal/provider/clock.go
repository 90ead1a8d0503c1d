package provider

import (
	"context"
	"time"
)

// Clock is the time source of every wait; tests inject a fake one so waits take no real time.
type Clock interface {
	// Now returns the current time.
	Now() time.Time
	// Sleep waits d or until ctx is done, returning ctx's error in that case.
	Sleep(ctx context.Context, d time.Duration) error
}

type realClock struct{}

func (realClock) Now() time.Time { return time.Now() }

func (realClock) Sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// Schedule is the polling backoff: the first delay, doubled after each poll up to Max.
type Schedule struct {
	Initial, Max time.Duration
}

// DefaultSchedule polls after 1 s, 2 s, 4 s and then every 5 s, so a status change is seen
// at most 5 s after it happens and a 60 s operation costs 14 reads.
var DefaultSchedule = Schedule{Initial: time.Second, Max: 5 * time.Second}

func (s Schedule) next(d time.Duration) time.Duration {
	if d <= 0 {
		return s.Initial
	}
	return min(2*d, s.Max)
}

func (s Schedule) valid() bool { return s.Initial > 0 && s.Max >= s.Initial }
