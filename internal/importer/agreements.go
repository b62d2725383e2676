package importer

import (
	"fmt"
	"slices"
	"strings"

	"github.com/jurisproject/juris/jurisdictions"
)

// buildAgreements turns the sightings of each agency and model into one agreement.
func (n *national) buildAgreements(recs map[string]*agreementRec) []*jurisdictions.Agreement {
	var participating []jurisdictions.Date
	for _, l := range iceLists {
		if !l.Pending {
			participating = append(participating, l.Date)
		}
	}
	keys := make([]string, 0, len(recs))
	for k := range recs {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var out []*jurisdictions.Agreement
	for _, k := range keys {
		r := recs[k]
		slices.SortStableFunc(r.seen, func(a, b sighting) int { return strings.Compare(string(a.date), string(b.date)) })
		g := &jurisdictions.Agreement{Agency: r.agency, Model: r.model, URL: ICEPage}
		var sources, notes []string
		var active, pending []jurisdictions.Date
		onList := map[jurisdictions.Date]bool{}
		var moaOnly = true
		for _, s := range r.seen {
			if !slices.Contains(sources, s.source) {
				sources = append(sources, s.source)
			}
			if s.note != "" && !slices.Contains(notes, s.note) {
				notes = append(notes, s.note)
			}
			if s.pending {
				pending = append(pending, s.date)
				continue
			}
			active = append(active, s.date)
			if !s.moa {
				moaOnly = false
				onList[s.date] = true
				if s.signed != nil {
					if g.Signed != nil && *g.Signed != *s.signed {
						n.report.SignedConflicts = append(n.report.SignedConflicts, fmt.Sprintf("%s %s: signed %s on one list, %s on the later one (the later is used)", r.agency, r.model, *g.Signed, *s.signed))
					}
					d := *s.signed
					g.Signed = &d
				}
			}
			if s.moaURL != "" && (g.MOAURL == "" || !s.moa) {
				g.MOAURL = s.moaURL
			}
		}
		g.Source = strings.Join(sources, "; ")
		if len(active) == 0 {
			g.Status = "pending"
			first, last := pending[0], pending[len(pending)-1]
			g.FirstListed, g.LastListed = &first, &last
			g.ID = r.agency + "#" + r.model + "#pending"
			n.report.Pending++
		} else {
			g.Status = "active"
			first, last := active[0], active[len(active)-1]
			g.FirstListed, g.LastListed = &first, &last
			for _, l := range participating {
				if l > first && !onList[l] {
					if last > l {
						n.report.Relisted = append(n.report.Relisted, fmt.Sprintf("%s %s: absent from ICE's list of %s, but an MOA was archived on %s; kept in force", r.agency, r.model, l, last))
						break
					}
					d := l
					g.Delisted = &d
					n.report.Delisted++
					break
				}
			}
			if len(pending) > 0 {
				notes = append([]string{fmt.Sprintf("On ICE's pending list of %s.", pending[0])}, notes...)
			}
			start := first
			if g.Signed != nil {
				start = *g.Signed
			}
			g.ID = r.agency + "#" + r.model + "#" + string(start)
			if moaOnly {
				f := false
				g.Verified = &f
				notes = append([]string{"Known only from an MOA that ICE posted; neither ICE list in the sources shows it, so its signed date is not known and it counts as in force from " + string(first) + ", the day the MOA was first archived."}, notes...)
				n.report.MOAOnly++
			}
		}
		if g.Delisted != nil {
			notes = append(notes, fmt.Sprintf("ICE's participating list of %s no longer shows it.", *g.Delisted))
		}
		g.Note = strings.Join(notes, " ")
		out = append(out, g)
	}
	return out
}
