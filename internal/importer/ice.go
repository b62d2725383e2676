package importer

import (
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/jurisproject/juris/jurisdictions"
)

// ICEPage is where ICE publishes its 287(g) lists.
const ICEPage = "https://www.ice.gov/identify-and-arrest/287g"

const moaIndexFile = "recoveredfactory_moa_agreements.json"

var iceModels = map[string]string{
	"jail enforcement model":  "jail-enforcement",
	"task force model":        "task-force",
	"warrant service officer": "warrant-service-officer",
	"JEM":                     "jail-enforcement",
	"TFM":                     "task-force",
	"WSO":                     "warrant-service-officer",
}

// sighting is one source showing an agreement.
type sighting struct {
	source  string
	date    jurisdictions.Date
	pending bool
	moa     bool // an MOA that ICE posted (the MOA index), not a list row
	docs    bool // a link on one of ICE's sheets, known from a document list: proves the listing only
	signed  *jurisdictions.Date
	moaURL  string
	note    string
	ref     string
}

// agreementRec gathers the sightings of one agreement (agency and model).
type agreementRec struct {
	agency, model string
	seen          []sighting
}

// row is one source row to place: a list row or an MOA index entry.
type row struct {
	ref                     string // file:line or the MOA index key
	usps, name, typ, county string
}

// parseSigned reads ICE's SIGNED column, repairing the malformed dates it holds ("7/72025",
// "05/082025"). It returns the date, whether it was repaired, and an error for text that is not
// a date at all.
func parseSigned(s string) (*jurisdictions.Date, bool, error) {
	s = strings.TrimSpace(s)
	if s == "" || s == "#N/A" {
		return nil, false, nil
	}
	if d, err := jurisdictions.ParseDate(s); err == nil {
		return &d, false, nil
	}
	parts := strings.Split(s, "/")
	var m, d, y string
	switch {
	case len(parts) == 3:
		m, d, y = parts[0], parts[1], parts[2]
	case len(parts) == 2 && len(parts[1]) >= 5 && len(parts[1]) <= 6: // "7/72025": day and year run together
		m, d, y = parts[0], parts[1][:len(parts[1])-4], parts[1][len(parts[1])-4:]
	default:
		return nil, false, fmt.Errorf("%q is not a date", s)
	}
	mi, e1 := strconv.Atoi(m)
	di, e2 := strconv.Atoi(d)
	yi, e3 := strconv.Atoi(y)
	if e1 != nil || e2 != nil || e3 != nil {
		return nil, false, fmt.Errorf("%q is not a date", s)
	}
	if yi < 100 {
		yi += 2000
	}
	out, err := jurisdictions.ParseDate(fmt.Sprintf("%04d-%02d-%02d", yi, mi, di))
	if err != nil {
		return nil, false, fmt.Errorf("%q is not a date: %w", s, err)
	}
	return &out, true, nil
}

// unwrapURL returns the address an Outlook safelink wraps, or u itself.
func unwrapURL(u string) string {
	u = strings.TrimSpace(u)
	if strings.Contains(u, "safelinks.protection.outlook.com") {
		if p, err := url.Parse(u); err == nil {
			if inner := p.Query().Get("url"); inner != "" {
				return inner
			}
		}
	}
	return u
}

// stateNameFixes are state names ICE misspells, read as the state they name.
var stateNameFixes = map[string]string{"new hamsphire": "NH"}

func (n *national) usps(stateName string) string {
	if u, ok := n.stateByName[fold(stateName)]; ok {
		return u
	}
	if u, ok := stateNameFixes[fold(stateName)]; ok {
		n.report.StateFixes[strings.TrimSpace(stateName)+" read as "+u]++
		return u
	}
	return ""
}

// listKind names a list's kind in sources and the report.
func listSource(f iceFile) string {
	switch f.Kind {
	case "documents":
		return fmt.Sprintf("ICE 287(g) participating agencies sheet, %s (its MOA links, as logged by deportationdata/ice-287g)", f.Date)
	}
	return fmt.Sprintf("ICE 287(g) %s agencies list, %s", f.Kind, f.Date)
}

