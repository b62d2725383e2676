package importer

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/jurisproject/juris/resolver"
)

// TestConsolidatedGovernments: a consolidated city-county is one government that owns its
// agencies; the ids it merged name it and own nothing.
func TestConsolidatedGovernments(t *testing.T) {
	ds := layer(t)
	denver := ds.Jurisdictions["us/co/denver"]
	require.Equal(t, "city-county", denver.Kind)
	require.Equal(t, []string{"08031"}, denver.CountyGEOIDs)
	require.Equal(t, "0820000", denver.GEOID)
	require.Contains(t, denver.Aliases, "us/co/denver-county")
	require.NotNil(t, denver.Consolidated)
	require.Equal(t, "us/co/denver", ds.Agencies["us/co/denver/police"].Jurisdiction)
	sheriff := ds.Agencies["us/co/denver/sheriff"]
	require.Equal(t, "sheriff", sheriff.Kind)
	require.True(t, sheriff.RunsJail)
	require.Equal(t, []string{"us", "us/co", "us/co/denver"}, sheriff.BoundBy, "a city department: Denver's ordinances bind it")
	require.NotNil(t, sheriff.BoundBySource)

	nash := ds.Jurisdictions["us/tn/nashville-davidson"]
	require.Contains(t, nash.Aliases, "us/tn/davidson-county")
	require.Contains(t, nash.Aliases, "us/tn/metropolitan-nashville")
	require.Equal(t, "TN0190100", ds.Agencies["us/tn/nashville-davidson/police"].ORI, "MNPD")
	require.Equal(t, "sheriff", ds.Agencies["us/tn/nashville-davidson/sheriff"].Kind)
	ny := ds.Jurisdictions["us/ny/new-york"]
	require.ElementsMatch(t, []string{"36005", "36047", "36061", "36081", "36085"}, ny.CountyGEOIDs)
	require.Empty(t, ny.Counties)
	require.Equal(t, "us/dc", ds.Agencies["us/dc/police"].Jurisdiction)
	require.Equal(t, "KY0568000", ds.Agencies["us/ky/louisville/police"].ORI, "LMPD")
	require.Equal(t, "us/ca/san-francisco", ds.Agencies["us/ca/san-francisco/sheriff"].Jurisdiction)
	require.Equal(t, []string{"us", "us/ca", "us/ca/san-francisco"}, ds.Agencies["us/ca/san-francisco/sheriff"].BoundBy)

	// Nothing is owned by, or lies in, an id a government absorbed.
	merged := map[string]bool{}
	for _, j := range ds.Jurisdictions {
		for _, a := range j.Aliases {
			merged[a] = true
			_, exists := ds.Jurisdictions[a]
			require.False(t, exists, "%s is an alias of %s and a jurisdiction", a, j.ID)
		}
	}
	for _, id := range []string{"us/tn/davidson-county", "us/ky/jefferson-county", "us/fl/duval-county", "us/ca/san-francisco-county", "us/ny/kings-county", "us/dc/washington", "us/in/marion-county"} {
		require.True(t, merged[id], id)
	}
	for id, a := range ds.Agencies {
		require.False(t, merged[a.Jurisdiction], "%s is owned by %s, which a government absorbed", id, a.Jurisdiction)
		for _, o := range a.OperatesIn {
			require.False(t, merged[o], "%s operates in %s, which a government absorbed", id, o)
		}
	}
	for id, j := range ds.Jurisdictions {
		for _, c := range j.Counties {
			require.False(t, merged[c], "%s lies in %s, which a government absorbed", id, c)
		}
	}
	// A satellite city lies in the government: Belle Meade in Nashville-Davidson.
	require.Equal(t, []string{"us/tn/nashville-davidson"}, ds.Jurisdictions["us/tn/belle-meade"].Counties)
}

