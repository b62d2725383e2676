package resolver

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/jurisproject/juris/jurisdictions"
)

// TimelineQuery asks how the answer for an agency (for one model, or all three) or a locality
// changed over time.
type TimelineQuery struct {
	ID    string // an agency or jurisdiction id
	Model string // agency timelines only; empty means every model
}

// Change is one date on which the answer changed, with what changed and why.
type Change struct {
	Date  string `json:"date"`
	Model string `json:"model,omitempty"`
	// Changed lists what changed, each "field: before -> after".
	Changed []string `json:"changed"`
	// Summary is the decision's own sentence on that date.
	Summary string `json:"summary"`
	// Because names the facts that took effect or ended on that date.
	Because []string `json:"because"`
	// Note says what the sources cannot show on that date: before the oldest ICE list held, an
	// agreement is known only where a later list or MOA shows it.
	Note string `json:"note,omitempty"`
}

// unseenNote is the note on a change dated before the oldest ICE list.
func unseenNote(oldest string) string {
	return fmt.Sprintf("before %s, the oldest ICE list held, an agreement is known only where a later list or an MOA shows it: one may have been in force unseen", oldest)
}

// Timeline lists the dates on which the answer for q.ID changed: the policy decides each date's
// answer; Timeline asks it on every date a norm or an agreement bearing on the question starts
// or ends, and keeps the dates where the answer differs from the day before.
func (r *Resolver) Timeline(ctx context.Context, q TimelineQuery) ([]Change, error) {
	ds := r.ds
	q.ID = r.Canonical(q.ID)
	if a, ok := ds.Agencies[q.ID]; ok {
		models := jurisdictions.Models()
		if q.Model != "" {
			if !slices.Contains(models, q.Model) {
				return nil, &InputError{Field: "model", Value: q.Model, Msg: "unknown model", Valid: models}
			}
			models = []string{q.Model}
		}
		events := r.events(ds.Ancestors(a.Jurisdiction), []string{a.ID})
		var out []Change
		for _, m := range models {
			var prev *AgencyDecision
			for _, d := range sortedDates(events) {
				dec, err := r.Agency(ctx, AgencyQuery{Agency: a.ID, Model: m, AsOf: d})
				if err != nil {
					return nil, err
				}
				if ch := agencyChanges(prev, dec); len(ch) > 0 {
					c := Change{Date: d, Model: m, Changed: ch, Summary: dec.Summary, Because: events[d]}
					if o := dec.Receipt.OldestList; o != "" && d < o {
						c.Note = unseenNote(o)
					}
					out = append(out, c)
				}
				prev = dec
			}
		}
		slices.SortStableFunc(out, func(x, y Change) int { return strings.Compare(x.Date, y.Date) })
		return out, nil
	}
	j, ok := ds.Jurisdictions[q.ID]
	if !ok {
		return nil, &InputError{Field: "id", Value: q.ID, Msg: "no agency or jurisdiction has this id", Valid: r.suggest(q.ID, false)}
	}
	if q.Model != "" {
		return nil, &InputError{Field: "model", Value: q.Model, Msg: "a model applies to agency timelines only"}
	}
	area := append(ds.Ancestors(j.ID), j.Counties...)
	var agencies []string
	for id, a := range ds.Agencies {
		for _, o := range a.Operates() {
			if slices.Contains(area, o) || slices.Contains(j.BooksInto, id) {
				agencies = append(agencies, id)
				break
			}
		}
	}
	events := r.events(append(area, j.ID), agencies)
	var out []Change
	var prev *LocalityDecision
	for _, d := range sortedDates(events) {
		dec, err := r.Locality(ctx, LocalityQuery{Locality: j.ID, AsOf: d})
		if err != nil {
			return nil, err
		}
		if ch := localityChanges(prev, dec); len(ch) > 0 {
			c := Change{Date: d, Changed: ch, Summary: dec.Summary, Because: events[d]}
			if o := dec.Receipt.OldestList; o != "" && d < o {
				c.Note = unseenNote(o)
			}
			out = append(out, c)
		}
		prev = dec
	}
	return out, nil
}

