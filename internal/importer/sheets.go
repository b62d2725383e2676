package importer

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/jurisproject/juris/jurisdictions"
)

// iceFile is one of ICE's files found in the sources folder (ice287g/): a participating or
// pending list (as ICE published it, .xlsx, or a CSV copy of its first sheet), or a document list
// (the MOA links of one of ICE's sheets).
type iceFile struct {
	Path string
	Name string
	// Kind is participating, pending or documents.
	Kind string
	Date jurisdictions.Date
	// Half is am or pm where the file name says so: the scrapers saved a sheet in the morning
	// or the afternoon.
	Half string
	XLSX bool
}

var (
	// participatingAgencies05182026am.xlsx: ICE's own file names, MMDDYYYY.
	xlsxName = regexp.MustCompile(`^(participating|pending)Agencies(\d{2})(\d{2})(\d{4})(am|pm)?\.xlsx$`)
	// ice287g_participating_2025-07-18pm.csv: a CSV copy of a sheet's first page.
	csvName = regexp.MustCompile(`^ice287g_(participating|pending)_(\d{4}-\d{2}-\d{2})(am|pm)?\.csv$`)
	// ice287g_moa_links_2026-09-14.csv: the MOA documents one of ICE's sheets linked.
	docName = regexp.MustCompile(`^ice287g_moa_links_(\d{4}-\d{2}-\d{2})\.csv$`)
)

// discoverICE finds ICE's lists and document lists in dir by file name, one per kind and date,
// oldest first (a pending list before the participating list of the same day). Where a sheet
// exists both as ICE's .xlsx and as a CSV copy, the .xlsx is read; the files not read are
// returned with the reason.
func discoverICE(dir string) (lists []iceFile, skipped []string, err error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, nil, fmt.Errorf("reading ICE's files: %w", err)
	}
	byKey := map[string][]iceFile{}
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() {
			skipped = append(skipped, name+"/: a folder, not read")
			continue
		}
		f := iceFile{Path: filepath.Join(dir, name), Name: name}
		switch m := xlsxName.FindStringSubmatch(name); {
		case m != nil:
			f.Kind, f.Half, f.XLSX = m[1], m[5], true
			f.Date = jurisdictions.Date(m[4] + "-" + m[2] + "-" + m[3])
		case csvName.MatchString(name):
			m := csvName.FindStringSubmatch(name)
			f.Kind, f.Date, f.Half = m[1], jurisdictions.Date(m[2]), m[3]
		case docName.MatchString(name):
			f.Kind, f.Date = "documents", jurisdictions.Date(docName.FindStringSubmatch(name)[1])
		case name == moaIndexFile:
			continue // read by importMOAIndex
		default:
			skipped = append(skipped, name+": the name matches none of ICE's file patterns (participatingAgencies<MMDDYYYY><am|pm>.xlsx, pendingAgencies…, ice287g_<participating|pending>_<YYYY-MM-DD><am|pm>.csv, ice287g_moa_links_<YYYY-MM-DD>.csv), not read")
			continue
		}
		if _, err := jurisdictions.ParseDate(string(f.Date)); err != nil {
			return nil, nil, fmt.Errorf("%s: the date in the file name: %w", f.Path, err)
		}
		k := f.Kind + "|" + string(f.Date)
		byKey[k] = append(byKey[k], f)
	}
	for _, k := range slices.Sorted(mapsKeys(byKey)) {
		fs := byKey[k]
		// The xlsx first, then the later half of the day.
		slices.SortFunc(fs, func(a, b iceFile) int {
			if a.XLSX != b.XLSX {
				if a.XLSX {
					return -1
				}
				return 1
			}
			return strings.Compare(b.Half, a.Half)
		})
		lists = append(lists, fs[0])
		for _, o := range fs[1:] {
			why := "a copy of the same day's sheet; " + fs[0].Name + " is read"
			if o.XLSX == fs[0].XLSX {
				why = "another copy of the same day's list; " + fs[0].Name + " (the later one) is read"
			}
			skipped = append(skipped, o.Name+": "+why)
		}
	}
	order := map[string]int{"pending": 0, "participating": 1, "documents": 2}
	slices.SortStableFunc(lists, func(a, b iceFile) int {
		if a.Date != b.Date {
			return strings.Compare(string(a.Date), string(b.Date))
		}
		return order[a.Kind] - order[b.Kind]
	})
	return lists, skipped, nil
}

// listRow is one row of an ICE list, from a sheet or a CSV copy, with the quirks evened out.
type listRow struct {
	Ref                                  string // file:line (the spreadsheet's row number)
	State, Agency, Type, County, Support string
	Signed                               string // as written: text, or an Excel date serial
	MOA                                  string // the MOA cell's text: "link", "link pending", a URL
	MOAURL                               string // the MOA link: the cell's hyperlink, or its text when that is a URL
	blank                                bool
}

// listColumns are the columns every list has; participating lists add SIGNED and MOA.
var listColumns = []string{"STATE", "LAW ENFORCEMENT AGENCY", "TYPE", "COUNTY", "SUPPORT TYPE"}

