package importer

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/jurisproject/juris/jurisdictions"
)

// fbiRow is one agency of the FBI list.
type fbiRow struct {
	Line                   int
	ORI, Name, State, Type string
	Year                   string   // data_year: the year of the FBI's record
	Counties               []string // upper-case county names as the FBI writes them
}

// fbiKinds maps FBI agency types to agency kinds; City and County are refined by name.
var fbiKinds = map[string]string{
	"City":                  "municipal-police",
	"County":                "sheriff",
	"State Police":          "state-police",
	"Other State Agency":    "state-agency",
	"University or College": "campus-police",
	"Tribal":                "tribal-police",
	"Other":                 "other",
}

func readFBI(dir string) ([]fbiRow, string, error) {
	path := filepath.Join(dir, "agencies", "fbi_cde_lee_latest_by_ori.csv")
	recs, err := readCSV(path, false)
	if err != nil {
		return nil, path, err
	}
	if len(recs) == 0 {
		return nil, path, fmt.Errorf("%s: empty", path)
	}
	h, err := header(path, recs[0], "ori", "pub_agency_name", "state_abbr", "county_name", "agency_type_name")
	if err != nil {
		return nil, path, err
	}
	var out []fbiRow
	for i, r := range recs[1:] {
		row := fbiRow{Line: i + 2, ORI: strings.TrimSpace(r[h["ori"]]), State: strings.TrimSpace(r[h["state_abbr"]]), Type: strings.TrimSpace(r[h["agency_type_name"]])}
		if j, ok := h["data_year"]; ok {
			row.Year = strings.TrimSpace(r[j])
		}
		row.Name = strings.TrimSpace(strings.TrimRight(strings.TrimSpace(r[h["pub_agency_name"]]), ":,"))
		if cn := strings.TrimSpace(r[h["county_name"]]); cn != "" && cn != "NOT SPECIFIED" {
			for _, c := range strings.Split(cn, ",") {
				if c = strings.TrimSpace(c); c != "" {
					row.Counties = append(row.Counties, c)
				}
			}
		}
		out = append(out, row)
	}
	return out, path, nil
}

// fbiStates maps the FBI's state codes that differ from USPS codes (Nebraska, Guam).
var fbiStates = map[string]string{"NB": "NE", "GM": "GU"}

// citySuffixes are words the FBI appends to a municipality's name.
var citySuffixes = []string{" city", " village", " town", " borough", " police department", " police"}

// addAgency puts a into the dataset under a free id: want, or want with the county's slug, or
// with the ORI. It returns the id used.
func (n *national) addAgency(a *jurisdictions.Agency, want string, disambig ...string) string {
	id := want
	for _, d := range disambig {
		if _, taken := n.agencies[id]; !taken {
			break
		}
		if d != "" {
			id = want + "-" + d
		}
	}
	for i := 2; ; i++ {
		if _, taken := n.agencies[id]; !taken {
			break
		}
		id = fmt.Sprintf("%s-%d", want, i)
	}
	a.ID = id
	n.agencies[id] = a
	if si := n.byState[stateOfID(id)]; si != nil {
		n.register(si, a)
	}
	return id
}

// register files the agency under its name variants, for matching other sources' names.
func (n *national) register(si *stateIndex, a *jurisdictions.Agency) {
	for _, k := range nameVariants(a.Name, n.juris[si.id].Name) {
		if !slices.Contains(si.agencyName[k], a.ID) {
			si.agencyName[k] = append(si.agencyName[k], a.ID)
		}
	}
}

