package resolver

import (
	"bytes"
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// findQuirks are strings the public sources really hold where a name search can go wrong:
// apostrophes, #N/A, commas inside a name, trailing spaces, malformed dates, safelinks, a
// per-region agency with a trailing colon, and Doña Ana in latin-1 as the Geocorr file has it.
var findQuirks = []string{
	"St. Mary's", "#N/A", "Division of Highway Patrol", "Travis County", "7/72025", "safelinks",
	"Highway Patrol:", "Do\xf1a Ana", "Doña Ana", "Austin,TX", "TX2270000",
}

// FuzzFind searches names with arbitrary queries over Texas and the curated facts. Find must
// never panic, must answer the same twice, and must return only entities that exist, each once,
// as the dataset describes them.
func FuzzFind(f *testing.F) {
	r, err := New(context.Background(), WithStates("TX"))
	require.NoError(f, err)
	ds := r.Dataset()

	for _, q := range []string{
		"Austin, TX", "Austin", "austin tx", "Travis County, Texas", "Travis County Sheriff's Office",
		"Franklin County Sheriff OH", "us/tx/austin", "us/tx/travis-county/sheriff", "tx2270000",
		"County Sheriff", "Sheriff's", " ", "", ",", "St. Mary's County, MD", "Doña Ana County, NM",
		"Do\xf1a Ana County, NM", "Texas Department of Public Safety, TX", "  Harris   County  ",
		"Austin County Sheriff's Office, Texas", "us", "us/tx", "TX", "Texas, Texas", "\x00", "\xff\xfe",
	} {
		f.Add(q)
	}
	paths, err := filepath.Glob("../../shared/data/*/*.csv") // the public files, beside the repository
	require.NoError(f, err)
	found := map[string]bool{}
	for _, p := range paths {
		data, err := os.ReadFile(p)
		require.NoError(f, err)
		for line := range bytes.Lines(data) {
			for _, q := range findQuirks {
				if found[q] || !bytes.Contains(line, []byte(q)) {
					continue
				}
				found[q] = true
				f.Add(string(line))
				cr := csv.NewReader(bytes.NewReader(line))
				cr.LazyQuotes = true
				fields, _ := cr.Read()
				for _, v := range fields {
					f.Add(v)
				}
				if len(fields) > 3 {
					f.Add(fields[1] + ", " + fields[0]) // name, state
					f.Add(fields[1] + " " + fields[3])  // name county
				}
			}
		}
	}
	for _, q := range findQuirks {
		require.True(f, found[q], "quirk %q no longer in the sources", q)
	}

	f.Fuzz(func(t *testing.T, q string) {
		ms := r.Find(q)
		require.Equal(t, ms, r.Find(q), "Find(%q) answered differently twice", q)
		if strings.TrimSpace(q) == "" {
			require.Empty(t, ms)
		}
		seen := map[string]bool{}
		for i, m := range ms {
			require.False(t, seen[m.ID], "Find(%q) returned %s twice", q, m.ID)
			seen[m.ID] = true
			switch m.Type {
			case "jurisdiction":
				j, ok := ds.Jurisdictions[m.ID]
				require.True(t, ok, "Find(%q) returned unknown jurisdiction %q", q, m.ID)
				require.Equal(t, j.Name, m.Name)
				require.Equal(t, j.Kind, m.Kind)
			case "agency":
				a, ok := ds.Agencies[m.ID]
				require.True(t, ok, "Find(%q) returned unknown agency %q", q, m.ID)
				require.Equal(t, a.Name, m.Name)
				require.Equal(t, a.Kind, m.Kind)
			default:
				t.Fatalf("Find(%q) returned a match of type %q", q, m.Type)
			}
			require.Equal(t, stateOf(m.ID), m.State)
			if i < 3 {
				require.Equal(t, []Match{m}, r.Find(m.ID), "an id must find itself")
			}
		}
	})
}
