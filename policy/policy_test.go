package policy

import (
	"context"
	"fmt"
	"maps"
	"os"
	"slices"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/cover"
	"github.com/open-policy-agent/opa/v1/format"
	"github.com/open-policy-agent/opa/v1/storage/inmem"
	"github.com/open-policy-agent/opa/v1/tester"
	"github.com/stretchr/testify/require"
)

// minCoverage is the line coverage of the policy the Rego unit tests must keep.
const minCoverage = 90.0

// TestRego runs the Rego unit tests beside the policy and reports line coverage.
func TestRego(t *testing.T) {
	ctx := context.Background()
	mods := map[string]*ast.Module{}
	all := Modules()
	for k, v := range TestModules() {
		all[k] = v
	}
	for name, src := range all {
		m, err := ast.ParseModuleWithOpts(name, src, ast.ParserOptions{RegoVersion: ast.RegoV1})
		require.NoError(t, err)
		mods[name] = m
	}
	require.NotEmpty(t, TestModules(), "no Rego tests found")
	cov := cover.New()
	runner := tester.NewRunner().
		SetCompiler(ast.NewCompiler().WithStrict(true).WithCapabilities(Capabilities()).WithDefaultRegoVersion(ast.RegoV1)).
		SetStore(inmem.New()).
		SetModules(mods).
		SetCoverageQueryTracer(cov).
		SetDefaultRegoVersion(ast.RegoV1)
	ch, err := runner.RunTests(ctx, nil)
	require.NoError(t, err)
	n := 0
	for r := range ch {
		n++
		if r.Fail || r.Error != nil {
			t.Errorf("%s.%s failed (%s): %v", r.Package, r.Name, r.Location, r.Error)
		}
	}
	require.Greater(t, n, 0, "no Rego test ran")
	rep := cov.Report(mods)
	var files []string
	for f := range rep.Files {
		if !strings.HasSuffix(f, "_test.rego") {
			files = append(files, f)
		}
	}
	sort.Strings(files)
	covered, total := 0, 0
	for _, f := range files {
		fc := rep.Files[f]
		covered, total = covered+fc.CoveredLines, total+fc.CoveredLines+fc.NotCoveredLines
		t.Logf("coverage %s: %.1f%%", f, fc.Coverage)
		for _, r := range fc.NotCovered {
			t.Logf("  not covered: %s:%d-%d", f, r.Start.Row, r.End.Row)
		}
	}
	require.NotEmpty(t, files, "no policy file was traced")
	coverage := 100 * float64(covered) / float64(total)
	t.Logf("Rego tests: %d; policy line coverage (tests excluded): %.1f%% of %d lines", n, coverage, total)
	if os.Getenv("JURIS_COVERAGE_OUT") != "" {
		_ = os.WriteFile(os.Getenv("JURIS_COVERAGE_OUT"), []byte(fmt.Sprintf("%.1f\n", coverage)), 0o644)
	}
	require.GreaterOrEqual(t, coverage, minCoverage, "policy line coverage fell below %.0f%%", minCoverage)
}

// TestFormatted checks that every Rego file is as opa fmt writes it.
func TestFormatted(t *testing.T) {
	all := Modules()
	for k, v := range TestModules() {
		all[k] = v
	}
	for name, src := range all {
		out, err := format.SourceWithOpts(name, []byte(src), format.Opts{RegoVersion: ast.RegoV1})
		require.NoError(t, err, name)
		require.Equal(t, string(out), src, "%s is not opa fmt clean: run opa fmt -w", name)
	}
}

// TestSandbox proves that policy reaching the network, the environment or the runtime is
// refused at compile time with a message naming the built-in.
func TestSandbox(t *testing.T) {
	calls := map[string]string{
		"http.send":          `x := http.send({"method": "GET", "url": "http://127.0.0.1:1"})`,
		"net.lookup_ip_addr": `x := net.lookup_ip_addr("example.com")`,
		"opa.runtime":        `x := opa.runtime()`,
		"net.cidr_expand":    `x := net.cidr_expand("10.0.0.0/30")`,
	}
	for name, rule := range calls {
		t.Run(name, func(t *testing.T) {
			_, err := Compile(map[string]string{"extra/evil.rego": "package evil\n\n" + rule + "\n"})
			require.Error(t, err)
			require.Contains(t, err.Error(), name)
		})
	}
	_, err := Compile(map[string]string{"extra/ok.rego": "package extra\n\nx := 1\n"})
	require.NoError(t, err)
}