// importFBI makes one agency per FBI row it can place, and reports the rest with the reason.
func (n *national) importFBI(rows []fbiRow, path string) {
	rep := n.report
	rep.FBIRows = len(rows)
	rep.FBIByType = map[string]int{}
	rep.FBIMatched = map[string]int{}
	// Sheriffs and county police first, then everything else, so that the plain ids go to them.
	order := func(r fbiRow) int {
		if _, placed := n.fbiPlace[r.ORI]; placed {
			return -1 // the ids aliases.yaml gives are taken first
		}
		switch r.Type {
		case "County":
			return 0
		case "City":
			return 1
		}
		return 2
	}
	sorted := slices.Clone(rows)
	slices.SortStableFunc(sorted, func(a, b fbiRow) int {
		if d := order(a) - order(b); d != 0 {
			return d
		}
		return strings.Compare(a.ORI, b.ORI)
	})
	merged := map[string]*jurisdictions.Agency{}
	var same []fbiRow
	for _, r := range sorted {
		if _, ok := n.fbiSame[r.ORI]; ok {
			same = append(same, r) // after every other row, so that the agency it joins is there
			continue
		}
		rep.FBIByType[r.Type]++
		if len(r.Year) == 4 && isDigits(r.Year) && r.Year > rep.FBILatestYear {
			rep.FBILatestYear = r.Year
		}
		usps := r.State
		if m, ok := fbiStates[usps]; ok {
			usps = m
		}
		miss := func(reason string) {
			rep.FBIUnmatched = append(rep.FBIUnmatched, Unmatched{Source: fmt.Sprintf("%s:%d", filepath.Base(path), r.Line), Name: r.Name, State: r.State, Detail: r.ORI + " " + r.Type, Reason: reason})
		}
		if r.Type == "Federal" || usps == "FS" {
			miss("federal agency: 287(g) agreements are made with state and local agencies")
			continue
		}
		si := n.byState[usps]
		if si == nil {
			miss(fmt.Sprintf("state code %q is not a state, DC or a territory", r.State))
			continue
		}
		if p, ok := n.fbiPlace[r.ORI]; ok {
			owner := p.Agency[:strings.LastIndex(p.Agency, "/")]
			a := &jurisdictions.Agency{Name: r.Name, Kind: p.Kind, Jurisdiction: owner, ORI: r.ORI, RunsJail: p.Kind == "sheriff", OperatesIn: slices.Clone(p.OperatesIn),
				Note: strings.Join(strings.Fields(p.Reason), " ") + " (" + p.Citation + ", " + p.URL + ")"}
			if p.Name != "" {
				a.Name = p.Name
			}
			n.addAgency(a, p.Agency)
			rep.FBIMatched[r.Type]++
			rep.FBIPlaced++
			n.structure("Agencies placed under their government (aliases.yaml, `fbi:`)", fmt.Sprintf("`%s` %s (ORI %s, FBI type %s): %s", a.ID, r.Name, r.ORI, r.Type, strings.Join(strings.Fields(p.Reason), " ")))
			continue
		}
		kind, ok := fbiKinds[r.Type]
		if !ok {
			miss(fmt.Sprintf("unknown FBI agency type %q", r.Type))
			continue
		}
		var counties []*county
		for _, c := range r.Counties {
			if cc := si.countyNamed(c); cc != nil && !slices.Contains(counties, cc) {
				counties = append(counties, cc)
			}
		}
		countyIDs := func() []string {
			var ids []string
			for _, c := range counties {
				ids = append(ids, c.ID)
			}
			return ids
		}
		a := &jurisdictions.Agency{Name: r.Name, Kind: kind, ORI: r.ORI}
		lname := fold(r.Name)
		switch r.Type {
		case "County":
			c := si.countyNamed(r.Name)
			if c == nil && len(counties) == 1 {
				c = counties[0]
			}
			if c == nil {
				miss("no county of that name in the state, and the FBI names no single county")
				continue
			}
			a.Jurisdiction = c.ID
			switch {
			case bare(countyBase(r.Name)) == bare(c.base) || lname == c.base+" county" || strings.Contains(lname, "sheriff"):
				a.Kind = "sheriff"
				a.RunsJail = true
				if bare(countyBase(r.Name)) == bare(c.base) {
					a.Name = c.Name + " Sheriff" // the FBI writes a sheriff's office as the bare county name
				}
				n.addAgency(a, c.ID+"/sheriff", jurisdictions.Slug(r.Name))
			case strings.Contains(lname, "police"):
				a.Kind = "county-police"
				n.addAgency(a, c.ID+"/police", jurisdictions.Slug(r.Name))
			default:
				a.Kind = "other"
				n.addAgency(a, c.ID+"/"+jurisdictions.Slug(r.Name), strings.ToLower(r.ORI))
			}
			rep.FBIMatched["County"]++
		case "City":
			p, reason := n.findPlace(si, r.Name, counties)
			if p == nil {
				p = n.municipality(si, r, counties, reason)
				rep.FBICityToMunicipality = append(rep.FBICityToMunicipality, Unmatched{Source: fmt.Sprintf("%s:%d", filepath.Base(path), r.Line), Name: r.Name, State: r.State, Detail: r.ORI, Reason: reason})
			} else {
				rep.FBIMatched["City"]++
			}
			a.Jurisdiction = p.ID
			switch {
			case p.Consolidated != nil && !strings.Contains(lname, "police"):
				a.Name = r.Name + " Police" // the FBI writes a consolidated government's police as its place's name
			case fold(r.Name) == fold(p.Name) || strings.HasPrefix(fold(r.Name), fold(p.Name)+" ") && len(strings.Fields(fold(r.Name))) == len(strings.Fields(fold(p.Name)))+1 && p.Kind != "municipality":
				a.Name = p.Name + " Police" // the FBI writes a city's police as the bare city name
			}
			n.addAgency(a, p.ID+"/police", jurisdictions.Slug(r.Name), strings.ToLower(r.ORI))
		default:
			// State police, state agencies, campuses, tribes and others belong to the state; they
			// operate statewide unless they are campus or tribal police tied to counties. The FBI
			// lists some state agencies once per region or campus ("Highway Patrol" in each
			// troop's county): those rows are one agency, with the other ORIs kept.
			a.Jurisdiction = si.id
			stateName := n.juris[si.id].Name
			if (kind == "state-police" || kind == "state-agency") && !strings.Contains(lname, fold(stateName)) && !strings.Contains(lname, "county") {
				a.Name = stateName + " " + r.Name // the FBI writes "Highway Patrol" for "Florida Highway Patrol"
			}
			mkey := si.usps + "|" + r.Type + "|" + lname
			if prev := merged[mkey]; prev != nil {
				if len(r.Counties) == 0 && len(prev.OperatesIn) > 0 || prev.ORI > r.ORI {
					prev.ORI, r.ORI = r.ORI, prev.ORI // the statewide row's ORI leads
				}
				prev.OtherORIs = append(prev.OtherORIs, r.ORI)
				slices.Sort(prev.OtherORIs)
				if len(prev.OperatesIn) > 0 {
					for _, c := range countyIDs() {
						if !slices.Contains(prev.OperatesIn, c) {
							prev.OperatesIn = append(prev.OperatesIn, c)
						}
					}
					slices.Sort(prev.OperatesIn)
				}
				rep.FBIMatched[r.Type]++
				rep.FBIMerged++
				continue
			}
			if (kind == "campus-police" || kind == "tribal-police" || kind == "other") && len(counties) > 0 {
				a.OperatesIn = countyIDs()
			}
			if kind == "other" && len(counties) == 1 && strings.HasPrefix(lname, counties[0].base+" county ") {
				a.Jurisdiction = counties[0].ID // a county office: "Tom Green County Constable"
				a.OperatesIn = nil
				a.Note = "The FBI list gives no owner (type Other); placed under the county its name begins with."
			} else if kind == "other" || kind == "campus-police" || kind == "tribal-police" {
				a.Note = "The FBI list gives no owner (type " + r.Type + "); placed under the state it is in."
			}
			var d string
			if len(counties) > 0 {
				d = jurisdictions.Slug(counties[0].Name)
			}
			n.addAgency(a, a.Jurisdiction+"/"+jurisdictions.Slug(r.Name), d, strings.ToLower(r.ORI))
			if a.Jurisdiction == si.id {
				merged[mkey] = a
			}
			rep.FBIMatched[r.Type]++
		}
	}
	for _, r := range same {
		rep.FBIByType[r.Type]++
		m := n.fbiSame[r.ORI]
		a := n.agencies[m.Agency]
		if a == nil {
			a = &jurisdictions.Agency{Name: r.Name, Kind: m.Kind, Jurisdiction: m.Agency[:strings.LastIndex(m.Agency, "/")], ORI: r.ORI}
			n.addAgency(a, m.Agency)
		} else {
			if a.ORI == "" {
				a.ORI = r.ORI
			} else if statewide(n.byState[stateOfID(a.ID)], r) { // the statewide row's ORI leads
				a.OtherORIs = append(a.OtherORIs, a.ORI)
				a.ORI = r.ORI
			} else {
				a.OtherORIs = append(a.OtherORIs, r.ORI)
			}
			slices.Sort(a.OtherORIs)
			n.register(n.byState[stateOfID(a.ID)], &jurisdictions.Agency{ID: a.ID, Name: r.Name})
		}
		why := strings.Join(strings.Fields(m.Reason), " ")
		if m.URL != "" {
			why += " (" + m.URL + ")"
		}
		a.Note = strings.TrimSpace(a.Note + " The FBI also lists it as " + r.Name + " (ORI " + r.ORI + "): " + why)
		rep.FBIMatched[r.Type]++
		rep.FBIMerged++
		n.structure("Duplicate agencies merged (aliases.yaml, `same:`)", fmt.Sprintf("FBI %s (ORI %s) is `%s`: %s", r.Name, r.ORI, m.Agency, why))
	}
}

