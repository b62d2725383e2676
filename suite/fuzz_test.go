package suite

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"

	"github.com/jurisproject/juris/jurisdictions"
)

// sourceQuirks are values ICE's lists and the Census files really hold (see
// jurisdictions/sources/README.md): malformed dates, #N/A, apostrophes, commas, trailing spaces,
// safelinks, latin-1.
var sourceQuirks = []string{"7/72025", "05/082025", "#N/A", "St. Mary's", "Division of Highway Patrol", "safelinks", "Do\xf1a Ana"}

// quirkLines returns the first source line holding each quirk, as raw text.
func quirkLines(tb testing.TB) []string {
	tb.Helper()
	paths, err := filepath.Glob("../../shared/data/*/*.csv") // the public files, beside the repository
	require.NoError(tb, err)
	found := map[string]string{}
	for _, p := range paths {
		data, err := os.ReadFile(p)
		require.NoError(tb, err)
		for line := range bytes.Lines(data) {
			for _, q := range sourceQuirks {
				if _, ok := found[q]; !ok && bytes.Contains(line, []byte(q)) {
					found[q] = strings.TrimRight(string(line), "\r\n")
				}
			}
		}
	}
	var out []string
	for _, q := range sourceQuirks {
		require.Contains(tb, found, q, "quirk %q no longer in the sources", q)
		out = append(out, found[q])
	}
	return out
}

// trimSeed cuts a seed file longer than max after the last case starting before max: the fuzzer
// minimizes every input that finds new code byte by byte, and long seeds stall it for minutes.
func trimSeed(b []byte, max int) []byte {
	if len(b) <= max {
		return b
	}
	if i := bytes.LastIndex(b[:max], []byte("\n  - ")); i > 0 {
		return b[:i+1]
	}
	return b[:max]
}

// FuzzParse feeds the case-suite parser arbitrary bytes. It must never panic; a refusal is an
// Errors list naming the file (and a line inside it, where there is one), the same each time; an
// accepted suite has cases that each ask one valid question, and parsing it again gives the same
// suite. (A round trip through yaml.Marshal is no test here: it writes unset lists as [], which
// the parser rightly reads as expectations given.)
func FuzzParse(f *testing.F) {
	paths, err := filepath.Glob("../cases/*.yaml")
	require.NoError(f, err)
	for _, p := range paths {
		b, err := os.ReadFile(p)
		require.NoError(f, err)
		f.Add(trimSeed(b, 1024))
	}
	for _, line := range quirkLines(f) {
		fields := strings.Split(line, ",")
		name := strings.Join(fields[:min(3, len(fields))], ",")
		f.Add([]byte(line))
		f.Add([]byte("suite: " + fields[0] + "\ncases:\n  - name: " + name + "\n    as_of: " + fields[len(fields)-1] + "\n    locality: " + fields[min(3, len(fields)-1)] + "\n"))
		f.Add([]byte("cases:\n  - {name: '" + strings.ReplaceAll(name, "'", "''") + "', agency: us/md/st-marys-county/sheriff, model: warrant-service-officer,\n     expect: {cites: [" + line + "]}}\n"))
		for _, v := range fields {
			f.Add([]byte("cases:\n  - name: x\n    as_of: " + v + "\n    agency: " + v + "\n    model: task-force\n    expect: {allowed: true, duty: " + v + "}\n"))
		}
	}
	f.Add([]byte("cases:\n  - name: x\n    locality: us/tx/austin\n    assume:\n      agreements:\n        - {agency: us/tx/travis-county/sheriff, model: task-force, signed: 7/72025, source: s, url: \"https://x\"}\n    expect: {policies: {us/tx/austin/freedom-city-2018: in-force}}\n"))
	f.Add([]byte("cases: &c [{name: x, locality: us/b}]\nsuite: *c\n"))
	f.Add([]byte("cases:\n\t- name: x\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		const name = "fuzz-cases.yaml"
		s, err := Parse(name, data)
		if err != nil {
			var es jurisdictions.Errors
			require.True(t, errors.As(err, &es), "error of type %T: %v", err, err)
			require.NotEmpty(t, es)
			lines := yamlLines(data)
			for _, e := range es {
				require.Equal(t, name, e.File, "error names another file: %v", e)
				require.NotEmpty(t, e.Msg)
				require.GreaterOrEqual(t, e.Line, 0)
				require.LessOrEqual(t, e.Line, lines+1, "line past the end of the input: %v", e)
			}
			_, again := Parse(name, data)
			require.EqualError(t, again, err.Error(), "the same bytes refused twice with different errors")
			return
		}
		require.NotEmpty(t, s.Cases)
		for _, c := range s.Cases {
			require.NotNil(t, c)
			require.True(t, (c.Agency == "") != (c.Locality == ""), "a case must ask exactly one question: %+v", c)
			if c.Agency != "" {
				require.True(t, slices.Contains(jurisdictions.Models(), c.Model), "model %q", c.Model)
			}
		}
		again, err := Parse(name, data)
		require.NoError(t, err, "the same bytes parsed twice: accepted, then refused")
		if !reflect.DeepEqual(s, again) { // NaN in an assumed county share is not DeepEqual to itself
			out, err := yaml.Marshal(s)
			require.NoError(t, err)
			out2, err := yaml.Marshal(again)
			require.NoError(t, err)
			require.Equal(t, string(out), string(out2), "parsing the same bytes twice gave different suites")
		}
	})
}

// yamlLines bounds the number of lines YAML sees in data: it breaks lines at LF, CR (CRLF counted
// twice here), NEL, LS and PS.
func yamlLines(data []byte) int {
	n := 1
	for _, br := range []string{"\n", "\r", "\u0085", "\u2028", "\u2029"} {
		n += bytes.Count(data, []byte(br))
	}
	return n
}
