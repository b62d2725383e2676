package jurisdictions

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"
)

// quirks are strings the public sources really hold, each a way source data goes wrong: a
// malformed date, an empty county written #N/A, an apostrophe, a name with a comma, an Outlook
// safelink, a trailing space, and Doña Ana as the Census file spells it (latin-1, not UTF-8).
var quirks = []string{
	"7/72025", "05/082025", "5025-07-07", "#N/A", "St. Mary's",
	"Florida Department of Highway Safety and Motor Vehicles, Division of Highway Patrol",
	"safelinks.protection.outlook.com", "Tooele County Sheriff's Office", "Do\xf1a Ana", "Doña Ana",
	"Highway Patrol:", "NOT SPECIFIED",
}

// sourceRows returns, for each quirk, the first line of the public files (../shared/data) holding it, split
// into its CSV fields; the test fails if a quirk is no longer in the sources.
func sourceRows(tb testing.TB, dir string) map[string][]string {
	tb.Helper()
	rows := map[string][]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".csv") {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for line := range bytes.Lines(data) {
			for _, q := range quirks {
				if _, done := rows[q]; done || !bytes.Contains(line, []byte(q)) {
					continue
				}
				r := csv.NewReader(bytes.NewReader(line))
				r.LazyQuotes = true
				fields, err := r.Read()
				if err != nil {
					fields = strings.Split(string(line), ",")
				}
				rows[q] = fields
			}
		}
		return nil
	})
	require.NoError(tb, err)
	for _, q := range quirks {
		require.Contains(tb, rows, q, "quirk %q no longer in %s", q, dir)
	}
	return rows
}

// quirkFacts writes fact files whose values are taken from real source rows, in the quoting styles
// a researcher might use: plain, single- and double-quoted, flow and block.
func quirkFacts(rows map[string][]string) []string {
	var out []string
	for _, q := range quirks {
		for _, v := range rows[q] {
			single := "'" + strings.ReplaceAll(v, "'", "''") + "'"
			out = append(out,
				"agreements:\n  - agency: us/tx/travis-county/sheriff\n    model: task-force\n    signed: "+v+"\n    source: "+v+"\n    url: https://www.ice.gov/identify-and-arrest/287g\n",
				"agencies:\n  - {id: us/tx/x, name: "+v+", kind: sheriff, jurisdiction: us/tx}\n",
				"jurisdictions:\n  - id: us/nm/dona-ana-county\n    name: "+single+"\n    kind: county\n    parent: us/nm\n    note: "+v+" \n",
				"norms:\n  - id: us/tx/x\n    title: \""+strings.ReplaceAll(v, `"`, `\"`)+"\"\n    effective: "+v+"\n    sources: ["+v+"]\n",
			)
		}
		out = append(out, strings.Join(rows[q], ","))
	}
	return out
}

// trimSeed cuts a seed file longer than max at the last list item starting before max: the fuzzer
// minimizes every input that finds new code byte by byte, and long seeds stall it for minutes.
func trimSeed(b []byte, max int) []byte {
	if len(b) <= max {
		return b
	}
	head := b[:max]
	for _, sep := range []string{"\n  - ", "\n- ", "\n"} {
		if i := bytes.LastIndex(head, []byte(sep)); i > 0 {
			return b[:i+1]
		}
	}
	return head
}

// FuzzParseFile feeds the strict fact loader arbitrary bytes. It must never panic; a refusal is
// an Errors list naming the file (and a line inside it, where there is one), the same each time;
// what it accepts it must accept again the same way and, where the YAML encoder can write it, it
// must survive a round trip (marshal, parse, marshal gives the same bytes); validation must
// refuse it, or build it, without panicking.
func FuzzParseFile(f *testing.F) {
	var seeds []string
	for _, dir := range []string{"data", "../cases"} {
		paths, err := filepath.Glob(filepath.Join(dir, "*.yaml"))
		require.NoError(f, err)
		more, err := filepath.Glob(filepath.Join(dir, "us", "*", "*.yaml"))
		require.NoError(f, err)
		for _, p := range append(paths, more...) {
			b, err := os.ReadFile(p)
			require.NoError(f, err)
			seeds = append(seeds, string(trimSeed(b, 1024)))
		}
	}
	for _, p := range []string{"national/us/dc.yaml", "national/us/hi.yaml", "sources/aliases.yaml"} {
		b, err := os.ReadFile(p)
		require.NoError(f, err)
		seeds = append(seeds, string(trimSeed(b, 1024)))
	}
	seeds = append(seeds, quirkFacts(sourceRows(f, "../../shared/data"))...) // the public files, beside the repository
	seeds = append(seeds, base,
		"x: &a [lol, lol]\ny: &b [*a, *a]\njurisdictions: [*b]\n",
		"jurisdictions:\n\t- id: us\n",
		"jurisdictions:\n  - id: us\n    id: us\n",
		"norms: just text\n",
		"\xef\xbb\xbfjurisdictions: []\n",
		"jurisdictions:\n  - {id: us/x, county_shares: {us/x/a: .nan, us/x/b: -.inf}}\n",
	)
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		checkParseFile(t, "fuzz.yaml", data)
	})
}

