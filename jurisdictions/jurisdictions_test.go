package jurisdictions

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

const base = `
jurisdictions:
  - {id: us, name: United States, kind: nation}
  - {id: us/tx, name: Texas, kind: state, parent: us, usps: TX}
  - {id: us/tx/travis-county, name: Travis County, kind: county, parent: us/tx}
agencies:
  - id: us/tx/travis-county/sheriff
    name: Travis County Sheriff's Office
    kind: sheriff
    jurisdiction: us/tx/travis-county
    runs_jail: true
norms:
  - id: us/tx/law
    title: A law
    type: statute
    citation: "Tex. Gov't Code § 1"
    url: https://example.org/law
    jurisdiction: us/tx
    effective: 2020-01-01
    effects:
      - type: requires
        duty: enter
`

func parse(t *testing.T, src string) *File {
	t.Helper()
	f, err := ParseFile("test.yaml", []byte(src))
	require.NoError(t, err)
	return f
}

func TestBuildValid(t *testing.T) {
	ds, err := Build(parse(t, base))
	require.NoError(t, err)
	require.Len(t, ds.Jurisdictions, 3)
	require.Equal(t, []string{"us/tx/travis-county", "us/tx", "us"}, ds.Ancestors("us/tx/travis-county"))
	require.NotEmpty(t, ds.Revision)
}

// Each bad input must be refused with an error naming the file, the line and the field.
func TestParseErrors(t *testing.T) {
	cases := []struct {
		name, src, want string
	}{
		{"unknown key", "jurisdictions:\n  - id: us\n    nmae: x\n", `test.yaml:3: jurisdictions[0].nmae: unknown key "nmae"; valid keys here:`},
		{"scalar for mapping", "jurisdictions:\n  - just a string\n", "test.yaml:2: jurisdictions[0]: want a mapping"},
		{"list for scalar", "jurisdictions:\n  - id: [a, b]\n", "test.yaml:2: jurisdictions[0].id: want a single value, got a list"},
		{"duplicate key", "jurisdictions:\n  - id: us\n    id: us\n", `key "id" written twice`},
		{"bad date", "norms:\n  - id: us/x\n    effective: 2026-02-30\n", "test.yaml:3"},
		{"wrong type", "agencies:\n  - id: us/a\n    runs_jail: maybe\n", "test.yaml:3"},
		{"tabs", "jurisdictions:\n\t- id: us\n", "test.yaml:2"},
		{"binary", "jurisdictions:\x00\n", "binary data"},
		{"top-level unknown", "laws: []\n", `unknown key "laws"`},
		{"two documents", "jurisdictions: []\n---\nagencies: []\n", "more than one YAML document"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := ParseFile("test.yaml", []byte(c.src))
			require.Error(t, err)
			require.Contains(t, err.Error(), c.want)
		})
	}
}

func TestParseSizeCap(t *testing.T) {
	big := "jurisdictions: []\n# " + strings.Repeat("x", MaxFileSize) + "\n"
	_, err := ParseFile("big.yaml", []byte(big))
	require.ErrorContains(t, err, "8 MiB")
}

func TestAliasBomb(t *testing.T) {
	src := `a: &a ["x","x","x","x","x","x","x","x","x"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
`
	_, err := ParseFile("bomb.yaml", []byte(src))
	require.Error(t, err)
	require.Contains(t, err.Error(), "bomb.yaml")
}

