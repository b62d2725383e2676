package importer

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/jurisproject/juris/jurisdictions"
)

// The public files (census/, agencies/, ice287g/) are the project's shared data folder, beside
// the repository; the curated tables are in the repository.
const (
	sources = "../../../shared/data"
	curated = "../../jurisdictions/sources"
)

var (
	once   sync.Once
	result *Result
	runErr error
)

func run(t *testing.T) *Result {
	t.Helper()
	once.Do(func() { result, runErr = Run(context.Background(), sources, curated) })
	require.NoError(t, runErr)
	return result
}

// TestGeneratedLayerIsCurrent: the committed national layer is byte for byte what the sources
// give, and a second run gives the same bytes.
func TestGeneratedLayerIsCurrent(t *testing.T) {
	r := run(t)
	require.NoError(t, r.Check("../../jurisdictions/national"))
	again, err := Run(context.Background(), sources, curated)
	require.NoError(t, err)
	require.Equal(t, len(r.Files), len(again.Files))
	for name, b := range r.Files {
		require.Equal(t, string(b), string(again.Files[name]), name)
	}
}

func csvRows(t *testing.T, path string) int {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	require.NoError(t, err)
	return len(recs) - 1
}

// sourceRows counts the non-blank rows after the header of a CSV file or a workbook's first
// sheet, read independently of the importer.
func sourceRows(t *testing.T, path string) int {
	t.Helper()
	if !strings.HasSuffix(path, ".xlsx") {
		return csvRows(t, path)
	}
	wb, err := excelize.OpenFile(path)
	require.NoError(t, err)
	defer wb.Close()
	rows, err := wb.GetRows(wb.GetSheetList()[0])
	require.NoError(t, err)
	n := 0
	for _, r := range rows[1:] {
		if strings.TrimSpace(strings.Join(r, "")) != "" {
			n++
		}
	}
	return n
}

// TestNothingLost: every source row is imported or reported with a reason.
func TestNothingLost(t *testing.T) {
	rep := run(t).Report
	fbi := csvRows(t, filepath.Join(sources, "agencies", "fbi_cde_lee_latest_by_ori.csv"))
	require.Equal(t, 18330, fbi)
	require.Equal(t, fbi, rep.FBIRows)
	matched := 0
	for _, n := range rep.FBIMatched {
		matched += n
	}
	require.Equal(t, fbi, matched+len(rep.FBICityToMunicipality)+len(rep.FBIUnmatched), "matched + given a municipality + left out")
	for _, u := range append(append([]Unmatched{}, rep.FBIUnmatched...), rep.ICEUnmatched...) {
		require.NotEmpty(t, u.Reason, "%+v", u)
	}

	unmatched := map[string]int{}
	for _, u := range rep.ICEUnmatched {
		unmatched[strings.SplitN(u.Source, ":", 2)[0]]++
		if strings.HasPrefix(u.Source, moaIndexFile) {
			unmatched[moaIndexFile]++
		}
	}
	for _, l := range rep.Lists {
		if l.File == moaIndexFile {
			data, err := os.ReadFile(filepath.Join(sources, "ice287g", moaIndexFile))
			require.NoError(t, err)
			var idx map[string][]json.RawMessage
			require.NoError(t, json.Unmarshal(data, &idx))
			n := 0
			for _, v := range idx {
				n += len(v)
			}
			require.Equal(t, n, l.Rows)
			require.Equal(t, l.Rows, l.Matched+unmatched[moaIndexFile], l.File)
			continue
		}
		require.Equal(t, sourceRows(t, filepath.Join(sources, "ice287g", l.File)), l.Rows, l.File)
		require.Equal(t, l.Rows, l.Matched+unmatched[l.File], l.File)
		require.GreaterOrEqual(t, float64(l.Matched)/float64(l.Rows), 0.96, l.File)
	}
	require.Len(t, rep.Matches, func() int {
		n := 0
		for _, l := range rep.Lists {
			n += l.Matched
		}
		return n
	}())
}

func layer(t *testing.T) *jurisdictions.Dataset {
	t.Helper()
	r := run(t)
	var files []*jurisdictions.File
	for name, b := range r.Files {
		if !strings.HasSuffix(name, ".yaml") {
			continue
		}
		f, err := jurisdictions.ParseFile(name, b)
		require.NoError(t, err)
		files = append(files, f)
	}
	curated, err := jurisdictions.ReadFS(jurisdictions.EmbeddedFS(), "data")
	require.NoError(t, err)
	ds, err := jurisdictions.BuildLayers(files, curated)
	require.NoError(t, err)
	return ds
}

