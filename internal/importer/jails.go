package importer

import (
	"fmt"
	"slices"
	"strings"

	"github.com/jurisproject/juris/jurisdictions"
)

// jailFacts are the hand-curated exceptions to the default that a county's sheriff runs its
// jail (sources/jails.yaml).
type jailFacts struct {
	States []struct {
		State        string `yaml:"state"`
		Operator     string `yaml:"operator"`
		OperatorName string `yaml:"operator_name"`
		tableSource  `yaml:",inline"`
	} `yaml:"states"`
	Counties []struct {
		State  string `yaml:"state"`
		County string `yaml:"county"`
		// Operator is "state" where a State agency runs the county's jail (Baltimore City):
		// the county and the places lying only in it book into it.
		Operator string `yaml:"operator"`
		// OperatorID is the operator's agency id, where it is not <county>/<slug of its name>
		// (an agency already in the dataset, or the id the curated facts use).
		OperatorID   string `yaml:"operator_id"`
		OperatorName string `yaml:"operator_name"`
		tableSource  `yaml:",inline"`
	} `yaml:"counties"`
	// Cities are city agencies that run a jail of their own beside the county's.
	Cities []struct {
		State        string `yaml:"state"`
		City         string `yaml:"city"`
		OperatorID   string `yaml:"operator_id"`
		OperatorName string `yaml:"operator_name"`
		tableSource  `yaml:",inline"`
	} `yaml:"cities"`
	// Unverified are reports that a county runs no jail which no source confirms: the default
	// stays, and the sheriff's note says what was reported.
	Unverified []struct {
		State    string `yaml:"state"`
		County   string `yaml:"county"`
		Citation string `yaml:"citation"`
		URL      string `yaml:"url"`
		Note     string `yaml:"note"`
	} `yaml:"unverified"`
}

func readJails(dir string) (*jailFacts, error) {
	jf, _, err := readTable[jailFacts](dir, "jails.yaml")
	return jf, err
}