// findPlace finds the incorporated place or municipality a city agency belongs to, preferring
// one that lies in a county the FBI names.
func (n *national) findPlace(si *stateIndex, name string, counties []*county) (*jurisdictions.Jurisdiction, string) {
	f := fold(name)
	cands := []string{f}
	for _, s := range citySuffixes {
		if strings.HasSuffix(f, s) {
			cands = append(cands, strings.TrimSuffix(f, s))
		}
	}
	for _, p := range []string{"city of ", "town of ", "village of ", "borough of "} {
		if strings.HasPrefix(f, p) {
			cands = append(cands, strings.TrimPrefix(f, p))
		}
	}
	for _, c := range cands {
		ps := si.places[c]
		if len(ps) == 0 {
			continue
		}
		if len(counties) > 0 {
			var in []*jurisdictions.Jurisdiction
			for _, p := range ps {
				for _, cc := range counties {
					if inCounty(p, cc.ID) {
						in = append(in, p)
						break
					}
				}
			}
			if len(in) == 1 {
				return in[0], ""
			}
			if len(in) > 1 {
				return nil, "several places of that name lie in the agency's county"
			}
			if len(ps) == 1 && ps[0].Kind != "municipality" {
				return nil, fmt.Sprintf("a place named so (%s) exists, but not in the county the FBI names", ps[0].ID)
			}
			continue
		}
		if len(ps) == 1 {
			return ps[0], ""
		}
		return nil, "several places of that name in the state and no county to choose"
	}
	return nil, "no incorporated place of that name in the 2020 Census (New England towns and townships are minor civil divisions, not places; regional departments serve several)"
}

