package resolver

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"sync"
)

// decodeValue fills out (a pointer) from a policy result: the plain values OPA gives (maps,
// slices, strings, json.Number, bools), by the json tags of out's type, with no JSON text in
// between. Keys the type does not have are ignored (the policy adds "revision"); a value of
// the wrong kind is an error naming its path. replace, when not nil, rewrites every string.
func decodeValue(v any, out any, replace func(string) string) error {
	rv := reflect.ValueOf(out)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		return fmt.Errorf("decoding decision: want a non-nil pointer, got %T", out)
	}
	d := decoder{replace: replace}
	return d.decode(v, rv.Elem())
}

// decoder keeps the path to the value being decoded as a stack of steps, written out only for
// an error: a decision is decoded on every question, an error almost never.
type decoder struct {
	replace func(string) string
	path    []pathStep
}

// pathStep is a field name, or (name empty) an index.
type pathStep struct {
	name  string
	index int
}

func (d *decoder) pathString() string {
	var b strings.Builder
	for _, s := range d.path {
		if s.name != "" {
			b.WriteString("." + s.name)
		} else {
			fmt.Fprintf(&b, "[%d]", s.index)
		}
	}
	return b.String()
}

// decodeStep decodes x into dst one step further down the path.
func (d *decoder) decodeStep(x any, dst reflect.Value, step pathStep) error {
	d.path = append(d.path, step)
	err := d.decode(x, dst)
	d.path = d.path[:len(d.path)-1]
	return err
}

func (d *decoder) decode(v any, dst reflect.Value) error {
	if v == nil {
		dst.SetZero()
		return nil
	}
	fail := func() error {
		return fmt.Errorf("decoding decision: %s: a %T cannot fill a %s", orRoot(d.pathString()), v, dst.Type())
	}
	switch dst.Kind() {
	case reflect.Pointer:
		p := reflect.New(dst.Type().Elem())
		if err := d.decode(v, p.Elem()); err != nil {
			return err
		}
		dst.Set(p)
	case reflect.Struct:
		m, ok := v.(map[string]any)
		if !ok {
			return fail()
		}
		for _, f := range structFields(dst.Type()) {
			x, ok := m[f.name]
			if !ok {
				continue
			}
			if err := d.decodeStep(x, dst.Field(f.index), pathStep{name: f.name}); err != nil {
				return err
			}
		}
	case reflect.Slice:
		xs, ok := v.([]any)
		if !ok {
			return fail()
		}
		s := reflect.MakeSlice(dst.Type(), len(xs), len(xs))
		for i, x := range xs {
			if err := d.decodeStep(x, s.Index(i), pathStep{index: i}); err != nil {
				return err
			}
		}
		dst.Set(s)
	case reflect.Map:
		m, ok := v.(map[string]any)
		if !ok || dst.Type().Key().Kind() != reflect.String {
			return fail()
		}
		out := reflect.MakeMapWithSize(dst.Type(), len(m))
		for k, x := range m {
			e := reflect.New(dst.Type().Elem()).Elem()
			if err := d.decodeStep(x, e, pathStep{name: k}); err != nil {
				return err
			}
			if d.replace != nil {
				k = d.replace(k)
			}
			out.SetMapIndex(reflect.ValueOf(k).Convert(dst.Type().Key()), e)
		}
		dst.Set(out)
	case reflect.String:
		s, ok := v.(string)
		if !ok {
			return fail()
		}
		if d.replace != nil {
			s = d.replace(s)
		}
		dst.SetString(s)
	case reflect.Bool:
		b, ok := v.(bool)
		if !ok {
			return fail()
		}
		dst.SetBool(b)
	case reflect.Int, reflect.Int64, reflect.Int32:
		n, ok := v.(json.Number)
		if !ok {
			return fail()
		}
		i, err := n.Int64()
		if err != nil {
			return fmt.Errorf("decoding decision: %s: %w", orRoot(d.pathString()), err)
		}
		dst.SetInt(i)
	case reflect.Float64:
		n, ok := v.(json.Number)
		if !ok {
			return fail()
		}
		f, err := n.Float64()
		if err != nil {
			return fmt.Errorf("decoding decision: %s: %w", orRoot(d.pathString()), err)
		}
		dst.SetFloat(f)
	case reflect.Interface:
		dst.Set(reflect.ValueOf(v))
	default:
		return fail()
	}
	return nil
}

func orRoot(path string) string {
	if path == "" {
		return "the decision"
	}
	return strings.TrimPrefix(path, ".")
}

type decField struct {
	index int
	name  string
}

var decFields sync.Map // reflect.Type -> []decField

// structFields lists a struct type's fields by their json names (fields without a name, or
// tagged "-", are left out).
func structFields(t reflect.Type) []decField {
	if fs, ok := decFields.Load(t); ok {
		return fs.([]decField)
	}
	var fs []decField
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if !f.IsExported() || name == "-" {
			continue
		}
		if name == "" {
			name = f.Name
		}
		fs = append(fs, decField{index: i, name: name})
	}
	decFields.Store(t, fs)
	return fs
}