// importICE reads ICE's lists, its document lists and the MOA index, and gathers every sighting
// of an agreement (agency and model).
func (n *national) importICE(dir string) (map[string]*agreementRec, error) {
	recs := map[string]*agreementRec{}
	rep := n.report
	add := func(aid, model string, s sighting) {
		k := aid + "#" + model
		r := recs[k]
		if r == nil {
			r = &agreementRec{agency: aid, model: model}
			recs[k] = r
		}
		r.seen = append(r.seen, s)
	}
	iceDir := filepath.Join(dir, "ice287g")
	files, skipped, err := discoverICE(iceDir)
	if err != nil {
		return nil, err
	}
	rep.FilesSkipped = skipped
	n.iceFiles = files
	var docs []iceFile
	for _, f := range files {
		if f.Kind == "documents" {
			docs = append(docs, f)
			continue
		}
		if err := n.importList(f, add); err != nil {
			return nil, err
		}
	}
	listed := map[string][]string{} // agency -> models on ICE's participating lists
	for _, r := range recs {
		for _, s := range r.seen {
			if !s.pending && !slices.Contains(listed[r.agency], r.model) {
				listed[r.agency] = append(listed[r.agency], r.model)
			}
		}
	}
	for _, k := range slices.Sorted(mapsKeys(listed)) {
		slices.Sort(listed[k])
	}
	if err := n.importMOAIndex(dir, add, listed); err != nil {
		return nil, err
	}
	for _, f := range docs {
		if err := n.importDocuments(f, add, listed); err != nil {
			return nil, err
		}
	}
	return recs, nil
}

// importList reads one participating or pending list.
func (n *national) importList(f iceFile, add func(aid, model string, s sighting)) error {
	rep := n.report
	rows, err := readList(f)
	if err != nil {
		return err
	}
	source := listSource(f)
	st := &ListStats{File: f.Name, Date: string(f.Date), Kind: f.Kind, Pending: f.Kind == "pending", How: map[string]int{}, keys: map[string]listEntry{}}
	rep.Lists = append(rep.Lists, st)
	for _, c := range rows {
		if c.blank {
			st.Blank++
			continue
		}
		st.Rows++
		r := row{ref: c.Ref, usps: n.usps(c.State), name: strings.TrimSpace(c.Agency), typ: strings.TrimSpace(c.Type), county: strings.TrimSpace(c.County)}
		if strings.TrimSpace(c.MOA) == "link pending" {
			st.LinkPending++
		}
		model, ok := iceModels[strings.ToLower(strings.TrimSpace(c.Support))]
		if !ok {
			rep.ICEUnmatched = append(rep.ICEUnmatched, Unmatched{Source: c.Ref, Name: r.name, State: c.State, Reason: fmt.Sprintf("unknown support type %q", c.Support)})
			continue
		}
		if r.usps == "" {
			rep.ICEUnmatched = append(rep.ICEUnmatched, Unmatched{Source: c.Ref, Name: r.name, State: c.State, Reason: fmt.Sprintf("unknown state %q", c.State)})
			continue
		}
		aid, how, reason := n.placeRow(r)
		if aid == "" {
			rep.ICEUnmatched = append(rep.ICEUnmatched, Unmatched{Source: c.Ref, Name: r.name, State: c.State, Detail: r.typ + ", " + r.county, Reason: reason})
			continue
		}
		st.Matched++
		st.How[how]++
		rep.Matches = append(rep.Matches, []string{c.Ref, r.usps, r.name, aid, how})
		s := sighting{source: source, date: f.Date, pending: f.Kind == "pending", ref: c.Ref}
		if f.Kind == "participating" {
			d, repaired, err := readSigned(c.Signed)
			if err != nil {
				rep.DateProblems = append(rep.DateProblems, fmt.Sprintf("%s: SIGNED %v; left without a signed date", c.Ref, err))
			} else if repaired != "" {
				rep.DateProblems = append(rep.DateProblems, c.Ref+": "+repaired)
			}
			if d != nil && *d > f.Date {
				// A list cannot show an agreement signed after the list's own date: a mistyped
				// year ("5025-07-07"). Read it with the list's year where that fits.
				fixed := jurisdictions.Date(string(f.Date)[:4] + string(*d)[4:])
				if _, err := jurisdictions.ParseDate(string(fixed)); err == nil && fixed <= f.Date {
					rep.DateProblems = append(rep.DateProblems, fmt.Sprintf("%s: SIGNED %q (%s) is after the list's date; read as %s", c.Ref, c.Signed, *d, fixed))
					d = &fixed
				} else {
					rep.DateProblems = append(rep.DateProblems, fmt.Sprintf("%s: SIGNED %q (%s) is after the list's date; left without a signed date", c.Ref, c.Signed, *d))
					d = nil
				}
			}
			s.signed = d
			if u := unwrapURL(c.MOAURL); strings.HasPrefix(u, "http") {
				s.moaURL = u
			}
		}
		key := aid + "#" + model
		if prev, dup := st.keys[key]; dup {
			st.Duplicates = append(st.Duplicates, fmt.Sprintf("%s repeats %s (%s, %s): one agreement", c.Ref, prev.ref, aid, model))
		} else {
			st.keys[key] = listEntry{ref: c.Ref, name: r.name, signed: s.signed, linkPending: strings.TrimSpace(c.MOA) == "link pending"}
		}
		add(aid, model, s)
	}
	return nil
}

