package importer

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/jurisproject/juris/jurisdictions"
)

// sourcesWith lays out a sources folder in a temp dir: the real Census and FBI files, and in
// ice287g/ the named real ICE files plus the files given (name -> writer).
func sourcesWith(t *testing.T, real []string, write map[string]func(path string)) string {
	t.Helper()
	dir := t.TempDir()
	for _, sub := range []string{"census", "agencies"} {
		abs, err := filepath.Abs(filepath.Join(sources, sub))
		require.NoError(t, err)
		require.NoError(t, os.Symlink(abs, filepath.Join(dir, sub)))
	}
	ice := filepath.Join(dir, "ice287g")
	require.NoError(t, os.Mkdir(ice, 0o755))
	for _, name := range real {
		abs, err := filepath.Abs(filepath.Join(sources, "ice287g", name))
		require.NoError(t, err)
		require.NoError(t, os.Symlink(abs, filepath.Join(ice, name)))
	}
	for name, w := range write {
		w(filepath.Join(ice, name))
	}
	return dir
}

// laterSheet writes a participating sheet made from an earlier one: its rows less those whose
// agency is in drop, plus the rows given (with a hyperlink on MOA where the row's last cell is a URL).
func laterSheet(t *testing.T, from string, drop []string, add [][]any) func(string) {
	return func(path string) {
		src, err := excelize.OpenFile(filepath.Join(sources, "ice287g", from))
		require.NoError(t, err)
		defer src.Close()
		rows, err := src.GetRows(src.GetSheetList()[0], excelize.Options{RawCellValue: true})
		require.NoError(t, err)
		out := excelize.NewFile()
		defer out.Close()
		sheet := out.GetSheetList()[0]
		line := 1
		put := func(cells []any) {
			cell, err := excelize.CoordinatesToCellName(1, line)
			require.NoError(t, err)
			require.NoError(t, out.SetSheetRow(sheet, cell, &cells))
			line++
		}
		header := rows[0][:7] // STATE … SIGNED, MOA
		put([]any{header[0], header[1], header[2], header[3], header[4], header[5], header[6]})
		for _, r := range rows[1:] {
			if len(r) < 6 || slices.Contains(drop, strings.TrimSpace(r[1])) {
				continue
			}
			put([]any{r[0], r[1], r[2], r[3], r[4], r[5], "link pending"})
		}
		for _, r := range add {
			url, _ := r[len(r)-1].(string)
			put(r[:len(r)-1])
			if strings.HasPrefix(url, "http") {
				cell, err := excelize.CoordinatesToCellName(7, line-1)
				require.NoError(t, err)
				require.NoError(t, out.SetCellValue(sheet, cell, "link"))
				require.NoError(t, out.SetCellHyperLink(sheet, cell, url, "External"))
			}
		}
		require.NoError(t, out.SaveAs(path))
	}
}

