package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/jurisproject/juris/jurisdictions"
	"github.com/jurisproject/juris/resolver"
)

// explanation is everything juris knows about one entity, for a person to read.
type explanation struct {
	Match      resolver.Match             `json:"match"`
	Ancestors  []string                   `json:"ancestors"`
	Checked    *jurisdictions.Checked     `json:"checked,omitempty"`
	Norms      []normLine                 `json:"norms"`
	Agencies   []string                   `json:"agencies,omitempty"`
	Locality   *resolver.LocalityDecision `json:"locality,omitempty"`
	Decisions  []*resolver.AgencyDecision `json:"decisions,omitempty"`
	Agreements []string                   `json:"agreements,omitempty"`
	Agency     *jurisdictions.Agency      `json:"agency,omitempty"`
	Candidates []resolver.Match           `json:"candidates,omitempty"`
	Disclaimer string                     `json:"disclaimer"`
}

type normLine struct {
	ID        string `json:"id"`
	Citation  string `json:"citation"`
	Title     string `json:"title"`
	Effective string `json:"effective"`
	Verified  bool   `json:"verified"`
	URL       string `json:"url"`
}

func cmdExplain(ctx context.Context, o *options, pos []string, w io.Writer) (int, error) {
	if len(pos) == 0 {
		return 2, errors.New("want a query: juris explain \"Austin, TX\"")
	}
	r, err := o.resolver(ctx, strings.Join(pos, " "))
	if err != nil {
		return 1, err
	}
	q := strings.Join(pos, " ")
	ms := r.Find(q)
	if len(ms) == 0 {
		return 1, fmt.Errorf("nothing matches %q: try a name with its state (\"Austin, TX\", \"Travis County, Texas\"), an id (us/tx/austin) or an FBI ORI", q)
	}
	if len(ms) > 1 {
		if o.format == "json" {
			return 1, writeJSON(w, explanation{Candidates: ms, Disclaimer: resolver.Disclaimer})
		}
		fmt.Fprintf(w, "%q matches %d entities; ask again with one id:\n", q, len(ms))
		for _, m := range ms {
			fmt.Fprintf(w, "  %-45s %s %s: %s\n", m.ID, m.Kind, m.Type, m.Name)
		}
		return 1, nil
	}
	ex, err := explain(ctx, r, ms[0], o.asOf)
	if err != nil {
		return 1, err
	}
	return 0, emit(w, o.format, ex, func() { printExplanation(w, ex) })
}

func explain(ctx context.Context, r *resolver.Resolver, m resolver.Match, asOf string) (*explanation, error) {
	ds := r.Dataset()
	ex := &explanation{Match: m, Disclaimer: resolver.Disclaimer}
	jid := m.ID
	if m.Type == "agency" {
		a := ds.Agencies[m.ID]
		ex.Agency = a
		jid = a.Jurisdiction
		for _, model := range jurisdictions.Models() {
			d, err := r.Agency(ctx, resolver.AgencyQuery{Agency: m.ID, Model: model, AsOf: asOf})
			if err != nil {
				return nil, err
			}
			ex.Decisions = append(ex.Decisions, d)
		}
		for id, g := range ds.Agreements {
			if g.Agency == m.ID {
				ex.Agreements = append(ex.Agreements, id)
			}
		}
		slices.Sort(ex.Agreements)
	} else {
		ex.Checked = ds.Jurisdictions[m.ID].Checked
		d, err := r.Locality(ctx, resolver.LocalityQuery{Locality: m.ID, AsOf: asOf})
		if err != nil {
			return nil, err
		}
		ex.Locality = d
		for id, a := range ds.Agencies {
			if a.Jurisdiction == m.ID {
				ex.Agencies = append(ex.Agencies, id)
			}
		}
		slices.Sort(ex.Agencies)
	}
	ex.Ancestors = ds.Ancestors(jid)
	for _, anc := range ex.Ancestors {
		if c := ds.Jurisdictions[anc].Checked; c != nil && ex.Checked == nil && anc != "us" {
			ex.Checked = c
		}
		var lines []normLine
		for id, n := range ds.Norms {
			if n.Jurisdiction == anc {
				lines = append(lines, normLine{ID: id, Citation: n.Citation, Title: n.Title, Effective: string(*n.Effective), Verified: n.IsVerified(), URL: n.URL})
			}
		}
		slices.SortFunc(lines, func(a, b normLine) int { return strings.Compare(a.ID, b.ID) })
		ex.Norms = append(ex.Norms, lines...)
	}
	return ex, nil
}

func printExplanation(w io.Writer, ex *explanation) {
	m := ex.Match
	fmt.Fprintf(w, "%s: %s (%s %s)\n", m.ID, m.Name, m.Kind, m.Type)
	fmt.Fprintf(w, "  within: %s\n", strings.Join(ex.Ancestors, " < "))
	if a := ex.Agency; a != nil {
		fmt.Fprintf(w, "  owned by %s; operates in %s; runs a jail: %s", a.Jurisdiction, strings.Join(orOwner(a), ", "), yesNo(a.RunsJail))
		if a.ORI != "" {
			fmt.Fprintf(w, "; FBI ORI %s", a.ORI)
		}
		fmt.Fprintln(w)
	}
	if len(ex.Norms) > 0 {
		fmt.Fprintln(w, "  laws and policies in the facts that may bear on it:")
		for _, n := range ex.Norms {
			fmt.Fprintf(w, "    - %s, effective %s%s: %s\n      %s\n", n.Citation, n.Effective, unverified(n.Verified), n.Title, n.URL)
		}
	}
	if c := ex.Checked; c != nil && c.Outcome != "not-researched" {
		fmt.Fprintf(w, "  survey of the law (%s; %s): %s\n", c.Date, strings.ReplaceAll(c.Outcome, "-", " "), c.Note)
	}
	if len(ex.Agencies) > 0 {
		fmt.Fprintf(w, "  agencies it owns: %s\n", strings.Join(ex.Agencies, ", "))
	}
	if len(ex.Agreements) > 0 {
		fmt.Fprintf(w, "  287(g) agreements in the facts: %s\n", strings.Join(ex.Agreements, ", "))
	}
	for _, d := range ex.Decisions {
		fmt.Fprintln(w)
		printAgency(w, d)
	}
	if ex.Locality != nil {
		fmt.Fprintln(w)
		printLocality(w, ex.Locality)
	}
}

func orOwner(a *jurisdictions.Agency) []string {
	if len(a.OperatesIn) > 0 {
		return a.OperatesIn
	}
	return []string{a.Jurisdiction}
}