// importDocuments reads a document list: the MOA and addendum links one of ICE's sheets showed
// on its date. A row proves only that the agreement was listed that day: its signed date (read
// from a file name) is not used, and a sheet's "link pending" rows are not in it.
func (n *national) importDocuments(f iceFile, add func(aid, model string, s sighting), listed map[string][]string) error {
	rep := n.report
	recs, err := readCSV(f.Path, false)
	if err != nil {
		return err
	}
	if len(recs) == 0 {
		return fmt.Errorf("%s: empty", f.Path)
	}
	h, err := header(f.Path, recs[0], "state", "agency", "document_type", "model", "moa_url")
	if err != nil {
		return err
	}
	sheetModel := -1 // the model of the sheet row with the same link, where the list says it
	for name, i := range h {
		if strings.HasPrefix(name, "model_on_ice_sheet_") {
			sheetModel = i
		}
	}
	source := listSource(f)
	st := &ListStats{File: f.Name, Date: string(f.Date), Kind: f.Kind, How: map[string]int{}, keys: map[string]listEntry{}}
	rep.Lists = append(rep.Lists, st)
	for i, c := range recs[1:] {
		ref := fmt.Sprintf("%s:%d", f.Name, i+2)
		st.Rows++
		name := strings.TrimSpace(c[h["agency"]])
		miss := func(reason string) {
			rep.ICEUnmatched = append(rep.ICEUnmatched, Unmatched{Source: ref, Name: name, State: c[h["state"]], Detail: c[h["document_type"]], Reason: reason})
		}
		usps := n.usps(c[h["state"]])
		if usps == "" {
			miss(fmt.Sprintf("unknown state %q", c[h["state"]]))
			continue
		}
		aid, how, reason := n.placeRow(row{ref: ref, usps: usps, name: name})
		if aid == "" {
			miss(reason)
			continue
		}
		code := strings.TrimSpace(c[h["model"]])
		if code == "" && sheetModel >= 0 {
			if code = strings.TrimSpace(c[sheetModel]); code != "" {
				how += ", model from the sheet row with the same link"
			}
		}
		model, ok := iceModels[code]
		if !ok {
			if ms := listed[aid]; len(ms) == 1 {
				model, ok = ms[0], true
				how += ", model from list"
			}
		}
		if !ok {
			miss(fmt.Sprintf("no model in the file name or the sheet, and ICE's lists show the agency with %d models", len(listed[aid])))
			continue
		}
		st.Matched++
		st.How[how]++
		rep.Matches = append(rep.Matches, []string{ref, usps, name, aid, how})
		key := aid + "#" + model
		if prev, dup := st.keys[key]; dup {
			st.Duplicates = append(st.Duplicates, fmt.Sprintf("%s (%s) repeats %s (%s, %s): one agreement", ref, c[h["document_type"]], prev.ref, aid, model))
		} else {
			st.keys[key] = listEntry{ref: ref, name: name}
		}
		s := sighting{source: source, date: f.Date, docs: true, ref: ref}
		if u := unwrapURL(c[h["moa_url"]]); strings.HasPrefix(u, "http") && strings.EqualFold(strings.TrimSpace(c[h["document_type"]]), "MOA") {
			s.moaURL = u
		}
		add(aid, model, s)
	}
	return nil
}

