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

// iceList is one of ICE's lists as saved in the sources.
type iceList struct {
	File    string
	Date    jurisdictions.Date
	Pending bool
}

// iceLists are the lists imported, oldest first.
var iceLists = []iceList{
	{File: "ice287g_pending_2025-05-15am.csv", Date: "2025-05-15", Pending: true},
	{File: "ice287g_participating_2025-05-16am.csv", Date: "2025-05-16"},
	{File: "ice287g_pending_2025-07-18pm.csv", Date: "2025-07-18", Pending: true},
	{File: "ice287g_participating_2025-07-18pm.csv", Date: "2025-07-18"},
}

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
	signed  *jurisdictions.Date
	moaURL  string
	note    string
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

func (n *national) usps(stateName string) string {
	return n.stateByName[fold(stateName)]
}

// importICE reads ICE's lists and the MOA index and makes one agreement per agency and model.
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
	for _, l := range iceLists {
		path := filepath.Join(dir, "ice287g", l.File)
		csvRecs, err := readCSV(path, false)
		if err != nil {
			return nil, err
		}
		if len(csvRecs) == 0 {
			return nil, fmt.Errorf("%s: empty", path)
		}
		want := []string{"STATE", "LAW ENFORCEMENT AGENCY", "TYPE", "COUNTY", "SUPPORT TYPE"}
		if !l.Pending {
			want = append(want, "SIGNED", "MOA_URL")
		}
		h, err := header(path, csvRecs[0], want...)
		if err != nil {
			return nil, err
		}
		kind := "participating"
		if l.Pending {
			kind = "pending"
		}
		source := fmt.Sprintf("ICE 287(g) %s agencies list, %s", kind, l.Date)
		st := &ListStats{File: l.File, Date: string(l.Date), Pending: l.Pending, How: map[string]int{}}
		rep.Lists = append(rep.Lists, st)
		for i, c := range csvRecs[1:] {
			st.Rows++
			ref := fmt.Sprintf("%s:%d", l.File, i+2)
			r := row{ref: ref, usps: n.usps(c[h["STATE"]]), name: strings.TrimSpace(c[h["LAW ENFORCEMENT AGENCY"]]), typ: strings.TrimSpace(c[h["TYPE"]]), county: strings.TrimSpace(c[h["COUNTY"]])}
			model, ok := iceModels[strings.ToLower(strings.TrimSpace(c[h["SUPPORT TYPE"]]))]
			if !ok {
				rep.ICEUnmatched = append(rep.ICEUnmatched, Unmatched{Source: ref, Name: r.name, State: c[h["STATE"]], Reason: fmt.Sprintf("unknown support type %q", c[h["SUPPORT TYPE"]])})
				continue
			}
			aid, how, reason := n.placeRow(r)
			if aid == "" {
				rep.ICEUnmatched = append(rep.ICEUnmatched, Unmatched{Source: ref, Name: r.name, State: c[h["STATE"]], Detail: r.typ + ", " + r.county, Reason: reason})
				continue
			}
			st.Matched++
			st.How[how]++
			rep.Matches = append(rep.Matches, []string{ref, r.usps, r.name, aid, how})
			s := sighting{source: source, date: l.Date, pending: l.Pending}
			if !l.Pending {
				d, repaired, err := parseSigned(c[h["SIGNED"]])
				if err != nil {
					rep.DateProblems = append(rep.DateProblems, fmt.Sprintf("%s: SIGNED %v; left without a signed date", ref, err))
				} else if repaired {
					rep.DateProblems = append(rep.DateProblems, fmt.Sprintf("%s: SIGNED %q read as %s", ref, c[h["SIGNED"]], *d))
				}
				if d != nil && *d > l.Date {
					// A list cannot show an agreement signed after the list's own date: a mistyped
					// year ("5025-07-07"). Read it with the list's year where that fits.
					fixed := jurisdictions.Date(string(l.Date)[:4] + string(*d)[4:])
					if _, err := jurisdictions.ParseDate(string(fixed)); err == nil && fixed <= l.Date {
						rep.DateProblems = append(rep.DateProblems, fmt.Sprintf("%s: SIGNED %q is after the list's date; read as %s", ref, c[h["SIGNED"]], fixed))
						d = &fixed
					} else {
						rep.DateProblems = append(rep.DateProblems, fmt.Sprintf("%s: SIGNED %q is after the list's date; left without a signed date", ref, c[h["SIGNED"]]))
						d = nil
					}
				}
				s.signed = d
				if u := unwrapURL(c[h["MOA_URL"]]); strings.HasPrefix(u, "http") {
					s.moaURL = u
				}
			}
			add(aid, model, s)
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
	if err := n.importMOAIndex(dir, add, listed); err != nil {
		return nil, err
	}
	return recs, nil
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
	st := &ListStats{File: moaIndexFile, Date: "2025-05..2026-06", How: map[string]int{}}
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
			add(aid, model, sighting{source: "MOA posted by ICE, archived " + string(date) + " (Tracking_287g, indexed by 287g-watch)", date: date, moa: true, moaURL: e.PDFURL, note: note})
		}
	}
	return nil
}
