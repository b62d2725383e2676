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
	return decodeInto(v, rv.Elem(), "", replace)
}

func decodeInto(v any, dst reflect.Value, path string, replace func(string) string) error {
	if v == nil {
		dst.SetZero()
		return nil
	}
	fail := func() error {
		return fmt.Errorf("decoding decision: %s: a %T cannot fill a %s", orRoot(path), v, dst.Type())
	}
	switch dst.Kind() {
	case reflect.Pointer:
		p := reflect.New(dst.Type().Elem())
		if err := decodeInto(v, p.Elem(), path, replace); err != nil {
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
			if err := decodeInto(x, dst.Field(f.index), path+"."+f.name, replace); err != nil {
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
			if err := decodeInto(x, s.Index(i), fmt.Sprintf("%s[%d]", path, i), replace); err != nil {
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
			if err := decodeInto(x, e, path+"."+k, replace); err != nil {
				return err
			}
			if replace != nil {
				k = replace(k)
			}
			out.SetMapIndex(reflect.ValueOf(k).Convert(dst.Type().Key()), e)
		}
		dst.Set(out)
	case reflect.String:
		s, ok := v.(string)
		if !ok {
			return fail()
		}
		if replace != nil {
			s = replace(s)
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
			return fmt.Errorf("decoding decision: %s: %w", orRoot(path), err)
		}
		dst.SetInt(i)
	case reflect.Float64:
		n, ok := v.(json.Number)
		if !ok {
			return fail()
		}
		f, err := n.Float64()
		if err != nil {
			return fmt.Errorf("decoding decision: %s: %w", orRoot(path), err)
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