// municipality makes a local government for a city agency that matches no Census place.
func (n *national) municipality(si *stateIndex, r fbiRow, counties []*county, reason string) *jurisdictions.Jurisdiction {
	name := r.Name
	for _, s := range []string{" Police Department", " Police"} {
		name = strings.TrimSuffix(name, s)
	}
	key := fold(name)
	for _, p := range si.places[key] {
		if p.Kind != "municipality" {
			continue
		}
		same := len(counties) == 0
		for _, c := range counties {
			if inCounty(p, c.ID) {
				same = true
			}
		}
		if same {
			return p // two FBI agencies of one municipality
		}
	}
	id := si.id + "/" + jurisdictions.Slug(name)
	if _, taken := n.juris[id]; taken && len(counties) > 0 {
		id = si.id + "/" + jurisdictions.Slug(name+" "+counties[0].Name)
	}
	for _, taken := n.juris[id]; taken; _, taken = n.juris[id] {
		id = si.id + "/" + jurisdictions.Slug(name+" "+r.ORI)
	}
	j := &jurisdictions.Jurisdiction{ID: id, Name: name, Kind: "municipality", Parent: si.id,
		Note: "From the FBI agency list (ORI " + r.ORI + ", type City); the 2020 Census lists no matching incorporated place: " + reason + "."}
	for _, c := range counties {
		j.Counties = append(j.Counties, c.ID)
	}
	n.juris[id] = j
	si.places[key] = append(si.places[key], j)
	n.report.Municipalities++
	return j
}

// inCounty reports whether a place lies in the county-equivalent cid: among its counties, or
// the county-equivalent itself (a consolidated government is its county).
func inCounty(p *jurisdictions.Jurisdiction, cid string) bool {
	return p.ID == cid || slices.Contains(p.Counties, cid)
}

// bare folds a name and drops its spaces: the FBI's "DeWitt" and "La Salle" are the Census's
// "De Witt" and "LaSalle".
func bare(s string) string { return strings.ReplaceAll(fold(s), " ", "") }

// statewide reports whether an FBI row names no county of its state ("NOT SPECIFIED",
// "UNMAPPED COUNTY"): a state agency's statewide row.
func statewide(si *stateIndex, r fbiRow) bool {
	for _, c := range r.Counties {
		if si != nil && si.countyNamed(c) != nil {
			return false
		}
	}
	return true
}
