package importer

import (
	"fmt"
	"slices"
	"strings"

	"github.com/jurisproject/juris/jurisdictions"
)

// consolidatedFile is jurisdictions/sources/consolidated.yaml: the consolidated city-county
// governments, each with its source.
type consolidatedFile struct {
	Governments []*government `yaml:"governments"`
}

// government is one consolidated city-county government.
type government struct {
	ID          string   `yaml:"id"`
	Name        string   `yaml:"name"`
	Places      []string `yaml:"places"`
	Counties    []string `yaml:"counties"`
	Aliases     []string `yaml:"aliases"`
	OtherNames  []string `yaml:"other_names"`
	Satellites  string   `yaml:"satellites"`
	tableSource `yaml:",inline"`
}

func readConsolidated(dir string) (*consolidatedFile, string, error) {
	return readTable[consolidatedFile](dir, "consolidated.yaml")
}

// consolidate makes each consolidated government one jurisdiction: the county-equivalents and
// places it merges are removed and their ids become its aliases; the counties' records keep
// matching names (an FBI "Davidson" row is the government's sheriff); satellites' counties point
// to it. It runs before any agency is made, so agencies are owned by the government from the
// start. n.redirect maps every merged id to the government.
func (n *national) consolidate(cf *consolidatedFile, path string) error {
	byGEOID := map[string]*jurisdictions.Jurisdiction{}
	for _, j := range n.juris {
		if j.GEOID != "" {
			byGEOID[j.GEOID] = j
		}
	}
	n.redirect = map[string]string{}
	for i, g := range cf.Governments {
		at := fmt.Sprintf("%s: governments[%d] (%s)", path, i, g.ID)
		switch {
		case g.ID == "" || g.Name == "":
			return fmt.Errorf("%s: id and name are required", at)
		case g.Citation == "" || !strings.HasPrefix(g.URL, "http"):
			return fmt.Errorf("%s: citation and url (http or https) are required", at)
		case len(g.Counties) == 0:
			return fmt.Errorf("%s: counties: at least one county-equivalent GEOID is required", at)
		case g.Confidence != "" && !slices.Contains(jurisdictions.Confidences(), g.Confidence):
			return fmt.Errorf("%s: confidence %q is not one of %v", at, g.Confidence, jurisdictions.Confidences())
		}
		si := n.byState[stateOfID(g.ID)]
		if si == nil {
			return fmt.Errorf("%s: id: no state %q", at, stateOfID(g.ID))
		}
		var merged []*jurisdictions.Jurisdiction
		pop := 0
		for _, geoid := range g.Counties {
			c := n.counties[geoid]
			if c == nil || c.USPS != si.usps {
				return fmt.Errorf("%s: counties: %q is not a county-equivalent of %s", at, geoid, si.usps)
			}
			merged = append(merged, n.juris[c.ID])
			pop += c.Population
		}
		for _, geoid := range g.Places {
			p := byGEOID[geoid]
			if p == nil || len(geoid) != 7 || stateOfID(p.ID) != si.usps {
				return fmt.Errorf("%s: places: %q is not an incorporated place of %s", at, geoid, si.usps)
			}
			merged = append(merged, p)
		}
		ids := map[string]bool{}
		for _, m := range merged {
			if m == nil {
				return fmt.Errorf("%s: a county-equivalent or place is listed twice or by two governments", at)
			}
			ids[m.ID] = true
		}
		var gov *jurisdictions.Jurisdiction
		switch {
		case g.ID == si.id: // the District: the state-level jurisdiction is the government
			gov = n.juris[si.id]
		case ids[g.ID]:
			gov = &jurisdictions.Jurisdiction{ID: g.ID, Kind: "city-county", Parent: si.id}
		default:
			return fmt.Errorf("%s: id must be the id of one of the places or county-equivalents it merges (or the state's, for the District)", at)
		}
		gov.Name = g.Name
		gov.CountyGEOIDs = slices.Clone(g.Counties)
		gov.OtherNames = slices.Clone(g.OtherNames)
		gov.Consolidated = &jurisdictions.Source{Citation: g.Citation, URL: g.URL}
		if gov.ID != si.id {
			gov.GEOID = g.Counties[0]
			if len(g.Places) > 0 {
				gov.GEOID = g.Places[0]
			}
			gov.Population = pop
		}
		note := "One consolidated government (jurisdictions/sources/consolidated.yaml): " + strings.Join(strings.Fields(g.Note), " ")
		if g.Satellites != "" {
			note += " Places inside it that keep their own government: " + strings.Join(strings.Fields(g.Satellites), " ")
		}
		if !g.Verified {
			note += " NOT VERIFIED: the consolidation rests on the sources named only; see the note."
		}
		if len(g.Sources) > 0 {
			note += " Further sources: " + strings.Join(g.Sources, ", ") + "."
		}
		gov.Note = note
		aliases := slices.Clone(g.Aliases)
		for _, m := range merged {
			if m.ID != gov.ID {
				aliases = append(aliases, m.ID)
				delete(n.juris, m.ID)
			}
			n.redirect[m.ID] = gov.ID
		}
		for _, a := range g.Aliases {
			n.redirect[a] = gov.ID
		}
		slices.Sort(aliases)
		gov.Aliases = slices.Compact(aliases)
		n.juris[gov.ID] = gov
		for _, geoid := range g.Counties {
			c := n.counties[geoid]
			c.ID, c.Kind = gov.ID, "city-county"
		}
		// The name index: the government under its name and other names, in place of the
		// merged places (a name another place has is left to it).
		for k, ps := range si.places {
			ps = slices.DeleteFunc(ps, func(p *jurisdictions.Jurisdiction) bool { return ids[p.ID] && p != gov })
			if len(ps) == 0 {
				delete(si.places, k)
			} else {
				si.places[k] = ps
			}
		}
		for _, m := range merged {
			if len(m.GEOID) == 7 {
				n.indexPlace(si, fold(placeBase(m.Name)), gov)
			}
		}
		for _, name := range append([]string{g.Name}, g.OtherNames...) {
			n.indexPlace(si, fold(name), gov)
		}
		n.report.Consolidated = append(n.report.Consolidated, fmt.Sprintf("`%s` %s: merges %s", gov.ID, g.Name, strings.Join(mergedIDs(merged, gov.ID), ", ")))
	}
	// Satellites: places lying in a merged county now lie in the government.
	for _, j := range n.juris {
		if len(j.Counties) == 0 {
			continue
		}
		changed := false
		for i, c := range j.Counties {
			if to, ok := n.redirect[c]; ok {
				j.Counties[i], changed = to, true
			}
		}
		if !changed {
			continue
		}
		if j.CountyShares != nil {
			shares := map[string]float64{}
			for c, v := range j.CountyShares {
				if to, ok := n.redirect[c]; ok {
					c = to
				}
				shares[c] += v
			}
			j.CountyShares = shares
		}
		slices.Sort(j.Counties)
		j.Counties = slices.Compact(j.Counties)
		if len(j.Counties) == 1 {
			j.CountyShares = nil
		}
		n.report.Satellites++
	}
	return nil
}

// indexPlace files a jurisdiction under a folded name for matching, unless another place has it.
func (n *national) indexPlace(si *stateIndex, key string, j *jurisdictions.Jurisdiction) {
	if key == "" {
		return
	}
	for _, p := range si.places[key] {
		if p != j {
			return
		}
	}
	si.places[key] = []*jurisdictions.Jurisdiction{j}
}

// placeBase is a place's name without a legal suffix ("Nashville-Davidson metropolitan
// government (balance)" has none left after import; the name is kept as given).
func placeBase(name string) string {
	for _, s := range placeSuffixes {
		if strings.HasSuffix(name, s.suffix) {
			return strings.TrimSuffix(name, s.suffix)
		}
	}
	return name
}

func mergedIDs(ms []*jurisdictions.Jurisdiction, gov string) []string {
	var out []string
	for _, m := range ms {
		if m.ID == gov {
			out = append(out, m.ID+" (its id)")
		} else {
			out = append(out, m.ID)
		}
	}
	return out
}