// applyJails sets who runs the jails where the sheriff does not.
func (n *national) applyJails(jf *jailFacts) error {
	ids := make([]string, 0, len(n.agencies))
	for id := range n.agencies {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	operator := func(owner, name string, src *jurisdictions.Source, opsIn []string) *jurisdictions.Agency {
		want := fold(name)
		for _, id := range ids {
			a := n.agencies[id]
			have := fold(a.Name)
			same := have == want || strings.HasPrefix(want, have+" ") || strings.HasPrefix(have, want+" ")
			if a.Jurisdiction == owner && (same || a.Kind == "corrections" || a.Kind == "county-commission") {
				a.RunsJail, a.RunsJailSource = true, src
				return a
			}
		}
		a := &jurisdictions.Agency{Name: name, Kind: "corrections", Jurisdiction: owner, RunsJail: true, RunsJailSource: src, OperatesIn: opsIn,
			Note: "Not in the FBI agency list; runs the jails by " + src.Citation + "."}
		n.addAgency(a, owner+"/"+jurisdictions.Slug(name))
		n.report.CreatedAgencies = append(n.report.CreatedAgencies, a.ID)
		return a
	}
	for _, s := range jf.States {
		si := n.byState[s.State]
		if si == nil {
			return fmt.Errorf("jails.yaml: unknown state %q", s.State)
		}
		n.structure("Jails reassigned (jails.yaml)", fmt.Sprintf("%s (every county): %s runs the jails, not the sheriff: %s (%s)", s.State, s.OperatorName, s.Citation, s.URL))
		src := &jurisdictions.Source{Citation: s.Citation, URL: s.URL}
		for _, id := range ids {
			a := n.agencies[id]
			if a.Kind == "sheriff" && strings.HasPrefix(id, si.id+"/") {
				a.RunsJail, a.RunsJailSource = false, src
				unverified(a, s.Verified, s.Note)
				n.report.SheriffsWithoutJail++
			}
		}
		if s.Operator == "state" {
			operator(si.id, s.OperatorName, src, nil)
		}
	}
	for i, c := range jf.Counties {
		at := fmt.Sprintf("jails.yaml: counties[%d] (%s, %s)", i, c.County, c.State)
		si := n.byState[c.State]
		if si == nil {
			return fmt.Errorf("%s: unknown state %q", at, c.State)
		}
		cty := n.countyByName(c.State, c.County)
		if cty == nil {
			return fmt.Errorf("%s: no county %q in %s", at, c.County, c.State)
		}
		if c.Citation == "" || !strings.HasPrefix(c.URL, "http") || c.OperatorName == "" {
			return fmt.Errorf("%s: operator_name, citation and url (http or https) are required", at)
		}
		src := &jurisdictions.Source{Citation: c.Citation, URL: c.URL}
		sheriff := n.agencies[cty.ID+"/sheriff"]
		if sheriff != nil && c.OperatorID != sheriff.ID {
			if sheriff.RunsJail || sheriff.RunsJailSource == nil {
				n.report.SheriffsWithoutJail++
			}
			sheriff.RunsJail, sheriff.RunsJailSource = false, src
			unverified(sheriff, c.Verified, c.Note)
		}
		var op *jurisdictions.Agency
		switch {
		case c.OperatorID != "":
			if to := n.rehome(c.OperatorID); to != c.OperatorID {
				return fmt.Errorf("%s: operator_id %s lies in a consolidated government; write %s", at, c.OperatorID, to)
			}
			owner := c.OperatorID[:max(strings.LastIndex(c.OperatorID, "/"), 0)]
			if n.juris[owner] == nil {
				return fmt.Errorf("%s: operator_id %s: no jurisdiction %s", at, c.OperatorID, owner)
			}
			if c.Operator == "state" && owner != si.id || c.Operator != "state" && owner != cty.ID && owner != si.id {
				return fmt.Errorf("%s: operator_id %s must be an agency of %s (or, with operator: state, of %s)", at, c.OperatorID, cty.ID, si.id)
			}
			if op = n.agencies[c.OperatorID]; op == nil {
				op = &jurisdictions.Agency{Name: shortName(c.OperatorName), Kind: "corrections", Jurisdiction: owner,
					Note: "Not in the FBI agency list; runs the jail by " + c.Citation + "."}
				n.addAgency(op, c.OperatorID)
				n.report.CreatedAgencies = append(n.report.CreatedAgencies, op.ID)
			}
			op.RunsJail, op.RunsJailSource = true, src
		case c.Operator == "state":
			return fmt.Errorf("%s: operator: state needs operator_id, the State agency's id", at)
		default:
			op = operator(cty.ID, c.OperatorName, src, nil)
		}
		unverified(op, c.Verified, c.Note)
		if c.Operator == "state" {
			n.bookInto(cty.ID, op.ID)
		}
		n.structure("Jails reassigned (jails.yaml)", fmt.Sprintf("`%s`: `%s` (%s) runs the jail: %s (%s)", cty.ID, op.ID, c.OperatorName, c.Citation, c.URL))
	}
	for i, c := range jf.Cities {
		at := fmt.Sprintf("jails.yaml: cities[%d] (%s, %s)", i, c.City, c.State)
		owner := c.OperatorID[:max(strings.LastIndex(c.OperatorID, "/"), 0)]
		if n.juris[owner] == nil || c.Citation == "" || !strings.HasPrefix(c.URL, "http") || c.OperatorName == "" {
			return fmt.Errorf("%s: operator_id (an agency id under a known city), operator_name, citation and url are required", at)
		}
		src := &jurisdictions.Source{Citation: c.Citation, URL: c.URL}
		op := n.agencies[c.OperatorID]
		if op == nil {
			op = &jurisdictions.Agency{Name: shortName(c.OperatorName), Kind: "corrections", Jurisdiction: owner,
				Note: "Not in the FBI agency list; runs a city jail by " + c.Citation + "."}
			n.addAgency(op, c.OperatorID)
			n.report.CreatedAgencies = append(n.report.CreatedAgencies, op.ID)
		}
		op.RunsJail, op.RunsJailSource = true, src
		unverified(op, c.Verified, c.Note)
		n.structure("Jails reassigned (jails.yaml)", fmt.Sprintf("`%s` (city): `%s` (%s) runs a city jail beside the county's: %s (%s)", owner, op.ID, c.OperatorName, c.Citation, c.URL))
	}
	for i, u := range jf.Unverified {
		cty := n.countyByName(u.State, u.County)
		if cty == nil || u.Citation == "" || !strings.HasPrefix(u.URL, "http") {
			return fmt.Errorf("jails.yaml: unverified[%d] (%s, %s): a county of the state, citation and url are required", i, u.County, u.State)
		}
		a := n.agencies[cty.ID+"/sheriff"]
		if a == nil {
			return fmt.Errorf("jails.yaml: unverified[%d] (%s, %s): the county has no sheriff", i, u.County, u.State)
		}
		a.Note = strings.TrimSpace(a.Note + " Reported to run no jail (" + u.Citation + ", " + u.URL + "), which no source confirms, so the default (the sheriff runs the county's jail) is kept: " + strings.Join(strings.Fields(u.Note), " "))
		n.structure("Jail reports not verified (jails.yaml, default kept)", fmt.Sprintf("`%s`: %s (%s)", a.ID, u.Citation, u.URL))
	}
	return nil
}

// bookInto sets where people arrested in a county-equivalent, and in the places lying only in
// it, are booked.
func (n *national) bookInto(countyID, agencyID string) {
	for _, j := range n.juris {
		if j.ID == countyID || len(j.Counties) == 1 && j.Counties[0] == countyID {
			j.BooksInto = []string{agencyID}
		}
	}
}

// unverified notes on the agency that who runs its jail is not verified, with what the
// jails.yaml entry says.
func unverified(a *jurisdictions.Agency, verified bool, note string) {
	if verified {
		return
	}
	msg := "Who runs this jail is not verified: " + strings.Join(strings.Fields(note), " ")
	if a.Note != "" {
		msg = a.Note + " " + msg
	}
	a.Note = msg
}

// shortName is an operator's name without the parenthetical that describes it ("Philadelphia
// Department of Prisons (City of Philadelphia)" is the Philadelphia Department of Prisons).
func shortName(s string) string {
	if i := strings.Index(s, " ("); i > 0 {
		return s[:i]
	}
	return s
}