type moaEntry struct {
	Model        *string `json:"model"`
	PDFURL       string  `json:"pdf_url"`
	Snapshot     string  `json:"snapshot"`
	DateFilename *string `json:"date_filename"`
	Filename     string  `json:"filename"`
	SHA          string  `json:"sha"`
}

var (
	snapshotDate = regexp.MustCompile(`^agreements_(\d{4})(\d{2})(\d{2})_`)
	modelInName  = regexp.MustCompile(`(?i)(JEM|TFM|WSO|_TF_|TaskForce)`)
)

func (n *national) importMOAIndex(dir string, add func(aid, model string, s sighting), listed map[string][]string) error {
	path := filepath.Join(dir, "ice287g", moaIndexFile)
	data, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("reading %s: %w", path, err)
	}
	var idx map[string][]moaEntry
	if err := json.Unmarshal(data, &idx); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	rep := n.report
	st := &ListStats{File: moaIndexFile, Kind: "moa-index", How: map[string]int{}}
	rep.Lists = append(rep.Lists, st)
	keys := make([]string, 0, len(idx))
	for k := range idx {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		stateCode, name, _ := strings.Cut(k, "|")
		for i, e := range idx[k] {
			st.Rows++
			ref := fmt.Sprintf("%s[%q][%d]", moaIndexFile, k, i)
			miss := func(reason string) {
				rep.ICEUnmatched = append(rep.ICEUnmatched, Unmatched{Source: ref, Name: name, State: stateCode, Detail: e.Filename, Reason: reason})
			}
			m := snapshotDate.FindStringSubmatch(e.Snapshot)
			if m == nil {
				miss(fmt.Sprintf("snapshot %q carries no date", e.Snapshot))
				continue
			}
			date := jurisdictions.Date(m[1] + "-" + m[2] + "-" + m[3])
			if st.First == "" || string(date) < st.First {
				st.First = string(date)
			}
			if string(date) > st.Date {
				st.Date = string(date)
			}
			code := ""
			if e.Model != nil {
				code = *e.Model
			} else if mm := modelInName.FindString(e.Filename); mm != "" {
				code = strings.ToUpper(strings.Trim(mm, "_"))
				if code == "TF" || code == "TASKFORCE" {
					code = "TFM"
				}
			}
			if n.byState[stateCode] == nil {
				miss(fmt.Sprintf("unknown state %q", stateCode))
				continue
			}
			aid, how, reason := n.placeRow(row{ref: ref, usps: stateCode, name: name})
			if aid == "" {
				miss(reason)
				continue
			}
			model, ok := iceModels[code]
			if !ok {
				// No model in the index or the file name: where ICE's lists show the agency
				// with one model only, the MOA is that agreement's.
				if ms := listed[aid]; len(ms) == 1 {
					model, ok = ms[0], true
					how = "model from list"
				}
			}
			if !ok {
				miss("no model in the index or the file name, and ICE's lists show the agency with " + fmt.Sprint(len(listed[aid])) + " models")
				continue
			}
			st.Matched++
			st.How[how]++
			rep.Matches = append(rep.Matches, []string{ref, stateCode, name, aid, how})
			note := ""
			if e.DateFilename != nil {
				note = "ICE's file name " + e.Filename + " carries the date " + *e.DateFilename
			}
			add(aid, model, sighting{source: "MOA posted by ICE, archived " + string(date) + " (Tracking_287g, indexed by 287g-watch)", date: date, moa: true, moaURL: e.PDFURL, note: note, ref: ref})
		}
	}
	return nil
}