// readList reads one ICE list, xlsx or CSV, into rows. Row numbers are the spreadsheet's.
func readList(f iceFile) ([]listRow, error) {
	want := slices.Clone(listColumns)
	if f.Kind == "participating" {
		want = append(want, "SIGNED", "MOA")
	}
	if f.XLSX {
		return readXLSXList(f, want)
	}
	recs, err := readCSV(f.Path, false)
	if err != nil {
		return nil, err
	}
	if len(recs) == 0 {
		return nil, fmt.Errorf("%s: empty", f.Path)
	}
	if f.Kind == "participating" {
		want = append(want, "MOA_URL")
	}
	h, err := header(f.Path, recs[0], want...)
	if err != nil {
		return nil, err
	}
	var rows []listRow
	for i, c := range recs[1:] {
		get := func(col string) string {
			if j, ok := h[col]; ok && j < len(c) {
				return c[j]
			}
			return ""
		}
		r := listRow{Ref: fmt.Sprintf("%s:%d", f.Name, i+2), State: get("STATE"), Agency: get("LAW ENFORCEMENT AGENCY"), Type: get("TYPE"),
			County: get("COUNTY"), Support: get("SUPPORT TYPE"), Signed: get("SIGNED"), MOA: get("MOA"), MOAURL: strings.TrimSpace(get("MOA_URL"))}
		r.blank = strings.TrimSpace(strings.Join(c, "")) == ""
		rows = append(rows, r)
	}
	return rows, nil
}

// readXLSXList reads the first sheet of one of ICE's workbooks: cell values as stored (a date
// is an Excel serial number), and the MOA column's hyperlinks.
func readXLSXList(f iceFile, want []string) ([]listRow, error) {
	wb, err := excelize.OpenFile(f.Path)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", f.Path, err)
	}
	defer wb.Close()
	sheets := wb.GetSheetList()
	if len(sheets) == 0 {
		return nil, fmt.Errorf("%s: the workbook has no sheet", f.Path)
	}
	sheet := sheets[0]
	recs, err := wb.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, fmt.Errorf("reading %s, sheet %q: %w", f.Path, sheet, err)
	}
	if len(recs) == 0 {
		return nil, fmt.Errorf("%s: sheet %q is empty", f.Path, sheet)
	}
	h, err := header(f.Path+" (sheet "+sheet+")", recs[0], want...)
	if err != nil {
		return nil, err
	}
	var rows []listRow
	for i, c := range recs[1:] {
		line := i + 2
		get := func(col string) string {
			if j, ok := h[col]; ok && j < len(c) {
				return c[j]
			}
			return ""
		}
		r := listRow{Ref: fmt.Sprintf("%s:%d", f.Name, line), State: get("STATE"), Agency: get("LAW ENFORCEMENT AGENCY"), Type: get("TYPE"),
			County: get("COUNTY"), Support: get("SUPPORT TYPE"), Signed: get("SIGNED"), MOA: get("MOA")}
		r.blank = strings.TrimSpace(strings.Join(c, "")) == ""
		if j, ok := h["MOA"]; ok {
			cell, err := excelize.CoordinatesToCellName(j+1, line)
			if err != nil {
				return nil, fmt.Errorf("%s: row %d: %w", f.Path, line, err)
			}
			has, link, err := wb.GetCellHyperLink(sheet, cell)
			if err != nil {
				return nil, fmt.Errorf("%s: cell %s: %w", f.Path, cell, err)
			}
			switch {
			case has:
				r.MOAURL = strings.TrimSpace(link)
			case strings.HasPrefix(strings.TrimSpace(r.MOA), "http"):
				r.MOAURL = strings.TrimSpace(r.MOA)
			}
		}
		rows = append(rows, r)
	}
	return rows, nil
}

var serialDate = regexp.MustCompile(`^\d+(\.\d+)?$`)

// readSigned reads a SIGNED cell: an Excel date serial (the sheets) or text ("2025-05-08", and
// the malformed "7/72025", "05/082025"). It returns the date and, where the cell needed reading
// beyond the plain forms, what was done.
func readSigned(s string) (*jurisdictions.Date, string, error) {
	s = strings.TrimSpace(s)
	if serialDate.MatchString(s) {
		v, err := strconv.ParseFloat(s, 64)
		if err != nil {
			return nil, "", fmt.Errorf("%q is not a date: %w", s, err)
		}
		t, err := excelize.ExcelDateToTime(v, false)
		if err != nil {
			return nil, "", fmt.Errorf("%q is not an Excel date: %w", s, err)
		}
		d := jurisdictions.Date(t.Format("2006-01-02"))
		return &d, "", nil
	}
	d, repaired, err := parseSigned(s)
	if err != nil {
		return nil, "", err
	}
	if repaired {
		return d, fmt.Sprintf("SIGNED %q read as %s", s, *d), nil
	}
	return d, "", nil
}