func TestCompileStrict(t *testing.T) {
	_, err := Compile(map[string]string{"extra/unused.rego": "package extra\n\nf(a) := 1\n"})
	require.Error(t, err, "strict mode should refuse an unused argument")
	require.Contains(t, err.Error(), "unused argument")
}

func ExampleCapabilities() {
	c := Capabilities()
	for _, b := range c.Builtins {
		if b.Name == "http.send" {
			fmt.Println("http.send allowed")
		}
	}
	fmt.Println("allowed hosts:", len(c.AllowNet))
	// Output: allowed hosts: 0
}

// maxLineLength is the longest line a Rego file under juris/ may have, in characters (a tab
// counts as one, as Regal's line-length rule counts them).
const maxLineLength = 120

// publicRules are the rules of package juris that others query: the four decisions and the
// facts the policy cannot use (resolver.checkFacts). Every other rule is private: its name
// starts with an underscore.
var publicRules = []string{"agency", "locality", "report", "stats", "fact_problems"}

// longLines lists the lines of src longer than maxLineLength, as file:line messages.
func longLines(name, src string) []string {
	var out []string
	for i, line := range strings.Split(src, "\n") {
		if n := utf8.RuneCountInString(line); n > maxLineLength {
			out = append(out, fmt.Sprintf("%s:%d: %d characters, more than %d", name, i+1, n, maxLineLength))
		}
	}
	return out
}

// unexpectedPublic lists the rules of package juris in src that are neither public entry
// points nor named with a leading underscore, as file:line messages.
func unexpectedPublic(name, src string) ([]string, error) {
	m, err := ast.ParseModuleWithOpts(name, src, ast.ParserOptions{RegoVersion: ast.RegoV1})
	if err != nil {
		return nil, err
	}
	if !m.Package.Path.Equal(ast.MustParseRef("data." + Package)) {
		return nil, nil
	}
	var out []string
	for _, r := range m.Rules {
		rn := r.Head.Ref()[0].String()
		if strings.HasPrefix(rn, "_") || slices.Contains(publicRules, rn) {
			continue
		}
		out = append(out, fmt.Sprintf("%s:%d: rule %s is public: name it _%s, or add it to the entry points", name, r.Location.Row, rn, rn))
	}
	return out, nil
}

// TestLineLength fails on any line of a Rego file under juris/ (tests included) longer than
// 120 characters.
func TestLineLength(t *testing.T) {
	require.Len(t, longLines("x.rego", "package x\n\n"+strings.Repeat("a", maxLineLength+1)+"\n"), 1, "the check finds nothing")
	all := Modules()
	for k, v := range TestModules() {
		all[k] = v
	}
	for _, name := range slices.Sorted(maps.Keys(all)) {
		for _, msg := range longLines(name, all[name]) {
			t.Error(msg)
		}
	}
}

// TestPrivateHelpers fails on a rule of package juris (tests exempt) that is neither one of the
// public entry points nor named with a leading underscore, the Regal convention for private
// rules: data.juris offers the decisions and nothing else.
func TestPrivateHelpers(t *testing.T) {
	bad, err := unexpectedPublic("x.rego", "package juris\n\n_ok := 1\n\nagency := 1\n\nhelper(x) := x\n")
	require.NoError(t, err)
	require.Equal(t, []string{"x.rego:7: rule helper is public: name it _helper, or add it to the entry points"}, bad)
	mods := Modules()
	for _, name := range slices.Sorted(maps.Keys(mods)) {
		bad, err := unexpectedPublic(name, mods[name])
		require.NoError(t, err)
		for _, msg := range bad {
			t.Error(msg)
		}
	}
}
