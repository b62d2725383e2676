package importer

import (
	"fmt"

	"golang.org/x/text/cases"
	"golang.org/x/text/language"
	"strings"

	"github.com/jurisproject/juris/jurisdictions"
)

// placeRow finds (or, where a source names an agency the FBI list lacks, makes) the agency a
// source row names. It returns the agency id and how it was found, or "" and the reason.
func (n *national) placeRow(r row) (aid, how, reason string) {
	si := n.byState[r.usps]
	if si == nil {
		return "", "", "unknown state"
	}
	key := foldName(r.name)
	if id, ok := n.aliases[r.usps+"|"+key]; ok {
		if _, exists := n.agencies[id]; !exists {
			return "", "", "the alias file maps it to " + id + ", which is not in the dataset"
		}
		return id, "alias", ""
	}
	for _, k := range nameVariants(r.name, n.juris[si.id].Name) {
		if ids := si.agencyName[k]; len(ids) > 0 {
			return ids[0], "name", ""
		}
	}
	cname := strings.TrimSpace(r.county)
	if cname == "#N/A" {
		cname = ""
	}
	var hint []*county
	if cname != "" {
		if c := si.countyNamed(cname); c != nil {
			hint = append(hint, c)
		}
	}
	// Sheriffs: the county is in the COUNTY column or the name.
	if strings.Contains(key, "sheriff") {
		c := n.countyOfName(si, r.name)
		if c == nil && len(hint) == 1 {
			c = hint[0]
		}
		if c == nil {
			return "", "", "a sheriff whose county is neither in the row nor in the name"
		}
		id := c.ID + "/sheriff"
		if _, ok := n.agencies[id]; !ok {
			n.created(&jurisdictions.Agency{Name: displayName(r.name), Kind: "sheriff", Jurisdiction: c.ID, RunsJail: true}, id, r)
		}
		return id, "sheriff", ""
	}
	// Pennsylvania's constables: elected officers of a township, borough or ward, which ICE
	// lists as state agencies or municipalities.
	if r.usps == "PA" && strings.Contains(key, "constable") {
		return n.constable(si, r, key, hint)
	}
	// Municipal police: the place is in the name.
	placeReason := ""
	if r.typ != "State Agency" && (r.typ == "Municipality" || strings.Contains(key, "police") || strings.Contains(key, "marshal") || strings.Contains(key, "public safety")) {
		base := key
		for _, s := range []string{" police department", " department of public safety", " public safety department", " police", " marshals office", " marshal"} {
			base = strings.TrimSuffix(base, s)
		}
		p, why := n.findPlace(si, base, hint)
		placeReason = why
		if p != nil {
			id := p.ID + "/police"
			if _, ok := n.agencies[id]; !ok {
				n.created(&jurisdictions.Agency{Name: displayName(r.name), Kind: "municipal-police", Jurisdiction: p.ID}, id, r)
			}
			return id, "place", ""
		}
		if c := n.countyOfName(si, base); c != nil && strings.HasSuffix(key, "police department") && strings.HasSuffix(base, "county") {
			id := c.ID + "/police"
			if _, ok := n.agencies[id]; !ok {
				n.created(&jurisdictions.Agency{Name: displayName(r.name), Kind: "county-police", Jurisdiction: c.ID}, id, r)
			}
			return id, "county police", ""
		}
	}
	// Anything else: an agency the FBI list lacks, owned by the state, a county or a place.
	owner := ""
	stateName := fold(n.juris[si.id].Name)
	switch {
	case r.typ == "State Agency" || strings.HasPrefix(key, stateName+" ") || strings.Contains(key, "university") || strings.Contains(key, "college") || strings.Contains(key, "state "):
		owner = si.id
	case r.typ == "County" || strings.Contains(key, "county"):
		c := n.countyOfName(si, r.name)
		if c == nil && len(hint) == 1 {
			c = hint[0]
		}
		if c != nil {
			owner = c.ID
		}
	case r.typ == "Municipality":
		if p, _ := n.findPlace(si, key, hint); p != nil {
			owner = p.ID
		}
	}
	if owner == "" {
		if strings.Contains(key, "constable") {
			return "", "", "a constable (an elected officer of a township, borough or ward) whose municipality the sources do not identify"
		}
		if strings.Contains(key, "district jail") || strings.Contains(key, "regional") {
			return "", "", "a body of several local governments; the dataset has no multi-county or regional bodies"
		}
		if placeReason != "" {
			return "", "", "police of a place not found: " + placeReason
		}
		return "", "", "no agency of that name, and the row does not say which government owns it"
	}
	a := &jurisdictions.Agency{Name: displayName(r.name), Kind: kindOfName(key, owner == si.id), Jurisdiction: owner}
	slugName := r.name
	if owner == si.id { // "Florida Department of Corrections" is us/fl/department-of-corrections
		if rest := strings.TrimPrefix(fold(r.name), stateName+" "); rest != fold(r.name) && rest != "" {
			slugName = rest
		}
	}
	id := owner + "/" + jurisdictions.Slug(slugName)
	if _, ok := n.agencies[id]; ok {
		return id, "name", ""
	}
	n.created(a, id, r)
	return id, "created", ""
}

