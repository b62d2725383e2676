package importer

import (
	"fmt"
	"slices"
	"strings"

	"github.com/jurisproject/juris/jurisdictions"
)

// sheriffFile is jurisdictions/sources/sheriffs.yaml: where the default (every county-equivalent
// has a sheriff) does not hold, or says more.
type sheriffFile struct {
	States   []sheriffState `yaml:"states"`
	Counties []struct {
		State       string   `yaml:"state"`
		County      string   `yaml:"county"`
		Sheriff     string   `yaml:"sheriff"`
		Name        string   `yaml:"name"`
		Elected     *bool    `yaml:"elected"`
		BoundBy     []string `yaml:"bound_by"`
		tableSource `yaml:",inline"`
	} `yaml:"counties"`
}

// sheriffState says who serves as sheriff in a state where the default (each county its own
// sheriff) does not hold: none, the state, or the county government.
type sheriffState struct {
	State       string `yaml:"state"`
	Sheriffs    string `yaml:"sheriffs"`
	tableSource `yaml:",inline"`
}

// nsaFAQ is the source for the default: nearly every county has a sheriff.
const nsaFAQ = "https://sheriffs.org/publications-resources/resources/faq"

func readSheriffs(dir string) (*sheriffFile, string, error) {
	return readTable[sheriffFile](dir, "sheriffs.yaml")
}

// countyByName finds a county-equivalent of a state by its full Census name.
func (n *national) countyByName(usps, name string) *county {
	for _, c := range n.counties {
		if c.USPS == usps && c.Name == name {
			return c
		}
	}
	return nil
}

