// Package tier holds what every component (tier) shares: one way to report bad arguments, and
// the options of its stateful resources.
package tier

import (
	"errors"
	"fmt"
	"reflect"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/bidopsai/bidopsai-infra/internal/redact"
)

// Checker collects every problem with a component's name and Args at once, so a user fixes them
// in one round. Each problem reads: <tier> "<name>": invalid <ArgsType>.<Field> = <value>: <rule>.
type Checker struct {
	tier, name, argsType string
	errs                 []error
}

// NewChecker starts the checks of one component: its tier ("storage"), its name and the name of
// its Args type ("BucketsArgs").
func NewChecker(tier, name, argsType string) *Checker {
	return &Checker{tier: tier, name: name, argsType: argsType}
}

// NilArgs is the error of a component given no Args at all.
func NilArgs(tier, name string) error {
	return fmt.Errorf("%s %q: args: required, got nil", tier, name)
}

// Name records a problem with the component's name unless ok; the name prefixes its children.
func (c *Checker) Name(ok bool, rule string) {
	if !ok {
		c.errs = append(c.errs, fmt.Errorf("%s %q: invalid name = %s: %s", c.tier, c.name, redact.Show(c.name), rule))
	}
}

// Check records that field holds value, which breaks rule, unless ok.
func (c *Checker) Check(ok bool, field string, value any, rule string) {
	if !ok {
		c.Bad(field, value, rule)
	}
}

// Bad records that field (of the Args type: "Alarms.Emails[0]") holds value, which breaks rule.
func (c *Checker) Bad(field string, value any, rule string) {
	c.errs = append(c.errs, fmt.Errorf("%s %q: invalid %s.%s = %s: %s", c.tier, c.name, c.argsType, field, show(value), rule))
}

// BadSecret records that a secret field breaks rule; the message shows [secret], never the value.
func (c *Checker) BadSecret(field, rule string) {
	c.errs = append(c.errs, fmt.Errorf("%s %q: invalid %s.%s = %s: %s", c.tier, c.name, c.argsType, field, redact.Secret, rule))
}

// Positive checks a count or a number of days that must be at least 1.
func (c *Checker) Positive(field string, v int) { c.Check(v >= 1, field, v, "must be >= 1") }

// Err returns every recorded problem (nil when there is none), in the order they were found.
func (c *Checker) Err() error { return errors.Join(c.errs...) }

// show renders a value for a message through redact, the one path values take to messages:
// strings quoted and cut when long, lists element by element, a missing input as <nil>.
func show(value any) string {
	if value == nil {
		return "<nil>"
	}
	v := reflect.ValueOf(value)
	k := v.Kind()
	if k == reflect.String {
		return redact.Show(v.String())
	}
	if k == reflect.Slice || k == reflect.Array {
		parts := make([]string, v.Len())
		for i := range parts {
			parts[i] = show(v.Index(i).Interface())
		}
		return "[" + strings.Join(parts, " ") + "]"
	}
	if (k == reflect.Pointer || k == reflect.Interface || k == reflect.Map) && v.IsNil() {
		return "<nil>"
	}
	return fmt.Sprint(value)
}

// Stateful returns the options of a stateful resource (bucket, repository, user pool, secret,
// log group, key): protected against `pulumi destroy` and retained in AWS when removed from the
// program, when the stack's `bidopsai:protect` is on.
func Stateful(on bool) pulumi.ResourceOption {
	return pulumi.Composite(pulumi.Protect(on), pulumi.RetainOnDelete(on))
}