// TestCountyEquivalentsCounted: the 3,221 county-equivalents of counties_2020.csv are all
// there, as county-level jurisdictions or as the county_geoids of a consolidated government.
func TestCountyEquivalentsCounted(t *testing.T) {
	ds := layer(t)
	recs := csvFile(t, filepath.Join(sources, "census", "counties_2020.csv"))
	want := map[string]bool{}
	for _, r := range recs[1:] {
		want[r[0]] = true
	}
	require.Len(t, want, 3221)
	got := map[string]string{}
	for id, j := range ds.Jurisdictions {
		geoids := j.CountyGEOIDs
		if len(geoids) == 0 && (j.Kind == "county" || j.Kind == "city-county") && len(j.GEOID) == 5 {
			geoids = []string{j.GEOID}
		}
		for _, g := range geoids {
			require.NotContains(t, got, g, "%s counted twice (%s, %s)", g, got[g], id)
			got[g] = id
		}
	}
	require.Len(t, got, 3221)
	for g := range want {
		require.Contains(t, got, g)
	}
}

// TestEverySheriffThatExistsInLaw: every county-equivalent has a sheriff agency, except where
// sheriffs.yaml says it has none in law (each with its source).
func TestEverySheriffThatExistsInLaw(t *testing.T) {
	ds := layer(t)
	sheriffOf := map[string]bool{}
	for _, a := range ds.Agencies {
		if a.Kind == "sheriff" {
			sheriffOf[a.Jurisdiction] = true
		}
	}
	noSheriffStates := map[string]bool{"ak": true, "ct": true, "dc": true, "pr": true, "hi": true, "ri": true}
	noSheriffCounties := map[string]bool{"us/co/broomfield": true, "us/ks/riley-county": true}
	missing := 0
	for id, j := range ds.Jurisdictions {
		county := len(j.CountyGEOIDs) > 0 || (j.Kind == "county" || j.Kind == "city-county") && len(j.GEOID) == 5
		if !county || noSheriffStates[strings.Split(id, "/")[1]] || noSheriffCounties[id] {
			continue
		}
		if !sheriffOf[id] {
			t.Errorf("%s has no sheriff agency", id)
			missing++
		}
	}
	require.Zero(t, missing)
	for id := range noSheriffCounties {
		require.False(t, sheriffOf[id], "%s has no sheriff in law", id)
	}
	require.False(t, sheriffOf["us/ak/anchorage"])
	// Made sheriffs follow the FBI list's naming and cite their source.
	made := ds.Agencies["us/va/arlington-county/sheriff"]
	require.Equal(t, "Arlington County Sheriff", made.Name)
	require.Contains(t, made.Note, nsaFAQ)
	require.Contains(t, made.Note, "Va. Const. art. VII")
	require.Equal(t, "Alexandria City Sheriff", ds.Agencies["us/va/alexandria-city/sheriff"].Name)
	// The FBI's "DeWitt" is De Witt County's sheriff, not a second agency beside a made one.
	require.Equal(t, "IL0200000", ds.Agencies["us/il/de-witt-county/sheriff"].ORI)
	// King County's sheriff is appointed and bound by the county; it runs no jail.
	king := ds.Agencies["us/wa/king-county/sheriff"]
	require.Equal(t, []string{"us", "us/wa", "us/wa/king-county"}, king.BoundBy)
	require.False(t, king.RunsJail)
}