// sheriffs gives every county-equivalent whose sheriff exists in law a sheriff agency, applies
// sheriffs.yaml's entries (names, bound_by) and records the exceptions. It runs after the FBI and
// ICE rows are placed and before jails.yaml, which decides who runs each jail.
func (n *national) sheriffs(sf *sheriffFile, path string) error {
	none := map[string]string{}      // USPS -> why no county sheriff is made
	stateNote := map[string]string{} // USPS -> a note for every sheriff made there
	for i, s := range sf.States {
		at := fmt.Sprintf("%s: states[%d] (%s)", path, i, s.State)
		if n.byState[s.State] == nil {
			return fmt.Errorf("%s: state: unknown state %q", at, s.State)
		}
		if s.Citation == "" || !strings.HasPrefix(s.URL, "http") {
			return fmt.Errorf("%s: citation and url (http or https) are required", at)
		}
		src := s.Citation + " (" + s.URL + ")"
		switch s.Sheriffs {
		case "none":
			none[s.State] = "no county sheriffs in law: " + src
		case "state":
			none[s.State] = "the sheriffs are a state office, not the counties': " + src
		case "county":
			stateNote[s.State] = strings.Join(strings.Fields(s.Note), " ") + " (" + s.URL + ")"
			continue
		default:
			return fmt.Errorf("%s: sheriffs: %q is not none, state or county", at, s.Sheriffs)
		}
		n.structure("County-equivalents with no sheriff in law (sheriffs.yaml)", fmt.Sprintf("%s (all county-equivalents): %s", s.State, none[s.State]))
	}
	noneCounty := map[string]bool{} // county GEOID -> no sheriff in law
	for i, c := range sf.Counties {
		at := fmt.Sprintf("%s: counties[%d] (%s, %s)", path, i, c.County, c.State)
		cty := n.countyByName(c.State, c.County)
		switch {
		case cty == nil:
			return fmt.Errorf("%s: county: no county-equivalent %q in %s", at, c.County, c.State)
		case c.Citation == "" || !strings.HasPrefix(c.URL, "http"):
			return fmt.Errorf("%s: citation and url (http or https) are required", at)
		case c.Sheriff == "":
			return fmt.Errorf("%s: sheriff: the agency id, or none", at)
		}
		src := &jurisdictions.Source{Citation: c.Citation, URL: c.URL}
		why := strings.Join(strings.Fields(c.Note), " ")
		if !c.Verified {
			why += " NOT VERIFIED: see the note."
		}
		if c.Sheriff == "none" {
			noneCounty[cty.GEOID] = true
			n.structure("County-equivalents with no sheriff in law (sheriffs.yaml)", fmt.Sprintf("`%s`: %s (%s). %s", cty.ID, c.Citation, c.URL, why))
			continue
		}
		if !strings.HasPrefix(c.Sheriff, cty.ID+"/") {
			return fmt.Errorf("%s: sheriff: %s must be an agency of %s", at, c.Sheriff, cty.ID)
		}
		a := n.agencies[c.Sheriff]
		if a == nil {
			name := c.Name
			if name == "" {
				name = sheriffName(cty)
			}
			a = &jurisdictions.Agency{Name: name, Kind: "sheriff", Jurisdiction: cty.ID, RunsJail: true,
				Note: "Not in the FBI agency list; made from jurisdictions/sources/sheriffs.yaml: " + c.Citation + " (" + c.URL + "). " + why}
			n.addAgency(a, c.Sheriff)
			n.structure("Sheriffs made", fmt.Sprintf("`%s` %s: %s (%s)", a.ID, name, c.Citation, c.URL))
		} else {
			if c.Name != "" {
				a.Name = c.Name
			}
			a.Note = strings.TrimSpace(a.Note + " " + c.Citation + " (" + c.URL + "). " + why)
		}
		if a.Kind != "sheriff" {
			return fmt.Errorf("%s: sheriff: %s is a %s, not a sheriff", at, a.ID, a.Kind)
		}
		if len(c.BoundBy) > 0 {
			for _, j := range c.BoundBy {
				if n.juris[j] == nil && j != "us" { // the nation is in the curated facts
					return fmt.Errorf("%s: bound_by: unknown jurisdiction %q", at, j)
				}
			}
			a.BoundBy, a.BoundBySource = slices.Clone(c.BoundBy), src
			n.structure("Sheriffs bound by their government's ordinances (sheriffs.yaml)", fmt.Sprintf("`%s` bound by %s: %s (%s)", a.ID, strings.Join(c.BoundBy, ", "), c.Citation, c.URL))
		}
		if c.Elected != nil && !*c.Elected {
			a.Note = strings.TrimSpace(a.Note + " Not elected: appointed, per the source.")
		}
	}
	// The default: every other county-equivalent has a sheriff.
	has := map[string]bool{}
	for _, a := range n.agencies {
		if a.Kind == "sheriff" {
			has[a.Jurisdiction] = true
		}
	}
	for _, geoid := range slices.Sorted(mapsKeys(n.counties)) {
		cty := n.counties[geoid]
		if has[cty.ID] {
			continue
		}
		if why, ok := none[cty.USPS]; ok {
			n.report.NoSheriff = append(n.report.NoSheriff, cty.ID+": "+why)
			continue
		}
		if noneCounty[geoid] {
			n.report.NoSheriff = append(n.report.NoSheriff, cty.ID+": sheriffs.yaml (see the structure section)")
			continue
		}
		note := "Not in the FBI agency list. Made because every county-equivalent has a sheriff except where jurisdictions/sources/sheriffs.yaml records none: the National Sheriffs' Association counts 3,081 sheriffs and names Alaska, Connecticut and Hawaii as the states without county sheriff's offices (" + nsaFAQ + "). Whether it runs the county's jail follows jails.yaml."
		if sn := stateNote[cty.USPS]; sn != "" {
			note += " " + sn
		}
		for _, id := range slices.Sorted(mapsKeys(n.agencies)) {
			if o := n.agencies[id]; o.Jurisdiction == cty.ID && o.Kind == "other" && strings.HasSuffix(o.ORI, "0000") {
				note += " The FBI lists " + o.Name + " (ORI " + o.ORI + ", type County) under this county (" + o.ID + "); whether it is this sheriff's office under another name the sources do not settle, so the two are kept apart."
			}
		}
		a := &jurisdictions.Agency{Name: sheriffName(cty), Kind: "sheriff", Jurisdiction: cty.ID, RunsJail: true, Note: note}
		n.addAgency(a, cty.ID+"/sheriff")
		has[cty.ID] = true
		n.report.SheriffsMade = append(n.report.SheriffsMade, a.ID)
	}
	return nil
}

// sheriffName is the name a made sheriff gets, in the FBI list's convention: "Travis County
// Sheriff", "Alexandria City Sheriff".
func sheriffName(c *county) string {
	name := c.Name
	if base, ok := strings.CutSuffix(name, " city"); ok {
		name = base + " City"
	}
	return name + " Sheriff"
}