// events maps each date on which a norm made in one of the jurisdictions, or an agreement of one
// of the agencies, starts or ends to what happened that day.
func (r *Resolver) events(juris []string, agencies []string) map[string][]string {
	ev := map[string][]string{}
	add := func(d *jurisdictions.Date, what string) {
		if d != nil && *d != "" {
			ev[string(*d)] = append(ev[string(*d)], what)
		}
	}
	for _, n := range r.ds.Norms {
		made := slices.Contains(juris, n.Jurisdiction)
		// preemption and state laws reach down: a law of any ancestor counts, and so does a
		// norm that names one of the agencies
		for _, e := range n.Effects {
			if e.Reaches != nil {
				for _, a := range e.Reaches.Agencies {
					made = made || slices.Contains(agencies, a)
				}
			}
		}
		if !made {
			continue
		}
		add(n.Effective, n.Citation+" takes effect")
		add(n.Expired, n.Citation+" expires")
		add(n.Repealed, n.Citation+" is repealed")
		add(n.Enjoined, n.Citation+" is enjoined")
		add(n.Rescinded, n.Citation+" is rescinded")
		for _, e := range n.Effects {
			add(e.From, fmt.Sprintf("%s: its %s effect begins", n.Citation, e.Type))
			add(e.Until, fmt.Sprintf("%s: its %s effect ends", n.Citation, e.Type))
		}
	}
	for _, g := range r.ds.Agreements {
		if !slices.Contains(agencies, g.Agency) {
			continue
		}
		who := g.Agency + " " + g.Model
		add(g.Signed, who+" agreement signed")
		if g.Signed == nil {
			add(g.FirstListed, who+" agreement first listed")
		}
		add(g.Terminated, who+" agreement terminated")
		add(g.Delisted, who+" agreement no longer on ICE's list")
	}
	for d := range ev {
		slices.Sort(ev[d])
	}
	return ev
}

func sortedDates(ev map[string][]string) []string {
	out := make([]string, 0, len(ev))
	for d := range ev {
		out = append(out, d)
	}
	slices.Sort(out)
	return out
}

func agencyChanges(prev, cur *AgencyDecision) []string {
	if prev == nil {
		return []string{fmt.Sprintf("first answer: allowed %v, required %v, holds %s", cur.Allowed, cur.Required, holdsWord(cur))}
	}
	var out []string
	diff := func(field string, a, b any) {
		if a != b {
			out = append(out, fmt.Sprintf("%s: %v -> %v", field, a, b))
		}
	}
	diff("allowed", prev.Allowed, cur.Allowed)
	diff("required", prev.Required, cur.Required)
	diff("duty", prev.Duty, cur.Duty)
	diff("unresolved", prev.Unresolved, cur.Unresolved)
	diff("satisfied", prev.Satisfied, cur.Satisfied)
	diff("holds", holdsWord(prev), holdsWord(cur))
	return out
}

// holdsWord says whether the agency holds an agreement on the decision's date: "unknown" (not
// "false") before the oldest ICE list, which cannot show an agreement it does not list.
func holdsWord(d *AgencyDecision) string {
	switch {
	case holds(d):
		return "true"
	case d.Receipt.OldestList != "" && d.AsOf < d.Receipt.OldestList:
		return "unknown"
	}
	return "false"
}

func holds(d *AgencyDecision) bool {
	for _, g := range d.Agreements {
		if g.InForce {
			return true
		}
	}
	return false
}

func localityChanges(prev, cur *LocalityDecision) []string {
	if prev == nil {
		out := []string{fmt.Sprintf("first answer: bypassed %v", cur.Bypassed)}
		for _, p := range cur.Policies {
			out = append(out, fmt.Sprintf("policy %s: %s", p.Norm, p.Status))
		}
		return out
	}
	var out []string
	status := func(d *LocalityDecision) map[string]string {
		m := map[string]string{}
		for _, p := range d.Policies {
			m[p.Norm] = p.Status
		}
		return m
	}
	ps, cs := status(prev), status(cur)
	for _, p := range cur.Policies {
		if ps[p.Norm] != cs[p.Norm] {
			before := ps[p.Norm]
			if before == "" {
				before = "none"
			}
			out = append(out, fmt.Sprintf("policy %s: %s -> %s", p.Norm, before, cs[p.Norm]))
		}
	}
	if prev.Bypassed != cur.Bypassed {
		out = append(out, fmt.Sprintf("bypassed: %v -> %v", prev.Bypassed, cur.Bypassed))
	}
	for _, a := range cur.BypassedBy {
		if !slices.Contains(prev.BypassedBy, a) {
			out = append(out, "bypassed by "+a)
		}
	}
	for _, a := range prev.BypassedBy {
		if !slices.Contains(cur.BypassedBy, a) {
			out = append(out, "no longer bypassed by "+a)
		}
	}
	return out
}
