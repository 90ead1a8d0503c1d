// Package tier holds what every component (tier) shares: one way to report bad arguments, and
// the options of its stateful resources.
package tier

import (
	"fmt"
	"reflect"
	"slices"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/bidopsai/bidopsai-infra/internal/redact"
)

// Checker collects every problem with a component's name and Args at once, so a user fixes them
// in one round. Each problem reads: <tier> "<name>": invalid <ArgsType>.<Field> = <value>: <rule>.
type Checker struct {
	p Problems
}

// NewChecker starts the checks of one component: its tier ("storage"), its name and the name of
// its Args type ("BucketsArgs").
func NewChecker(tier, name, argsType string) *Checker {
	return &Checker{Problems{Tier: tier, Name: name, ArgsType: argsType}}
}

// NilArgs is the error of a component given no Args at all.
func NilArgs(tier, name string) error {
	return fmt.Errorf("%s %q: args: required, got nil", tier, name)
}

// Name records a problem with the component's name unless ok; the name prefixes its children.
func (c *Checker) Name(ok bool, rule string) {
	if !ok {
		c.p.List = append(c.p.List, Problem{Value: c.p.Name, Rule: rule})
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
	c.p.List = append(c.p.List, Problem{Field: field, Value: value, Rule: rule})
}

// BadSecret records that a secret field breaks rule; the message shows [secret], never the value.
func (c *Checker) BadSecret(field, rule string) {
	c.p.List = append(c.p.List, Problem{Field: field, Secret: true, Rule: rule})
}

// Positive checks a count or a number of days that must be at least 1.
func (c *Checker) Positive(field string, v int) { c.Check(v >= 1, field, v, "must be >= 1") }

// Between checks a whole number within lo..hi.
func (c *Checker) Between(field string, v, lo, hi int) {
	c.Check(v >= lo && v <= hi, field, v, fmt.Sprintf("must be between %d and %d", lo, hi))
}

// OneOf checks a value is one of allowed.
func (c *Checker) OneOf(field, v string, allowed []string) {
	c.Check(slices.Contains(allowed, v), field, v, "must be one of "+strings.Join(allowed, ", "))
}

// Err returns every recorded problem as *Problems (nil when there is none), in the order found.
func (c *Checker) Err() error {
	if len(c.p.List) == 0 {
		return nil
	}
	p := c.p
	return &p
}

// Problem is one broken rule of a component's Args: the field's path ("Alarms.Emails[0]"; ""
// for the component's name), its value (not kept when Secret) and the rule.
type Problem struct {
	Field  string
	Value  any
	Secret bool
	Rule   string
}

// Problems is a component's invalid-arguments error. Structured, so that config can report each
// problem under the config key its field was read from (see the `config` field tags).
type Problems struct {
	Tier, Name, ArgsType string
	List                 []Problem
}

func (p *Problems) Error() string {
	lines := make([]string, len(p.List))
	for i, x := range p.List {
		lines[i] = fmt.Sprintf("%s %q: invalid %s.%s = %s: %s", p.Tier, p.Name, p.ArgsType, x.Field, x.Shown(), x.Rule)
		if x.Field == "" {
			lines[i] = fmt.Sprintf("%s %q: invalid name = %s: %s", p.Tier, p.Name, redact.Show(p.Name), x.Rule)
		}
	}
	return strings.Join(lines, "\n")
}

// Shown is the problem's value as a message shows it: [secret] for a secret.
func (x Problem) Shown() string {
	if x.Secret {
		return redact.Secret
	}
	return show(x.Value)
}

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
