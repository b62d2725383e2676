package jurisdictions

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"maps"
	"reflect"
	"slices"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// MaxFileSize is the largest fact or case file the loader reads.
const MaxFileSize = 8 << 20

// maxNodes bounds the work one file may cause, so alias expansion cannot exhaust memory.
const maxNodes = 2_000_000

// maxMarks bounds the YAML separators (, : - [ { ?) a file may hold, counted before it is parsed.
// The parser keeps some 200 bytes for every value, so 8 MiB of "1,1,1,..." (four million values)
// would take about a gigabyte before the node count could stop it; values need separators, so
// counting them first keeps any parse to a few hundred megabytes. Real fact files hold about one
// separator per 11 bytes: none under the size cap comes near the bound.
const maxMarks = maxNodes / 2

// maxErrors is the most problems reported for one file; the rest are counted in a last line.
const maxErrors = 100

// Error is a problem with one field of one input file.
type Error struct {
	File  string // file name as given to the loader
	Line  int    // 1-based; 0 when unknown
	Field string // the field's path, like norms[2].effects[0].duty
	Msg   string
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
	}
	if e.Field != "" {
		fmt.Fprintf(&b, ": %s", e.Field)
	}
	fmt.Fprintf(&b, ": %s", e.Msg)
	return b.String()
}

// Errors is a list of input problems, reported together.
type Errors []*Error

func (es Errors) Error() string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

func (es Errors) err() error {
	if len(es) == 0 {
		return nil
	}
	return es
}

// Decode reads YAML into out strictly: unknown keys, duplicate keys, wrong node kinds and
// oversized input are errors naming file, line and field. out must be a pointer to a struct.
// It is exported for the case-suite parser, which shares the rules.
func Decode(name string, data []byte, out any) (*yaml.Node, error) {
	if len(data) > MaxFileSize {
		return nil, Errors{{File: name, Msg: fmt.Sprintf("file is %d bytes, over the %d-byte (8 MiB) cap", len(data), MaxFileSize)}}
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return nil, Errors{{File: name, Msg: "file holds binary data (a NUL byte), not YAML text"}}
	}
	if !utf8.Valid(data) {
		// the parser says only "invalid UTF-8"; say where, since one latin-1 name is the usual cause
		at := 0
		for at < len(data) {
			r, size := utf8.DecodeRune(data[at:])
			if r == utf8.RuneError && size == 1 {
				break
			}
			at += size
		}
		line := bytes.Count(data[:at], []byte("\n")) + 1
		return nil, Errors{{File: name, Line: line, Msg: fmt.Sprintf("byte 0x%02X is not UTF-8; save the file as UTF-8 (latin-1 text is the usual cause)", data[at])}}
	}
	if marks := countMarks(data); marks > maxMarks {
		return nil, Errors{{File: name, Msg: fmt.Sprintf("file holds %d YAML separators (, : - [ { ?), over the %d the loader accepts; split it into smaller files", marks, maxMarks)}}
	}
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return &doc, nil // empty file: nothing to load
		}
		return nil, Errors{yamlError(name, err)}
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		return nil, Errors{{File: name, Line: extra.Line, Msg: "more than one YAML document in the file; put everything in one"}}
	}
	root := &doc
	if root.Kind == yaml.DocumentNode && len(root.Content) == 1 {
		root = root.Content[0]
	}
	if root.Kind == yaml.ScalarNode && root.Tag == "!!null" {
		return root, nil
	}
	w := walker{file: name}
	w.walk(root, reflect.TypeOf(out).Elem(), "")
	if w.dropped > 0 {
		w.errs = append(w.errs, &Error{File: name, Msg: fmt.Sprintf("and %d more problems not shown", w.dropped)})
	}
	if len(w.errs) > 0 {
		return nil, w.errs
	}
	if err := root.Decode(out); err != nil {
		return nil, Errors{yamlError(name, err)}
	}
	return root, nil
}

