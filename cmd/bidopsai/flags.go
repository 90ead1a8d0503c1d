package main

import (
	"errors"
	"flag"
)

// onceValue is a string flag that refuses to be given twice: `--stack dev --stack prod` is an
// error, never a silent pick of the last one.
type onceValue struct {
	p   *string
	set bool
}

func (o *onceValue) String() string {
	if o == nil || o.p == nil {
		return ""
	}
	return *o.p
}

func (o *onceValue) Set(s string) error {
	if o.set {
		return errors.New("given more than once; give it once")
	}
	o.set, *o.p = true, s
	return nil
}

func onceStringVar(fl *flag.FlagSet, p *string, name, def, usage string) {
	*p = def
	fl.Var(&onceValue{p: p}, name, usage)
}

func onceString(fl *flag.FlagSet, name, def, usage string) *string {
	p := new(string)
	onceStringVar(fl, p, name, def, usage)
	return p
}