func TestValidateErrors(t *testing.T) {
	cases := []struct {
		name, extra, want string
	}{
		{"dangling parent", "jurisdictions:\n  - {id: us/tx/x, name: X, kind: county, parent: us/tx/nowhere}\n", `unknown jurisdiction "us/tx/nowhere"`},
		{"bad kind", "jurisdictions:\n  - {id: us/tx/x, name: X, kind: shire, parent: us/tx}\n", `"shire" is not valid; valid values: nation, state`},
		{"id not under parent", "jurisdictions:\n  - {id: us/oh/x, name: X, kind: county, parent: us/tx}\n", "must be its parent's id"},
		{"duplicate id", "jurisdictions:\n  - {id: us/tx, name: Texas, kind: state, parent: us, usps: TX}\n", `id "us/tx" is already defined`},
		{"unknown model", "agreements:\n  - {agency: us/tx/travis-county/sheriff, model: street-patrol, signed: 2025-01-01, source: s, url: https://e.org}\n", `"street-patrol" is not valid; valid values: jail-enforcement, task-force, warrant-service-officer`},
		{"agreement without source", "agreements:\n  - {agency: us/tx/travis-county/sheriff, model: task-force, signed: 2025-01-01}\n", "source: required"},
		{"end before start", "agreements:\n  - {agency: us/tx/travis-county/sheriff, model: task-force, signed: 2025-01-01, terminated: 2024-01-01, source: s, url: https://e.org}\n", "is before the signed date"},
		{"norm without url", "norms:\n  - {id: us/tx/y, title: Y, type: statute, citation: c, jurisdiction: us/tx, effective: 2020-01-01, effects: [{type: permits}]}\n", "url: required"},
		{"duty on a ban", "norms:\n  - {id: us/tx/y, title: Y, type: statute, citation: c, url: https://e.org, jurisdiction: us/tx, effective: 2020-01-01, effects: [{type: prohibits, duty: enter}]}\n", "only applies to effects of type requires"},
		{"repealed before effective", "norms:\n  - {id: us/tx/y, title: Y, type: statute, citation: c, url: https://e.org, jurisdiction: us/tx, effective: 2020-01-01, repealed: 2019-01-01, effects: [{type: permits}]}\n", "is before the effective date"},
		{"unverified without note", "norms:\n  - {id: us/tx/y, title: Y, type: statute, citation: c, url: https://e.org, jurisdiction: us/tx, effective: 2020-01-01, verified: false, effects: [{type: permits}]}\n", "note: required when verified is false"},
		{"empty open question", "jurisdictions:\n  - {id: us/tx/x, name: X, kind: county, parent: us/tx, checked: {date: 2026-11-30, outcome: no-law-found, searched: s, note: n, open: [\" \"]}}\n", "open[0] is empty"},
		{"open question with no survey", "jurisdictions:\n  - {id: us/tx/x, name: X, kind: county, parent: us/tx, checked: {date: 2026-11-30, outcome: not-researched, note: n, open: [q]}}\n", "a jurisdiction not researched at all has no survey"},
		{"unknown reach agency", "norms:\n  - {id: us/tx/y, title: Y, type: statute, citation: c, url: https://e.org, jurisdiction: us/tx, effective: 2020-01-01, effects: [{type: permits, reaches: {agencies: [us/tx/nobody]}}]}\n", `unknown agency "us/tx/nobody"`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Build(parse(t, base), parse(t, c.extra))
			require.Error(t, err)
			require.Contains(t, err.Error(), c.want)
			require.Contains(t, err.Error(), "test.yaml:")
		})
	}
}

func TestParentCycle(t *testing.T) {
	src := "jurisdictions:\n  - {id: us, name: US, kind: nation}\n  - {id: us/a, name: A, kind: state, parent: us/a/b, usps: AA}\n  - {id: us/a/b, name: B, kind: county, parent: us/a}\n"
	_, err := Build(parse(t, src))
	require.ErrorContains(t, err, "loops back")
}

func TestLayerReplacesAndAdds(t *testing.T) {
	ds, err := Build(parse(t, base))
	require.NoError(t, err)
	over := parse(t, "agreements:\n  - {agency: us/tx/travis-county/sheriff, model: task-force, signed: 2026-11-01, source: what-if, url: https://e.org}\n")
	ds2, err := ds.Layer(over)
	require.NoError(t, err)
	require.Len(t, ds2.Agreements, 1)
	require.Empty(t, ds.Agreements, "the base dataset must not change")
	require.NotEqual(t, ds.Revision, ds2.Revision)
	_, ok := ds2.Agreements["us/tx/travis-county/sheriff#task-force#2026-11-01"]
	require.True(t, ok)
}