func yamlError(name string, err error) *Error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	var te *yaml.TypeError
	if errors.As(err, &te) && len(te.Errors) > 0 {
		msgs := te.Errors
		if len(msgs) > maxErrors {
			msgs = append(msgs[:maxErrors:maxErrors], fmt.Sprintf("and %d more problems not shown", len(te.Errors)-maxErrors))
		}
		msg = strings.Join(msgs, "; ")
	}
	line := 0
	if _, err := fmt.Sscanf(msg, "line %d:", &line); err == nil {
		msg = strings.TrimSpace(msg[strings.Index(msg, ":")+1:])
	}
	return &Error{File: name, Line: line, Msg: msg}
}

// countMarks counts the bytes of data that can start a YAML value: flow and block indicators.
func countMarks(data []byte) int {
	n := 0
	for _, c := range data {
		switch c {
		case ',', ':', '-', '[', '{', '?':
			n++
		}
	}
	return n
}

type walker struct {
	file    string
	nodes   int
	errs    Errors
	dropped int // problems past maxErrors, counted only
}

var unmarshalerType = reflect.TypeOf((*yaml.Unmarshaler)(nil)).Elem()

func (w *walker) fail(n *yaml.Node, field, format string, args ...any) {
	if len(w.errs) >= maxErrors {
		w.dropped++
		return
	}
	w.errs = append(w.errs, &Error{File: w.file, Line: n.Line, Field: field, Msg: fmt.Sprintf(format, args...)})
}

// walk checks that node n can hold a value of type t, recursively.
func (w *walker) walk(n *yaml.Node, t reflect.Type, field string) {
	w.nodes++
	if w.nodes > maxNodes {
		if w.nodes == maxNodes+1 { // reported even past maxErrors: it explains the rest
			w.errs = append(w.errs, &Error{File: w.file, Line: n.Line, Field: field, Msg: fmt.Sprintf("file expands to more than %d YAML nodes (an alias bomb?)", maxNodes)})
		}
		return
	}
	if n.Kind == yaml.AliasNode {
		w.walk(n.Alias, t, field)
		return
	}
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return
	}
	if reflect.PointerTo(t).Implements(unmarshalerType) {
		return // the type checks itself
	}
	switch t.Kind() {
	case reflect.Pointer:
		w.walk(n, t.Elem(), field)
	case reflect.Struct:
		if n.Kind != yaml.MappingNode {
			w.fail(n, field, "want a mapping (key: value lines), got a %s", kindName(n.Kind))
			return
		}
		known := yamlFields(t)
		seen := map[string]int{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			key := k.Value
			sub := join(field, key)
			if prev, dup := seen[key]; dup {
				w.fail(k, sub, "key %q written twice (first at line %d)", key, prev)
				continue
			}
			seen[key] = k.Line
			ft, ok := known[key]
			if !ok {
				w.fail(k, sub, "unknown key %q; valid keys here: %s", key, strings.Join(sortedKeys(known), ", "))
				continue
			}
			w.walk(v, ft, sub)
		}
	case reflect.Slice:
		if n.Kind != yaml.SequenceNode {
			w.fail(n, field, "want a list, got a %s", kindName(n.Kind))
			return
		}
		entity := t.Elem().Kind() == reflect.Pointer && t.Elem().Elem().Kind() == reflect.Struct
		for i, c := range n.Content {
			sub := fmt.Sprintf("%s[%d]", field, i)
			if entity && c.Kind == yaml.ScalarNode && c.Tag == "!!null" {
				w.fail(c, sub, "empty entry: a \"-\" with nothing after it")
				continue
			}
			w.walk(c, t.Elem(), sub)
		}
	case reflect.Map:
		if n.Kind != yaml.MappingNode {
			w.fail(n, field, "want a mapping, got a %s", kindName(n.Kind))
			return
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			w.walk(n.Content[i+1], t.Elem(), join(field, n.Content[i].Value))
		}
	case reflect.Interface:
		// any value is acceptable
	default:
		if n.Kind != yaml.ScalarNode {
			w.fail(n, field, "want a single value, got a %s", kindName(n.Kind))
		}
	}
}

