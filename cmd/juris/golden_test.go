package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/jurisproject/juris/resolver"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden (go test ./cmd/juris -run TestGolden -update)")

// goldenCases are the case studies whose whole answers, text and JSON, are kept under
// testdata/golden, at fixed dates.
var goldenCases = []struct {
	name string
	args []string
}{
	{"agency-travis-county-sheriff", []string{"agency", "us/tx/travis-county/sheriff", "--model", "jail-enforcement", "--as-of", "2026-12-02"}},
	{"locality-austin", []string{"locality", "us/tx/austin", "--as-of", "2026-12-02"}},
	{"locality-columbus", []string{"locality", "us/oh/columbus", "--as-of", "2026-12-01"}},
	{"locality-chattanooga", []string{"locality", "us/tn/chattanooga", "--as-of", "2026-06-01"}},
	{"explain-austin-tx", []string{"explain", "Austin, TX", "--as-of", "2026-12-02"}},
	{"stats-tx", []string{"stats", "--as-of", "2025-07-18", "--state", "TX"}},
}

var (
	revisionJSON = regexp.MustCompile(`"revision": "[0-9a-f]+"`)
	revisionText = regexp.MustCompile(`dataset [0-9a-f]{16}\b`)
	versionJSON  = regexp.MustCompile(`"version": "` + regexp.QuoteMeta(resolver.Version) + `"`)
	versionText  = regexp.MustCompile(`\bjuris ` + regexp.QuoteMeta(resolver.Version) + `\b`)
)

// normalize blanks out the dataset revision and the version, and nothing else: any change to the
// facts that changes an answer still shows in the comparison.
func normalize(s string) string {
	s = revisionJSON.ReplaceAllString(s, `"revision": "REVISION"`)
	s = revisionText.ReplaceAllString(s, "dataset REVISION")
	s = versionJSON.ReplaceAllString(s, `"version": "VERSION"`)
	return versionText.ReplaceAllString(s, "juris VERSION")
}

// TestGolden compares the CLI's text and JSON answers for the case studies with the golden files
// (rewrite them with -update), checks that each command gives byte-identical output when run
// twice, and that JSON objects and lists come out in a stable, sorted order.
func TestGolden(t *testing.T) {
	for _, c := range goldenCases {
		for _, format := range []string{"text", "json"} {
			ext := map[string]string{"text": ".txt", "json": ".json"}[format]
			t.Run(c.name+ext, func(t *testing.T) {
				args := append(slices.Clone(c.args), "--format", format)
				code, out, stderr := juris(t, args...)
				require.Equal(t, 0, code, stderr)
				_, again, _ := juris(t, args...)
				require.Equal(t, out, again, "juris %v gave different output on a second run", args)
				if format == "json" {
					require.True(t, json.Valid([]byte(out)), "not JSON: %s", out)
					requireStableJSON(t, "", []byte(out))
				}
				got := normalize(out)
				path := filepath.Join("testdata", "golden", c.name+ext)
				if *update {
					require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
					require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
					return
				}
				want, err := os.ReadFile(path)
				require.NoError(t, err, "no golden file: go test ./cmd/juris -run TestGolden -update")
				require.Equal(t, string(want), got, "juris %v differs from %s; if the change is meant, rewrite it: go test ./cmd/juris -run TestGolden -update", args, path)
			})
		}
	}
}

// mapFields hold JSON objects made from Go maps: their keys must come out sorted.
var mapFields = []string{"by_state", "by_model", "by_agency_kind", "county_shares"}

// orderedLists are string lists whose order means something (ancestors: nearest first;
// sources: as the researcher listed them, the main one first).
var orderedLists = []string{"ancestors", "sources"}

// sortedBy are lists of objects that must be sorted by one of their fields.
var sortedBy = map[string]string{"bypasses": "agency", "could_bypass": "agency", "policies": "norm"}

// requireStableJSON checks a JSON value: no key written twice, map-made objects in key order,
// lists of strings sorted (unless their order means something), and the lists in sortedBy sorted
// by their field. field is the key the value is written under.
func requireStableJSON(t *testing.T, field string, raw json.RawMessage) {
	t.Helper()
	raw = bytes.TrimSpace(raw)
	switch raw[0] {
	case '{':
		dec := json.NewDecoder(bytes.NewReader(raw))
		_, err := dec.Token()
		require.NoError(t, err)
		var keys []string
		for dec.More() {
			k, err := dec.Token()
			require.NoError(t, err)
			key := k.(string)
			require.NotContains(t, keys, key, "key %q written twice in %s", key, field)
			keys = append(keys, key)
			var v json.RawMessage
			require.NoError(t, dec.Decode(&v))
			requireStableJSON(t, key, v)
		}
		if slices.Contains(mapFields, field) {
			require.True(t, slices.IsSorted(keys), "keys of %s not sorted: %v", field, keys)
		}
	case '[':
		var items []json.RawMessage
		require.NoError(t, json.Unmarshal(raw, &items))
		var strs, by []string
		for _, it := range items {
			requireStableJSON(t, field, it)
			var s string
			if json.Unmarshal(it, &s) == nil {
				strs = append(strs, s)
			}
			var o map[string]any
			if f := sortedBy[field]; f != "" && json.Unmarshal(it, &o) == nil {
				v, _ := o[f].(string)
				by = append(by, v)
			}
		}
		if len(strs) == len(items) && !slices.Contains(orderedLists, field) {
			require.True(t, slices.IsSorted(strs), "list %s not sorted: %v", field, strs)
		}
		require.True(t, slices.IsSorted(by), "list %s not sorted by %s: %v", field, sortedBy[field], by)
	}
}