func TestDefaultDatasetLoads(t *testing.T) {
	ds, err := Default()
	require.NoError(t, err)
	states := 0
	for _, j := range ds.Jurisdictions {
		if j.Kind == "state" || j.Kind == "district" {
			states++
		}
	}
	require.Equal(t, 51, states, "50 states and DC")
	for id, n := range ds.Norms {
		require.NotEmpty(t, n.URL, id)
		require.NotEmpty(t, n.Citation, id)
		require.NotNil(t, n.Effective, id)
	}
	for id, g := range ds.Agreements {
		require.NotEmpty(t, g.Source, id)
		require.NotEmpty(t, g.URL, id)
	}
}

func ExampleParseFile() {
	_, err := ParseFile("mine.yaml", []byte("agencies:\n  - id: us/tx/x/police\n    colour: blue\n"))
	fmt.Println(err)
	// Output: mine.yaml:3: agencies[0].colour: unknown key "colour"; valid keys here: bound_by, bound_by_source, id, jurisdiction, kind, name, note, operates_in, ori, other_names, other_oris, runs_jail, runs_jail_source
}

func TestSlug(t *testing.T) {
	for in, want := range map[string]string{
		"Doña Ana County":        "dona-ana-county",
		"St. Mary's County":      "st-marys-county",
		"Travis County":          "travis-county",
		"  Bay County ":          "bay-county",
		"Lexington-Fayette":      "lexington-fayette",
		"Hartsville/Trousdale":   "hartsville-trousdale",
		"Florida A&M University": "florida-a-m-university",
		"Coeur d’Alene":          "coeur-dalene",
		"Española":               "espanola",
		"":                       "",
		"***":                    "",
	} {
		require.Equal(t, want, Slug(in), in)
	}
}

func TestCountySharesRefusesNaNAndStrays(t *testing.T) {
	_, err := Build(parse(t, base), parse(t, `jurisdictions:
  - {id: us/tx/austin, name: Austin, kind: city, parent: us/tx, counties: [us/tx/travis-county],
     county_shares: {us/tx/travis-county: .nan, us/tx/hays-county: 0.5}}
`))
	require.Error(t, err)
	msg := err.Error()
	require.Contains(t, msg, `"us/tx/travis-county": share NaN is not between 0 and 1`)
	require.Contains(t, msg, `"us/tx/hays-county" is not among the jurisdiction's counties`)
	require.Less(t, strings.Index(msg, "hays-county"), strings.Index(msg, `"us/tx/travis-county": share`), "stable order")
}

func TestEmptyEntryNamesItsLine(t *testing.T) {
	_, err := ParseFile("empty.yaml", []byte("agencies:\n  - id: us/tx/x\n    name: X\n  -\n"))
	require.Error(t, err)
	require.Contains(t, err.Error(), "empty.yaml:4: agencies[1]: empty entry")
}

// TestDecodeInline: the keys of an inlined struct are the outer mapping's, and are checked as
// strictly as its own.
func TestDecodeInline(t *testing.T) {
	type source struct {
		Citation string `yaml:"citation"`
	}
	type entry struct {
		ID     string `yaml:"id"`
		source `yaml:",inline"`
	}
	var out struct {
		Entries []entry `yaml:"entries"`
	}
	_, err := Decode("t.yaml", []byte("entries:\n  - id: a\n    citation: C\n"), &out)
	require.NoError(t, err)
	require.Equal(t, "C", out.Entries[0].Citation)
	_, err = Decode("t.yaml", []byte("entries:\n  - id: a\n    citaton: C\n"), &out)
	require.ErrorContains(t, err, `t.yaml:3: entries[0].citaton: unknown key "citaton"; valid keys here: citation, id`)
}