// TestLaterSheet: a sheet later than the others, made from the sheet of 2025-07-18 with rows
// removed and added (written with excelize, the quirks of ICE's sheets included), gives the new
// agreements and delists the removed ones from its date; REPORT.md names both.
func TestLaterSheet(t *testing.T) {
	drop := []string{"Tooele County Sheriff's Office", "Cherokee County Sheriff's Office"}
	add := [][]any{
		// A Texas sheriff's office not on the earlier sheet, with the date as an Excel serial and
		// its MOA link wrapped in an Outlook safelink.
		{"TEXAS ", "Travis County Sheriff’s Office ", "County ", "\nTravis County", "Warrant Service Officer", 46000, "link",
			"https://gcc02.safelinks.protection.outlook.com/?url=https%3A%2F%2Fwww.ice.gov%2Fdoclib%2F287gMOA%2FTravisCoSOTX_WSO_MOA.pdf&data=05"},
		// ICE's misspelled state, a date written as text, a "link pending" MOA.
		{"NEW HAMSPHIRE", "Strafford County Sheriff's Office", "County", "Strafford County", "Task Force Model", "12/15/2025", "link pending", ""},
	}
	dir := sourcesWith(t, []string{"participatingAgencies07182025pm.xlsx"}, map[string]func(string){
		"participatingAgencies01052026am.xlsx": laterSheet(t, "participatingAgencies07182025pm.xlsx", drop, add),
		// a CSV copy of the same day is not read: the xlsx is
		"ice287g_participating_2026-01-05am.csv": func(p string) { require.NoError(t, os.WriteFile(p, []byte("not,a,list\n"), 0o644)) },
		"recoveredfactory_moa_agreements.json":   func(p string) { require.NoError(t, os.WriteFile(p, []byte("{}"), 0o644)) },
		"notes.txt":                              func(p string) { require.NoError(t, os.WriteFile(p, []byte("x"), 0o644)) },
	})
	res, err := Run(context.Background(), dir, curated)
	require.NoError(t, err)
	rep := res.Report
	require.Contains(t, rep.FilesSkipped, "ice287g_participating_2026-01-05am.csv: a copy of the same day's sheet; participatingAgencies01052026am.xlsx is read")
	require.True(t, slices.ContainsFunc(rep.FilesSkipped, func(s string) bool { return strings.HasPrefix(s, "notes.txt: the name matches none") }))
	require.Equal(t, 1, rep.StateFixes["NEW HAMSPHIRE read as NH"])

	all, err := res.Agreements()
	require.NoError(t, err)
	gs := map[string]*jurisdictions.Agreement{}
	for _, g := range all {
		gs[g.Agency+"#"+g.Model] = g
	}
	// New on the later sheet.
	travis := gs["us/tx/travis-county/sheriff#warrant-service-officer"]
	require.NotNil(t, travis)
	require.Equal(t, jurisdictions.Date("2025-12-09"), *travis.Signed, "Excel serial 46000")
	require.Equal(t, jurisdictions.Date("2026-01-05"), *travis.FirstListed)
	require.Nil(t, travis.Delisted)
	require.Equal(t, "https://www.ice.gov/doclib/287gMOA/TravisCoSOTX_WSO_MOA.pdf", travis.MOAURL, "the safelink unwrapped")
	strafford := gs["us/nh/strafford-county/sheriff#task-force"]
	require.NotNil(t, strafford)
	require.Equal(t, jurisdictions.Date("2025-12-15"), *strafford.Signed)
	// Gone from the later sheet: delisted from its date.
	for _, k := range []string{"us/ut/tooele-county/sheriff#warrant-service-officer", "us/al/cherokee-county/sheriff#warrant-service-officer"} {
		g := gs[k]
		require.NotNil(t, g, k)
		require.NotNil(t, g.Delisted, k)
		require.Equal(t, jurisdictions.Date("2026-01-05"), *g.Delisted, k)
		require.Equal(t, jurisdictions.Date("2025-07-18"), *g.LastListed, k)
	}
	// Still on it: in force, last listed on the later date.
	colbert := gs["us/al/colbert-county/sheriff#warrant-service-officer"]
	require.Nil(t, colbert.Delisted)
	require.Equal(t, jurisdictions.Date("2026-01-05"), *colbert.LastListed)

	md := string(res.Files["REPORT.md"])
	section := md[strings.Index(md, "### participatingAgencies01052026am.xlsx (participating, 2026-01-05) against participatingAgencies07182025pm.xlsx"):]
	section = section[:strings.Index(section, "\n## ")]
	require.Contains(t, section, "New: 2.")
	require.Contains(t, section, "- us/tx/travis-county/sheriff warrant-service-officer")
	require.Contains(t, section, "- us/ut/tooele-county/sheriff warrant-service-officer")
	require.Contains(t, section, "- us/al/cherokee-county/sheriff warrant-service-officer")
	// The reconciliation of the later sheet: its rows, less nothing placed nowhere, are what is in force.
	var rec *Reconciliation
	for _, x := range rep.Reconciliations {
		if x.Date == "2026-01-05" {
			rec = x
		}
	}
	require.NotNil(t, rec)
	require.Equal(t, rec.Rows-rec.Unmatched-rec.Repeats, rec.OnList)
	require.Equal(t, rec.OnList-len(rec.NotInForce)+len(rec.Extra), rec.InForce)
	n := 0
	for _, g := range gs {
		if inForce(g, "2026-01-05") {
			n++
		}
	}
	require.Equal(t, n, rec.InForce)
}

// TestDiscoverICE: files are found by name, read oldest first (pending before participating on
// one day), the xlsx over a CSV copy, and a bad date in a name is an error naming the file.
func TestDiscoverICE(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []string{"participatingAgencies07182025pm.xlsx", "ice287g_participating_2025-07-18pm.csv", "pendingAgencies07182025am.xlsx",
		"ice287g_participating_2025-05-16am.csv", "ice287g_moa_links_2026-09-14.csv", "participatingAgencies07182025am.xlsx"} {
		require.NoError(t, os.WriteFile(filepath.Join(dir, n), nil, 0o644))
	}
	lists, skipped, err := discoverICE(dir)
	require.NoError(t, err)
	var names []string
	for _, l := range lists {
		names = append(names, l.Name)
	}
	require.Equal(t, []string{"ice287g_participating_2025-05-16am.csv", "pendingAgencies07182025am.xlsx", "participatingAgencies07182025pm.xlsx", "ice287g_moa_links_2026-09-14.csv"}, names)
	require.Len(t, skipped, 2)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "participatingAgencies13452025am.xlsx"), nil, 0o644))
	_, _, err = discoverICE(dir)
	require.ErrorContains(t, err, "participatingAgencies13452025am.xlsx: the date in the file name")
}

// TestReadSigned: Excel serials, ISO dates and the malformed text ICE's sheets hold.
func TestReadSigned(t *testing.T) {
	for in, want := range map[string]string{"45785": "2025-05-08", "2025-05-08": "2025-05-08", "7/72025": "2025-07-07", "05/082025": "2025-05-08", "": ""} {
		d, _, err := readSigned(in)
		require.NoError(t, err, in)
		got := ""
		if d != nil {
			got = string(*d)
		}
		require.Equal(t, want, got, in)
	}
	d, _, err := readSigned("1141572") // a mistyped year: 5025-07-07, which the list's date then repairs
	require.NoError(t, err)
	require.Equal(t, jurisdictions.Date("5025-07-07"), *d)
	_, _, err = readSigned("link pending")
	require.Error(t, err)
}
