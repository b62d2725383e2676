// Package policy holds juris's legal reasoning, written in Rego v1, and compiles it in a sandbox:
// strict mode, and capabilities without network access, environment or file reads, or runtime
// information. The Rego files under juris/ are embedded; their unit tests sit beside them.
package policy

import (
	"embed"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
)

//go:embed juris/*.rego
var files embed.FS

// Package is the Rego package of the decisions: data.juris.agency and data.juris.locality.
const Package = "juris"

// forbidden are built-ins that reach outside the evaluation: the network, the environment and
// runtime details, output channels, and the JSON Schema built-ins, whose "$ref": "file:///..."
// reads local files whatever the network allowance. (time.now_ns stays: it gives as_of its
// default, today.)
var forbidden = []string{
	"http.send", "net.lookup_ip_addr", "net.cidr_expand", "opa.runtime", "trace",
	"rego.parse_module", "print", "json.match_schema", "json.verify_schema",
}

// Capabilities returns the sandboxed capabilities juris compiles every policy with: the current
// OPA built-ins less anything that reaches the network, the environment or the runtime, and no
// allowed network hosts.
func Capabilities() *ast.Capabilities {
	c := ast.CapabilitiesForThisVersion()
	out := *c
	out.Builtins = nil
	for _, b := range c.Builtins {
		if slices.Contains(forbidden, b.Name) || strings.HasPrefix(b.Name, "net.") || strings.HasPrefix(b.Name, "http.") {
			continue
		}
		out.Builtins = append(out.Builtins, b)
	}
	out.AllowNet = []string{}
	return &out
}

// Forbidden lists the built-in functions that sandboxed policy may not call.
func Forbidden() []string { return slices.Clone(forbidden) }

// Modules returns the embedded policy modules (tests excluded), keyed by file name.
func Modules() map[string]string { return read(false) }

// TestModules returns the embedded Rego unit tests, keyed by file name.
func TestModules() map[string]string { return read(true) }

func read(tests bool) map[string]string {
	out := map[string]string{}
	entries, _ := fs.Glob(files, "juris/*.rego")
	for _, name := range entries {
		if strings.HasSuffix(name, "_test.rego") != tests {
			continue
		}
		b, err := files.ReadFile(name)
		if err != nil {
			panic(err) // embedded: cannot fail
		}
		out["policy/"+name] = string(b)
	}
	return out
}

// ReadDir reads the .rego files of a researcher's extra policy directory, keyed by path.
// Test files are included; they are compiled like any module.
func ReadDir(dir string) (map[string]string, error) {
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || !strings.HasSuffix(p, ".rego") {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		out[p] = string(b)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("reading policy %s: %w", dir, err)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("reading policy %s: no .rego files", dir)
	}
	return out, nil
}

// Compile parses and compiles the embedded policy plus extra modules, in strict mode with the
// sandboxed capabilities. Errors name file, line and the rule at fault.
func Compile(extra map[string]string) (*ast.Compiler, error) {
	mods := Modules()
	for k, v := range extra {
		if _, dup := mods[k]; dup {
			return nil, fmt.Errorf("policy module %s: name clashes with an embedded module", k)
		}
		mods[k] = v
	}
	parsed := make(map[string]*ast.Module, len(mods))
	caps := Capabilities()
	for name, src := range mods {
		m, err := ast.ParseModuleWithOpts(name, src, ast.ParserOptions{RegoVersion: ast.RegoV1, Capabilities: caps, ProcessAnnotation: true})
		if err != nil {
			return nil, fmt.Errorf("parsing policy: %w", err)
		}
		parsed[name] = m
	}
	c := ast.NewCompiler().
		WithStrict(true).
		WithCapabilities(caps).
		WithDefaultRegoVersion(ast.RegoV1).
		WithEnablePrintStatements(false)
	if c.Compile(parsed); c.Failed() {
		return nil, fmt.Errorf("compiling policy: %w", c.Errors)
	}
	return c, nil
}
