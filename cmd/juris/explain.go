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
		if near := r.Nearest(q, 5); len(near) > 0 {
			var names []string
			for _, m := range near {
				names = append(names, fmt.Sprintf("%s (%s)", m.ID, m.Name))
			}
			return 1, fmt.Errorf("nothing matches %q; did you mean: %s", q, strings.Join(names, ", "))
		}
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
		fmt.Fprintf(w, "  owned by %s; operates in %s; runs a jail: %s", a.Jurisdiction, operatesWords(a), yesNo(a.RunsJail))
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
		fmt.Fprintf(w, "  what the survey of %s found: %s\n", c.Date, c.Note)
	}
	if len(ex.Agencies) > 0 {
		fmt.Fprintf(w, "  agencies it owns: %s\n", strings.Join(ex.Agencies, ", "))
	}
	if len(ex.Agreements) > 0 {
		fmt.Fprintf(w, "  287(g) agreements in the facts: %s\n", strings.Join(ex.Agreements, ", "))
	}
	if len(ex.Decisions) > 0 {
		printDecisions(w, ex.Decisions)
	}
	if ex.Locality != nil {
		fmt.Fprintln(w)
		printLocality(w, ex.Locality)
	}
}

// operatesWords says where an agency operates, by the dataset's one rule (Agency.Operates).
func operatesWords(a *jurisdictions.Agency) string {
	ops := a.Operates()
	if len(ops) == 0 {
		return "no mapped area (tribal land is not mapped)"
	}
	return strings.Join(ops, ", ")
}

// printDecisions prints an agency's answers for every model once each, and what they share (the
// norms that decided, the context, the coverage, the receipt) once.
func printDecisions(w io.Writer, ds []*resolver.AgencyDecision) {
	fmt.Fprintf(w, "  answers on %s:\n", ds[0].AsOf)
	type normUse struct {
		r      resolver.Reason
		models []string
	}
	var order []string
	uses := map[string]*normUse{}
	for _, d := range ds {
		fmt.Fprintf(w, "    %s: %s\n", d.Model, d.Summary)
		fmt.Fprintf(w, "      holds one in force: %s", yesNo(holdsModel(d)))
		if len(d.Conditions) > 0 {
			var cs []string
			for _, c := range d.Conditions {
				cs = append(cs, c.Condition)
			}
			fmt.Fprintf(w, "; conditions: %s", strings.Join(cs, "; "))
		}
		fmt.Fprintln(w)
		for _, c := range d.Conflicts {
			fmt.Fprintf(w, "      conflict: %s\n", c.Sentence)
		}
		for _, r := range d.Reasons {
			u := uses[r.Norm]
			if u == nil {
				u = &normUse{r: r}
				uses[r.Norm] = u
				order = append(order, r.Norm)
			}
			u.models = append(u.models, d.Model)
		}
	}
	fmt.Fprintln(w, "  the norms that decided (and for which models):")
	for _, id := range order {
		u := uses[id]
		fmt.Fprintf(w, "    - %s%s: %s [%s]\n      %s\n", u.r.Citation, unverified(u.r.Verified), u.r.Title, strings.Join(u.models, ", "), u.r.URL)
	}
	printContext(w, ds[0].Context)
	printCoverage(w, ds[0].Coverage)
	printReceipt(w, ds[0].Receipt)
}
