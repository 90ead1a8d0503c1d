package main

import (
	"fmt"
	"strings"
	"time"
)

// latency is how long a create, update or delete takes per resource type; "*" is the default.
type latency map[string]time.Duration

// parseLatency reads "type=duration,...", e.g. "docker:index/image:Image=10s,*=1s".
func parseLatency(spec string) (latency, error) {
	l := latency{}
	for _, part := range strings.Split(spec, ",") {
		if part = strings.TrimSpace(part); part == "" {
			continue
		}
		// The type token itself holds colons, so the duration follows the last "=".
		i := strings.LastIndex(part, "=")
		if i <= 0 {
			return nil, fmt.Errorf("%q is not type=duration (e.g. *=1s)", part)
		}
		d, err := time.ParseDuration(part[i+1:])
		if err != nil || d < 0 {
			return nil, fmt.Errorf("%q: the duration must be like 1s or 250ms", part)
		}
		l[part[:i]] = d
	}
	return l, nil
}

func (l latency) of(typ string) time.Duration {
	if d, ok := l[typ]; ok {
		return d
	}
	return l["*"]
}