// TestJailOperators: the jails.yaml entries the structure research added.
func TestJailOperators(t *testing.T) {
	ds := layer(t)
	for id, runs := range map[string]bool{
		"us/wa/king-county/department-of-adult-and-juvenile-detention":     true,
		"us/nm/bernalillo-county/metropolitan-detention-center":            true,
		"us/nm/bernalillo-county/sheriff":                                  false,
		"us/md/baltimore-county/department-of-corrections":                 true,
		"us/md/baltimore-county/sheriff":                                   false,
		"us/md/baltimore-city/sheriff":                                     false,
		"us/md/department-of-public-safety-and-correctional-services":      true,
		"us/pa/philadelphia/department-of-prisons":                         true,
		"us/nj/hudson-county/department-of-corrections-and-rehabilitation": true,
		"us/nj/essex-county/department-of-corrections":                     true,
		"us/dc/department-of-corrections":                                  true,
		"us/ny/new-york/department-of-correction":                          true,
		"us/ma/suffolk-county/sheriff":                                     true,
		"us/co/denver/sheriff":                                             true,
		"us/ky/louisville/department-of-corrections":                       true,
		"us/ky/lexington-fayette/division-of-community-corrections":        true,
		"us/mo/st-louis-county/department-of-justice-services":             true,
		"us/sc/richland-county/alvin-s-glenn-detention-center":             true,
		"us/ne/douglas-county/department-of-corrections":                   true,
		"us/ne/lancaster-county/department-of-corrections":                 true,
		"us/ks/riley-county/police":                                        true,
		"us/nv/las-vegas/department-of-public-safety":                      true,
		"us/tx/foard-county/sheriff":                                       true, // an unverified report: the default stays
	} {
		a := ds.Agencies[id]
		require.NotNil(t, a, id)
		require.Equal(t, runs, a.RunsJail, id)
		if id != "us/ma/suffolk-county/sheriff" && id != "us/tx/foard-county/sheriff" {
			require.NotNil(t, a.RunsJailSource, id)
		}
	}
	require.Contains(t, ds.Agencies["us/tx/foard-county/sheriff"].Note, "Reported to run no jail")
	require.Equal(t, "us/ky/louisville", ds.Agencies["us/ky/louisville/department-of-corrections"].Jurisdiction)
	// One NYC Department of Correction, not five.
	n := 0
	for _, a := range ds.Agencies {
		if a.Name == "New York City Department of Correction" {
			n++
		}
	}
	require.Equal(t, 1, n)
	// Baltimore City and the city inside it book into the State's Central Booking.
	require.Equal(t, []string{"us/md/department-of-public-safety-and-correctional-services"}, ds.Jurisdictions["us/md/baltimore-city"].BooksInto)
	require.Equal(t, []string{"us/md/department-of-public-safety-and-correctional-services"}, ds.Jurisdictions["us/md/baltimore"].BooksInto)
}

// TestBooksInto asks the resolver where a locality's arrestees are booked: Charlotte into the
// Mecklenburg sheriff's jail (CMPD is the city's police, not a county's), Seattle into King
// County's jail department, Nashville into its own sheriff's.
func TestBooksInto(t *testing.T) {
	ds := layer(t)
	r, err := resolver.New(context.Background(), resolver.WithDataset(ds))
	require.NoError(t, err)
	for loc, want := range map[string]string{
		"us/nc/charlotte":          "us/nc/mecklenburg-county/sheriff",
		"us/wa/seattle":            "us/wa/king-county/department-of-adult-and-juvenile-detention",
		"us/tn/nashville-davidson": "us/tn/nashville-davidson/sheriff",
		"us/tn/belle-meade":        "us/tn/nashville-davidson/sheriff",
		"us/co/denver":             "us/co/denver/sheriff",
	} {
		d, err := r.Locality(context.Background(), resolver.LocalityQuery{Locality: loc, AsOf: "2026-06-01"})
		require.NoError(t, err, loc)
		require.Equal(t, []string{want}, d.BooksInto, loc)
	}
	cmpd := ds.Agencies["us/nc/charlotte/police"]
	require.Equal(t, "NC0600100", cmpd.ORI)
	require.Equal(t, "municipal-police", cmpd.Kind)
	_, stub := ds.Jurisdictions["us/nc/charlotte-mecklenburg"]
	require.False(t, stub, "no place named Charlotte-Mecklenburg")
}