func checkParseFile(t *testing.T, name string, data []byte) {
	file, err := ParseFile(name, data)
	if err != nil {
		requireNamedErrors(t, err, name, data)
		_, again := ParseFile(name, data)
		require.EqualError(t, again, err.Error(), "the same bytes refused twice with different errors")
		return
	}
	require.NotNil(t, file)
	again, err := ParseFile(name, data)
	require.NoError(t, err, "the same bytes parsed twice: accepted, then refused")
	if !reflect.DeepEqual(file, again) { // NaN is not DeepEqual to itself: compare the written forms
		a, err := marshalFacts(file)
		require.NoError(t, err)
		b, err := marshalFacts(again)
		require.NoError(t, err)
		require.Equal(t, string(a), string(b), "the same bytes parsed twice gave different facts")
	}
	// The YAML encoder cannot write every string it reads (a folded scalar with leading spaces),
	// and aliases can expand past the size cap when written out: round trip the rest.
	if out, err := marshalFacts(file); err == nil && len(out) < 1<<20 {
		again, err := ParseFile(name, out)
		require.NoError(t, err, "accepted input does not survive a round trip:\n%s", out)
		out2, err := marshalFacts(again)
		require.NoError(t, err)
		require.Equal(t, string(out), string(out2), "round trip is not stable")
	}
	if ds, err := Build(file); err != nil {
		var es Errors
		require.True(t, errors.As(err, &es), "validation error of type %T: %v", err, err)
		for _, e := range es {
			require.Equal(t, name, e.File, "error names another file: %v", e)
		}
	} else {
		_, err := ds.Document()
		require.NoError(t, err)
	}
}

// marshalFacts writes a parsed file back as YAML. An unset checked.date (the only date that is
// not a pointer) is written as null, as it was read: yaml.Marshal would write "", which the
// loader rightly refuses as a date.
func marshalFacts(file *File) ([]byte, error) {
	var n yaml.Node
	if err := n.Encode(file); err != nil {
		return nil, err
	}
	var null func(*yaml.Node)
	null = func(n *yaml.Node) {
		for i, c := range n.Content {
			if n.Kind == yaml.MappingNode && i%2 == 1 && n.Content[i-1].Value == "date" && c.Kind == yaml.ScalarNode && c.Value == "" {
				c.Tag, c.Style = "!!null", 0
			}
			null(c)
		}
	}
	null(&n)
	return yaml.Marshal(&n)
}

// requireNamedErrors checks that err is an Errors list whose every entry names file, with a line
// inside data or none.
func requireNamedErrors(t *testing.T, err error, file string, data []byte) {
	t.Helper()
	var es Errors
	require.True(t, errors.As(err, &es), "error of type %T: %v", err, err)
	require.NotEmpty(t, es)
	lines := yamlLines(data)
	for _, e := range es {
		require.Equal(t, file, e.File, "error names another file: %v", e)
		require.NotEmpty(t, e.Msg, "error with no message: %#v", e)
		require.GreaterOrEqual(t, e.Line, 0, "%v", e)
		require.LessOrEqual(t, e.Line, lines+1, "line past the end of the input: %v", e)
		require.True(t, strings.HasPrefix(e.Error(), file), "%q does not start with the file name", e.Error())
	}
	require.LessOrEqual(t, len(es), maxErrors+2, "error list not capped")
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
