package tier

// A component's outputs are registered from its struct, so each output is declared once: an
// exported field whose type is a pulumi.Output and which carries a `pulumi:"name"` tag.

import (
	"fmt"
	"reflect"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// RegisterOutputs registers the outputs of c, a pointer to a component's struct (see OutputsOf). Call it last
// in the component's constructor, once every output field is set.
func RegisterOutputs(ctx *pulumi.Context, c pulumi.ComponentResource) error {
	m, err := OutputsOf(c)
	if err != nil {
		return err
	}
	return ctx.RegisterResourceOutputs(c, m)
}

var outputType = reflect.TypeFor[pulumi.Output]()

// OutputsOf returns c's outputs by tag name. Fields that are not tagged outputs (plain values, resources
// kept for DependsOn, unexported fields) are skipped. A zero output field (c never registered) is
// an error: it has nothing to resolve.
func OutputsOf(c any) (pulumi.Map, error) {
	v := reflect.ValueOf(c)
	if v.Kind() != reflect.Pointer || v.IsNil() || v.Elem().Kind() != reflect.Struct {
		return nil, fmt.Errorf("outputs of %T: want a non-nil pointer to a component struct", c)
	}
	v = v.Elem()
	out := pulumi.Map{}
	for i := range v.NumField() {
		f := v.Type().Field(i)
		name := f.Tag.Get("pulumi") // the SDK resolves these fields under exactly this name
		if name == "" || !f.IsExported() || !f.Type.Implements(outputType) {
			continue
		}
		if _, dup := out[name]; dup {
			return nil, fmt.Errorf("outputs of %s: two fields are tagged %q", v.Type(), name)
		}
		if v.Field(i).IsZero() {
			return nil, fmt.Errorf("outputs of %s: field %s (%q) is not set", v.Type(), f.Name, name)
		}
		out[name] = v.Field(i).Interface().(pulumi.Output)
	}
	return out, nil
}