func join(field, key string) string {
	if field == "" {
		return key
	}
	return field + "." + key
}

func yamlFields(t reflect.Type) map[string]reflect.Type {
	m := map[string]reflect.Type{}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		tag := strings.Split(f.Tag.Get("yaml"), ",")
		if f.Anonymous && slices.Contains(tag[1:], "inline") && f.Type.Kind() == reflect.Struct {
			maps.Copy(m, yamlFields(f.Type)) // an inlined struct's keys are the outer mapping's
			continue
		}
		if !f.IsExported() {
			continue
		}
		name := tag[0]
		if name == "-" {
			continue
		}
		if name == "" {
			name = strings.ToLower(f.Name)
		}
		m[name] = f.Type
	}
	return m
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// fieldLines maps each key of a mapping node to the line it is written on.
func fieldLines(n *yaml.Node) map[string]int {
	m := map[string]int{}
	if n == nil || n.Kind != yaml.MappingNode {
		return m
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		m[n.Content[i].Value] = n.Content[i].Line
	}
	return m
}

// child returns the value node of key in mapping n, or nil.
func child(n *yaml.Node, key string) *yaml.Node {
	if n == nil {
		return nil
	}
	if n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	if n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			v := n.Content[i+1]
			if v.Kind == yaml.AliasNode {
				v = v.Alias
			}
			return v
		}
	}
	return nil
}

// item returns the i-th element of sequence n, or nil.
func item(n *yaml.Node, i int) *yaml.Node {
	if n == nil || n.Kind != yaml.SequenceNode || i >= len(n.Content) {
		return nil
	}
	v := n.Content[i]
	if v.Kind == yaml.AliasNode {
		v = v.Alias
	}
	return v
}

func posOf(file string, n *yaml.Node) positions {
	if n == nil {
		return positions{at: Pos{File: file}}
	}
	return positions{at: Pos{File: file, Line: n.Line}, fields: fieldLines(n)}
}

// ParseFile reads one fact file strictly and records where each entity and field was written.
func ParseFile(name string, data []byte) (*File, error) {
	f := &File{Name: name}
	root, err := Decode(name, data, f)
	if err != nil {
		return nil, err
	}
	f.setPositions(f.Name, root)
	return f, nil
}

// Locate records where the entities of a File decoded as part of a larger YAML document (a case's
// assume block) were written: n is the File's node in that document, held in the named file.
// Errors about the entities then name that file and their lines.
func (f *File) Locate(file string, n *yaml.Node) {
	if n != nil && n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	f.setPositions(file, n)
}

func (f *File) setPositions(file string, root *yaml.Node) {
	js, as, ns, gs := child(root, "jurisdictions"), child(root, "agencies"), child(root, "norms"), child(root, "agreements")
	for i, j := range f.Jurisdictions {
		if j != nil {
			j.pos = posOf(file, item(js, i))
		}
	}
	for i, a := range f.Agencies {
		if a != nil {
			a.pos = posOf(file, item(as, i))
		}
	}
	for i, n := range f.Norms {
		if n == nil {
			continue
		}
		nn := item(ns, i)
		n.pos = posOf(file, nn)
		es := child(nn, "effects")
		for k, e := range n.Effects {
			if e != nil {
				e.pos = posOf(file, item(es, k))
			}
		}
		ss := child(nn, "suspended")
		for k, x := range n.Suspended {
			if x != nil {
				x.pos = posOf(file, item(ss, k))
			}
		}
		bs := child(nn, "bindings")
		for k, b := range n.Bindings {
			if b != nil {
				b.pos = posOf(file, item(bs, k))
			}
		}
	}
	for i, g := range f.Agreements {
		if g != nil {
			g.pos = posOf(file, item(gs, i))
		}
	}
	ss := child(root, "source_files")
	for i, sf := range f.SourceFiles {
		if sf != nil {
			sf.pos = posOf(file, item(ss, i))
		}
	}
}
