package importer

import (
	"fmt"
	"os"
	"path/filepath"
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
		Citation     string `yaml:"citation"`
		URL          string `yaml:"url"`
		Verified     bool   `yaml:"verified"`
		Note         string `yaml:"note"`
	} `yaml:"states"`
	Counties []struct {
		State        string `yaml:"state"`
		County       string `yaml:"county"`
		OperatorName string `yaml:"operator_name"`
		Citation     string `yaml:"citation"`
		URL          string `yaml:"url"`
		Verified     bool   `yaml:"verified"`
		Note         string `yaml:"note"`
	} `yaml:"counties"`
}

func readJails(dir string) (*jailFacts, error) {
	path := filepath.Join(dir, "jails.yaml")
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", path, err)
	}
	var jf jailFacts
	if _, err := jurisdictions.Decode(path, data, &jf); err != nil { // strict: file:line: field errors
		return nil, err
	}
	return &jf, nil
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
	for _, c := range jf.Counties {
		si := n.byState[c.State]
		if si == nil {
			return fmt.Errorf("jails.yaml: unknown state %q", c.State)
		}
		var cty *county
		for _, cs := range si.counties {
			for _, x := range cs {
				if x.Name == c.County {
					cty = x
				}
			}
		}
		if cty == nil {
			return fmt.Errorf("jails.yaml: no county %q in %s", c.County, c.State)
		}
		src := &jurisdictions.Source{Citation: c.Citation, URL: c.URL}
		if a := n.agencies[cty.ID+"/sheriff"]; a != nil {
			if a.RunsJail || a.RunsJailSource == nil {
				n.report.SheriffsWithoutJail++
			}
			a.RunsJail, a.RunsJailSource = false, src
			unverified(a, c.Verified, c.Note)
		}
		if op := operator(cty.ID, c.OperatorName, src, nil); op != nil {
			unverified(op, c.Verified, c.Note)
		}
	}
	return nil
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