// TestNamesAndCollisions checks the quirks the issue names against the real rows.
func TestNamesAndCollisions(t *testing.T) {
	ds := layer(t)
	// Austin County's sheriff (FBI "Austin", ORI TX0080000) is not the City of Austin.
	require.Equal(t, "TX0080000", ds.Agencies["us/tx/austin-county/sheriff"].ORI)
	require.Equal(t, "us/tx/austin-county", ds.Agencies["us/tx/austin-county/sheriff"].Jurisdiction)
	require.Equal(t, "us/tx/austin", ds.Agencies["us/tx/austin/police"].Jurisdiction)
	// Latin-1: Doña Ana County.
	require.Equal(t, "Doña Ana County", ds.Jurisdictions["us/nm/dona-ana-county"].Name)
	// A place in several counties, with population shares (Geocorr): Columbus, Ohio.
	gen := ds.Jurisdictions["us/oh/columbus"]
	require.ElementsMatch(t, []string{"us/oh/delaware-county", "us/oh/fairfield-county", "us/oh/franklin-county"}, gen.Counties)
	// Trailing spaces and #N/A: "Bay County " and the city rows.
	_, ok := ds.Agencies["us/fl/bay-county/sheriff"]
	require.True(t, ok)
	// The 50 states, DC, Puerto Rico and the four island areas ICE or the FBI list agencies in.
	n := 0
	for _, j := range ds.Jurisdictions {
		if j.Kind == "state" || j.Kind == "district" || j.Kind == "territory" {
			n++
		}
	}
	require.Equal(t, 56, n)
	for _, id := range []string{"us/gu", "us/mp", "us/vi", "us/as", "us/pr"} {
		require.Equal(t, "territory", ds.Jurisdictions[id].Kind, id)
	}
	require.Equal(t, "66", ds.Jurisdictions["us/gu"].GEOID)
	require.Equal(t, "us/gu", ds.Agencies["us/gu/guam-police-department"].Jurisdiction, "the FBI writes Guam as GM")
	// Names with commas and a malformed SIGNED ("7/72025") still make an agreement.
	found := false
	for _, g := range ds.Agreements {
		if g.Signed != nil && *g.Signed == "2025-07-07" {
			found = true
		}
	}
	require.True(t, found)
}

// TestJails: the exceptions in jails.yaml move the jail from the sheriff.
func TestJails(t *testing.T) {
	ds := layer(t)
	require.False(t, ds.Agencies["us/fl/miami-dade-county/sheriff"].RunsJail)
	require.NotNil(t, ds.Agencies["us/fl/miami-dade-county/sheriff"].RunsJailSource)
	require.True(t, ds.Agencies["us/fl/miami-dade-county/miami-dade-corrections-and-rehabilitation"].RunsJail)
	require.True(t, ds.Agencies["us/fl/pinellas-county/sheriff"].RunsJail, "the default")
	for id, a := range ds.Agencies {
		if a.Kind == "sheriff" && strings.HasPrefix(id, "us/ky/") && id != "us/ky/jefferson-county/sheriff" {
			require.False(t, a.RunsJail, "%s: Kentucky's jails are run by county jailers", id)
		}
	}
}

func TestParseSigned(t *testing.T) {
	for in, want := range map[string]string{
		"2025-05-08": "2025-05-08",
		"7/72025":    "2025-07-07",
		"05/082025":  "2025-05-08",
		"5/8/2025":   "2025-05-08",
		"":           "",
		"#N/A":       "",
	} {
		d, _, err := parseSigned(in)
		require.NoError(t, err, in)
		got := ""
		if d != nil {
			got = string(*d)
		}
		require.Equal(t, want, got, in)
	}
	for _, bad := range []string{"link pending", "13/45/2025", "2025-02-30"} {
		_, _, err := parseSigned(bad)
		require.Error(t, err, bad)
	}
}

func TestUnwrapURL(t *testing.T) {
	require.Equal(t, "https://www.ice.gov/doclib/287gMOA/x.pdf",
		unwrapURL("https://gcc02.safelinks.protection.outlook.com/?url=https%3A%2F%2Fwww.ice.gov%2Fdoclib%2F287gMOA%2Fx.pdf&data=05"))
	require.Equal(t, "https://www.ice.gov/a.pdf", unwrapURL(" https://www.ice.gov/a.pdf "))
}

func TestNameVariants(t *testing.T) {
	require.Equal(t, "bay county sheriffs office", foldName("Bay County Sheriff's Office "))
	require.Equal(t, "bay county sheriffs office", foldName("bay county sheriff s office"))
	v := nameVariants("Florida A&M University Board of Trustees", "Florida")
	require.Contains(t, v, "a and m university")
	require.Contains(t, nameVariants("florida a m university", "Florida"), "a m university")
	require.Contains(t, nameVariants("Florida A&M University", "Florida"), "a m university")
	require.Equal(t, "Putnam County Sheriff's Office", displayName("putnam county sheriff s office"))
	require.Equal(t, "Office of the District Attorney", displayName("office of the district attorney"))
}

// TestCuratedSourcesAreStrict: a misspelled key in aliases.yaml or jails.yaml is an error naming
// the file, line and key.
func TestCuratedSourcesAreStrict(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "aliases.yaml"), []byte("aliases:\n  - {state: MI, nme: x, name: y, agency: us/mi/z, reason: r}\n"), 0o644))
	_, _, err := readAliasFile(dir)
	require.ErrorContains(t, err, `aliases.yaml:2: aliases[0].nme: unknown key "nme"`)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "jails.yaml"), []byte("states:\n  - state: CT\n    operater: state\n"), 0o644))
	_, err = readJails(dir)
	require.ErrorContains(t, err, `jails.yaml:3: states[0].operater: unknown key "operater"`)
}

func csvFile(t *testing.T, path string) [][]string {
	t.Helper()
	recs, err := readCSV(path, false)
	require.NoError(t, err)
	return recs
}
