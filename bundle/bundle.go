// Package bundle exports juris as an Open Policy Agent bundle: the Rego policy and the facts as
// bundle data. A stock `opa run --server --bundle FILE` serves it, answering
// POST /v1/data/juris/agency and /v1/data/juris/locality with the decisions the library gives,
// with no Go code of juris in the path.
package bundle

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	opabundle "github.com/open-policy-agent/opa/v1/bundle"

	"github.com/jurisproject/juris/jurisdictions"
	"github.com/jurisproject/juris/policy"
)

// Build makes the bundle: the embedded policy (test modules left out) and any extra modules,
// compiled first in juris's sandbox so that a bundle never carries policy juris would refuse, and
// the facts document under data.facts. The manifest's revision is a hash of facts and policy; its
// roots are the data paths the bundle owns.
func Build(ctx context.Context, ds *jurisdictions.Dataset, extra map[string]string) (*opabundle.Bundle, error) {
	if _, err := policy.Compile(extra); err != nil {
		return nil, err
	}
	doc, err := ds.Document()
	if err != nil {
		return nil, err
	}
	mods := policy.Modules()
	for name, src := range extra {
		mods["extra/"+strings.TrimPrefix(name, "/")] = src
	}
	h := sha256.New()
	facts, err := json.Marshal(doc)
	if err != nil {
		return nil, fmt.Errorf("encoding facts: %w", err)
	}
	h.Write(facts)
	roots := []string{"facts"}
	b := &opabundle.Bundle{Data: map[string]any{"facts": doc}}
	for _, name := range slices.Sorted(maps.Keys(mods)) {
		src := mods[name]
		fmt.Fprintf(h, "\x00%s\x00%s", name, src)
		m, err := ast.ParseModuleWithOpts(name, src, ast.ParserOptions{RegoVersion: ast.RegoV1})
		if err != nil {
			return nil, fmt.Errorf("parsing %s: %w", name, err)
		}
		root, ok := m.Package.Path[1].Value.(ast.String)
		if !ok {
			return nil, fmt.Errorf("%s: package %s has no plain name", name, m.Package.Path)
		}
		if !slices.Contains(roots, string(root)) {
			roots = append(roots, string(root))
		}
		path := "/" + strings.TrimPrefix(name, "/")
		b.Modules = append(b.Modules, opabundle.ModuleFile{URL: path, Path: path, Raw: []byte(src), Parsed: m})
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	slices.Sort(roots)
	v := 1
	b.Manifest = opabundle.Manifest{Revision: hex.EncodeToString(h.Sum(nil))[:16], Roots: &roots, RegoVersion: &v}
	return b, nil
}

// Write builds the bundle and writes it to w as a .tar.gz. It returns the bundle's revision.
func Write(ctx context.Context, w io.Writer, ds *jurisdictions.Dataset, extra map[string]string) (string, error) {
	b, err := Build(ctx, ds, extra)
	if err != nil {
		return "", err
	}
	if err := opabundle.NewWriter(w).Write(*b); err != nil {
		return "", fmt.Errorf("writing bundle: %w", err)
	}
	return b.Manifest.Revision, nil
}