// TestDuplicatesMerged: one agency per state agency the FBI and ICE name differently.
func TestDuplicatesMerged(t *testing.T) {
	ds := layer(t)
	for gone, kept := range map[string]string{
		"us/vt/vermont-state-police":                                "us/vt/state-police",
		"us/mo/missouri-state-highway-patrol":                       "us/mo/highway-patrol",
		"us/tn/department-of-correction":                            "us/tn/department-of-corrections",
		"us/va/department-of-game-and-inland-fisheries":             "us/va/department-of-wildlife-resources",
		"us/va/virginia-marine-resources-commission":                "us/va/marine-resources-commission",
		"us/va/department-of-state-police":                          "us/va/state-police",
		"us/ky/louisville-metro/police":                             "us/ky/louisville/police",
		"us/tn/metropolitan-nashville/police":                       "us/tn/nashville-davidson/police",
		"us/ny/kings-county/new-york-city-department-of-correction": "us/ny/new-york/department-of-correction",
	} {
		_, exists := ds.Agencies[gone]
		require.False(t, exists, gone)
		require.NotNil(t, ds.Agencies[kept], kept)
	}
	vsp := ds.Agencies["us/vt/state-police"]
	require.Equal(t, "VTVSP0000", vsp.ORI, "the statewide row's ORI leads")
	require.Contains(t, vsp.OtherORIs, "VTVSP0100")
	require.Equal(t, "MOMHP0000", ds.Agencies["us/mo/highway-patrol"].ORI)
	require.Equal(t, "TN019410X", ds.Agencies["us/tn/department-of-corrections"].ORI)
	// The agreements follow: ICE's "Virginia Department of State Police" is the Virginia State Police.
	found := false
	for _, g := range ds.Agreements {
		found = found || g.Agency == "us/va/state-police"
	}
	require.True(t, found)
}

// TestConstables: Pennsylvania's constables sit under their township, borough or county, never
// under the state.
func TestConstables(t *testing.T) {
	ds := layer(t)
	n := 0
	for id, a := range ds.Agencies {
		if !strings.HasPrefix(id, "us/pa/") || !strings.Contains(strings.ToLower(a.Name), "constable") {
			continue
		}
		n++
		require.NotEqual(t, "us/pa", a.Jurisdiction, id)
		require.NotEqual(t, "state-agency", a.Kind, id)
	}
	require.Greater(t, n, 10)
	require.Equal(t, "us/pa/addison", ds.Agencies["us/pa/addison/addison-borough-constable"].Jurisdiction)
	un := ds.Agencies["us/pa/westmoreland-county/unity-township-constable"]
	require.Equal(t, []string{"us/pa/westmoreland-county"}, un.OperatesIn, "its township is not in the dataset: it operates in the county ICE names")
}

// TestCuratedStructureTablesAreStrict: a misspelled key in consolidated.yaml or sheriffs.yaml is
// an error naming the file, line and key; an entry without a source is refused.
func TestCuratedStructureTablesAreStrict(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "consolidated.yaml"), []byte("governments:\n  - id: us/co/denver\n    nmae: Denver\n"), 0o644))
	_, _, err := readConsolidated(dir)
	require.ErrorContains(t, err, `consolidated.yaml:3: governments[0].nmae: unknown key "nmae"`)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "sheriffs.yaml"), []byte("counties:\n  - state: CO\n    countty: Denver County\n"), 0o644))
	_, _, err = readSheriffs(dir)
	require.ErrorContains(t, err, `sheriffs.yaml:3: counties[0].countty: unknown key "countty"`)

	n := &national{byState: map[string]*stateIndex{"CO": {usps: "CO", id: "us/co"}}, report: &Report{}}
	err = n.consolidate(&consolidatedFile{Governments: []*government{{ID: "us/co/denver", Name: "Denver", Counties: []string{"08031"}}}}, "consolidated.yaml")
	require.ErrorContains(t, err, "citation and url")
	err = n.sheriffs(&sheriffFile{States: []sheriffState{{State: "CO", Sheriffs: "none"}}}, "sheriffs.yaml")
	require.ErrorContains(t, err, "citation and url")
}

// TestTerritories: the island areas ICE lists agreements in are jurisdictions with their agencies.
func TestTerritories(t *testing.T) {
	ds := layer(t)
	for _, id := range []string{"us/gu", "us/mp", "us/vi", "us/as"} {
		require.Equal(t, "territory", ds.Jurisdictions[id].Kind, id)
	}
	var agencies []string
	for _, g := range ds.Agreements {
		if strings.HasPrefix(g.Agency, "us/gu/") || strings.HasPrefix(g.Agency, "us/mp/") {
			agencies = append(agencies, g.Agency)
		}
	}
	slices.Sort(agencies)
	require.Equal(t, []string{"us/gu/office-of-the-attorney-general", "us/mp/cnmi-department-of-corrections", "us/mp/cnmi-department-of-public-safety"}, agencies)
}
