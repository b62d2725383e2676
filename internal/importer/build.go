package importer

import (
	"fmt"
	"slices"
	"strings"

	"github.com/jurisproject/juris/jurisdictions"
)

// national is the dataset being built, with the lookups the matchers need.
type national struct {
	states      []state
	stateByName map[string]string  // folded state name -> USPS
	counties    map[string]*county // GEOID -> county
	byState     map[string]*stateIndex
	juris       map[string]*jurisdictions.Jurisdiction
	agencies    map[string]*jurisdictions.Agency
	report      *Report
	aliases     map[string]string       // USPS|folded name -> agency id
	fbiPlace    map[string]fbiPlacement // ORI -> where aliases.yaml puts it
	iceFiles    []iceFile               // ICE's files read, oldest first
	fbiSame     map[string]fbiSame      // ORI -> the agency aliases.yaml says the row is
	redirect    map[string]string       // id of a county or place merged into a consolidated government -> its id
}

// rehome rewrites an id under a merged county or place to the consolidated government's:
// us/tn/davidson-county/sheriff -> us/tn/nashville-davidson/sheriff.
func (n *national) rehome(id string) string {
	best := ""
	for old := range n.redirect {
		if (id == old || strings.HasPrefix(id, old+"/")) && len(old) > len(best) {
			best = old
		}
	}
	if best == "" {
		return id
	}
	return n.redirect[best] + strings.TrimPrefix(id, best)
}

// stateIndex holds one state's lookups.
type stateIndex struct {
	usps       string
	id         string
	counties   map[string][]*county                     // folded base name -> counties (a city and a county can share one)
	places     map[string][]*jurisdictions.Jurisdiction // folded name -> places and municipalities
	agencyName map[string][]string                      // folded agency name -> agency ids
}

func (n *national) state(usps string) *stateIndex { return n.byState[usps] }

// buildJurisdictions makes the states, counties and incorporated places.
func (n *national) buildJurisdictions(g *geocorr, counties []*county) error {
	n.counties = map[string]*county{}
	n.byState = map[string]*stateIndex{}
	n.stateByName = map[string]string{}
	for _, s := range n.states {
		id := "us/" + strings.ToLower(s.USPS)
		kind := "state"
		switch {
		case s.USPS == "DC":
			kind = "district"
		case isTerritory(s.USPS):
			kind = "territory"
		}
		n.juris[id] = &jurisdictions.Jurisdiction{ID: id, Name: s.Name, Kind: kind, Parent: "us", USPS: s.USPS, GEOID: s.FIPS}
		n.byState[s.USPS] = &stateIndex{usps: s.USPS, id: id, counties: map[string][]*county{}, places: map[string][]*jurisdictions.Jurisdiction{}, agencyName: map[string][]string{}}
		n.stateByName[fold(s.Name)] = s.USPS
	}
	perState := map[string]int{}
	for _, c := range counties {
		si := n.byState[c.USPS]
		if si == nil {
			return fmt.Errorf("county %s %s: unknown state %q", c.GEOID, c.Name, c.USPS)
		}
		if _, dup := n.juris[c.ID]; dup {
			return fmt.Errorf("county %s %s: id %s is taken", c.GEOID, c.Name, c.ID)
		}
		c.Population = g.countyPop[c.GEOID]
		n.counties[c.GEOID] = c
		si.counties[c.base] = append(si.counties[c.base], c)
		if k := strings.ReplaceAll(c.base, " ", ""); k != c.base { // "LA SALLE" and "LaSalle County"
			si.counties[k] = append(si.counties[k], c)
		}
		n.juris[c.ID] = &jurisdictions.Jurisdiction{ID: c.ID, Name: c.Name, Kind: c.Kind, Parent: si.id, GEOID: c.GEOID, Population: c.Population}
		perState[c.USPS]++
	}
	for _, s := range n.states {
		if perState[s.USPS] != s.Counties {
			return fmt.Errorf("states.csv says %s has %d county-equivalents; counties_2020.csv has %d", s.USPS, s.Counties, perState[s.USPS])
		}
	}
	n.report.Counties = len(counties)

	// Place ids: the name's slug, unless it collides with a county's or another place's in the
	// same state; then the slug keeps the legal suffix (docs/design.md), and failing that the code.
	slugCount := map[string]int{}
	countySlug := map[string]bool{}
	for _, c := range counties {
		countySlug[c.ID] = true
	}
	base := func(p *place) string { return "us/" + strings.ToLower(p.USPS) + "/" + jurisdictions.Slug(p.Name) }
	for _, p := range g.places {
		slugCount[base(p)]++
	}
	slices.SortFunc(g.places, func(a, b *place) int { return strings.Compare(a.GEOID, b.GEOID) })
	for _, p := range g.places {
		si := n.byState[p.USPS]
		if si == nil {
			return fmt.Errorf("place %s %s: unknown state %q", p.GEOID, p.Name, p.USPS)
		}
		id := base(p)
		if countySlug[id] || slugCount[id] > 1 {
			suffix := p.Suffix
			if suffix == "" || strings.Contains(suffix, "(") {
				suffix = p.Kind
			}
			id = "us/" + strings.ToLower(p.USPS) + "/" + jurisdictions.Slug(p.Name+" "+suffix)
			n.report.PlaceSuffixed = append(n.report.PlaceSuffixed, id)
		}
		if _, taken := n.juris[id]; taken {
			id += "-" + strings.ToLower(p.GEOID[2:])
		}
		p.ID = id
		j := &jurisdictions.Jurisdiction{ID: id, Name: p.Name, Kind: p.Kind, Parent: si.id, GEOID: p.GEOID, Population: p.Population}
		var pairs []placePair
		for _, pp := range p.Pairs {
			if pp.Pop > 0 {
				pairs = append(pairs, pp)
			}
		}
		if len(pairs) == 0 { // a place with no people: keep every county it touches
			pairs = p.Pairs
		}
		if len(pairs) < len(p.Pairs) {
			n.report.ZeroPopulationPairs += len(p.Pairs) - len(pairs)
		}
		slices.SortFunc(pairs, func(a, b placePair) int { return strings.Compare(a.County, b.County) })
		for _, pp := range pairs {
			c := n.counties[pp.County]
			if c == nil {
				return fmt.Errorf("place %s %s: unknown county %s", p.GEOID, p.Name, pp.County)
			}
			j.Counties = append(j.Counties, c.ID)
		}
		if len(pairs) > 1 {
			j.CountyShares = map[string]float64{}
			for _, pp := range pairs {
				j.CountyShares[n.counties[pp.County].ID] = pp.Share
			}
		}
		n.juris[id] = j
		si.places[fold(p.Name)] = append(si.places[fold(p.Name)], j)
		n.report.Places++
	}
	n.report.GeocorrRows = g.rows
	n.report.GeocorrSkipped = g.skipped
	n.report.NamelessPlaces = g.nameless
	return nil
}

// countyNamed finds a county of the state by name: "TRAVIS", "Travis County", "St. Mary's".
// Where a county and an independent city share the name (Fairfax), the county comes first.
func (si *stateIndex) countyNamed(name string) *county {
	f := fold(countyBase(strings.TrimSpace(name)))
	f = strings.TrimSuffix(f, " county")
	f = strings.TrimSuffix(f, " parish")
	cs := si.counties[f]
	if len(cs) == 0 {
		cs = si.counties[strings.ReplaceAll(f, " ", "")]
	}
	if len(cs) == 0 {
		return nil
	}
	for _, c := range cs {
		if c.Kind == "county" {
			return c
		}
	}
	return cs[0]
}
