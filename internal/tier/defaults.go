package tier

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"
)

// ApplyDefaults sets each zero field of the struct args points to from its `default` tag (a list
// is comma-separated), walking into struct fields: the one place a default is written, read by
// config and by components whose Go callers may leave a field unset.
func ApplyDefaults(args any) error {
	v := reflect.ValueOf(args)
	if v.Kind() != reflect.Pointer || v.Elem().Kind() != reflect.Struct {
		return fmt.Errorf("defaults of %T: want a pointer to a struct", args)
	}
	return applyDefaults(v.Elem())
}

func applyDefaults(v reflect.Value) error {
	for i := range v.NumField() {
		f, field := v.Type().Field(i), v.Field(i)
		def, ok := f.Tag.Lookup("default")
		switch {
		case !f.IsExported():
		case !ok && f.Type.Kind() == reflect.Struct:
			if err := applyDefaults(field); err != nil {
				return err
			}
		case ok && field.IsZero():
			if err := setDefault(field, def); err != nil {
				return fmt.Errorf("default of %s.%s: %w", v.Type(), f.Name, err)
			}
		}
	}
	return nil
}

func setDefault(v reflect.Value, def string) error {
	var err error
	switch v.Kind() {
	case reflect.String:
		v.SetString(def)
	case reflect.Int:
		var n int
		n, err = strconv.Atoi(def)
		v.SetInt(int64(n))
	case reflect.Float64:
		var n float64
		n, err = strconv.ParseFloat(def, 64)
		v.SetFloat(n)
	case reflect.Bool:
		var b bool
		b, err = strconv.ParseBool(def)
		v.SetBool(b)
	case reflect.Slice:
		return setList(v, strings.Split(def, ","))
	default:
		return fmt.Errorf("type %s has no default syntax", v.Type())
	}
	return err
}

// setList sets a list of text or of whole numbers.
func setList(v reflect.Value, items []string) error {
	switch v.Type().Elem().Kind() {
	case reflect.String:
		v.Set(reflect.ValueOf(items))
	case reflect.Int:
		out := make([]int, len(items))
		for i, s := range items {
			n, err := strconv.Atoi(s)
			if err != nil {
				return err
			}
			out[i] = n
		}
		v.Set(reflect.ValueOf(out))
	default:
		return fmt.Errorf("type %s has no default syntax", v.Type())
	}
	return nil
}