// countyOfName finds the county a name like "Bay County Sheriff's Office", "City of Norfolk
// Sheriff's Office" or "Orleans Parish Sheriff" is about.
func (n *national) countyOfName(si *stateIndex, name string) *county {
	f := foldName(name)
	if i := strings.Index(f, " sheriff"); i >= 0 {
		f = f[:i]
	}
	for _, w := range []string{" county", " parish", " borough"} {
		if i := strings.Index(f, w); i >= 0 {
			if c := si.countyNamed(f[:i]); c != nil && c.Kind == "county" {
				return c
			}
		}
	}
	if rest, ok := strings.CutPrefix(f, "city of "); ok {
		for _, c := range si.counties[rest] {
			if c.Kind == "city-county" {
				return c
			}
		}
	}
	if rest, ok := strings.CutSuffix(f, " city"); ok {
		for _, c := range si.counties[rest] {
			if c.Kind == "city-county" {
				return c
			}
		}
	}
	return si.countyNamed(f)
}

// kindOfName guesses an agency's kind from its name, for agencies only ICE lists.
func kindOfName(f string, stateOwned bool) string {
	has := func(ws ...string) bool {
		for _, w := range ws {
			if strings.Contains(f, w) {
				return true
			}
		}
		return false
	}
	switch {
	case has("sheriff"):
		return "sheriff"
	case has("board of county commissioners", "county commission"):
		return "county-commission"
	case has("correction", "detention", "jail"):
		return "corrections"
	case has("university", "college"):
		return "campus-police"
	case has("highway patrol", "state police", "state patrol"):
		return "state-police"
	case stateOwned:
		return "state-agency"
	}
	return "other"
}

// created adds an agency that only ICE's sources name, noting where it came from.
func (n *national) created(a *jurisdictions.Agency, id string, r row) {
	a.Note = "Not in the FBI agency list; named in " + r.ref + "."
	n.addAgency(a, id)
	n.report.CreatedAgencies = append(n.report.CreatedAgencies, id)
}

// displayName tidies a source's name: the MOA index writes names in lower case
// ("putnam county sheriff s office"), which are given capitals and apostrophes back.
func displayName(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if s != strings.ToLower(s) {
		return s
	}
	s = strings.ReplaceAll(" "+s+" ", " s ", "'s ")
	s = strings.TrimSpace(cases.Title(language.English).String(s))
	for _, w := range []string{"Of", "And", "The", "For", "At"} {
		s = strings.ReplaceAll(s, " "+w+" ", " "+strings.ToLower(w)+" ")
	}
	return s
}

// constableWords are the words of a constable's name that name neither its place nor its ward
// or precinct.
var constableWords = map[string]bool{"state": true, "constable": true, "constables": true,
	"constabless": true, "office": true, "s": true, "of": true, "the": true}

// wardWords mark where a constable's place ends and its ward or precinct begins.
var wardWords = map[string]bool{"precinct": true, "ward": true, "first": true, "second": true, "third": true, "fourth": true,
	"fifth": true, "sixth": true, "seventh": true, "eighth": true, "ninth": true}

// constable places a Pennsylvania constable under the township or borough its name gives,
// operating there only; where that place is not in the dataset, under the county its name or
// ICE's COUNTY column gives, operating in that county. One id per place and ward or precinct,
// however ICE spells the office.
func (n *national) constable(si *stateIndex, r row, key string, hint []*county) (string, string, string) {
	var words, placeWords []string
	inWard := false
	key = strings.ReplaceAll(strings.ReplaceAll(" "+key+" ", " pennsylvania state ", " state "), " pa state ", " state ")
	for _, w := range strings.Fields(key) {
		if constableWords[w] {
			continue
		}
		words = append(words, w)
		if wardWords[w] || isDigits(w) {
			inWard = true
		}
		if !inWard {
			placeWords = append(placeWords, w)
		}
	}
	place := strings.Join(placeWords, " ")
	if place == "" {
		return "", "", "a constable whose name gives no township, borough or county"
	}
	slug := jurisdictions.Slug(strings.Join(words, " ") + " constable")
	if c := n.countyOfName(si, place); c != nil && strings.HasSuffix(place, "county") {
		return n.constableUnder(c.ID, slug, nil, r, "its county")
	}
	// A borough is a Census place named without "borough"; a township is a municipality made
	// from the FBI list, named with it.
	cand := strings.TrimSuffix(place, " borough")
	if p, _ := n.findPlace(si, cand, hint); p != nil && (strings.HasSuffix(place, " township") == strings.HasSuffix(fold(p.Name), " township")) {
		return n.constableUnder(p.ID, slug, nil, r, "its "+p.Kind)
	}
	var c *county
	if len(hint) == 1 {
		c = hint[0]
	}
	if c == nil {
		return "", "", "a constable (an elected officer of a township, borough or ward) whose township or borough (" + place + ") is not in the dataset, and whose county ICE does not give"
	}
	return n.constableUnder(c.ID, slug, []string{c.ID}, r, "the county ICE's COUNTY column names (its township or borough, "+place+", is not in the dataset)")
}

func (n *national) constableUnder(owner, slug string, opsIn []string, r row, where string) (string, string, string) {
	id := owner + "/" + slug
	if _, ok := n.agencies[id]; !ok {
		a := &jurisdictions.Agency{Name: displayName(r.name), Kind: "other", Jurisdiction: owner, OperatesIn: opsIn}
		n.created(a, id, r)
		a.Note += " A Pennsylvania constable: an elected officer of a township or borough, placed under " + where + "."
		n.structure("Pennsylvania constables placed (ICE lists them as state agencies or municipalities)", fmt.Sprintf("`%s` (%s, %s): under %s", id, r.name, r.ref, where))
	}
	return id, "constable", ""
}
