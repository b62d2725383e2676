package importer

import (
	"fmt"
	"slices"
	"strings"

	"github.com/jurisproject/juris/jurisdictions"
)

// participatingDates are the dates of ICE's participating lists read, oldest first: the lists
// whose silence delists an agreement (a document list omits "link pending" rows, so its silence
// proves nothing).
func (n *national) participatingDates() []jurisdictions.Date {
	var out []jurisdictions.Date
	for _, f := range n.iceFiles {
		if f.Kind == "participating" {
			out = append(out, f.Date)
		}
	}
	return out
}

// sourceText names the sources of an agreement: the lists by kind with their dates, then the
// MOAs ICE posted.
func sourceText(seen []sighting) string {
	var order []string
	dates := map[string][]string{}
	for _, s := range seen {
		kind := s.source
		var d string
		switch {
		case s.moa:
			kind, d = "MOA posted by ICE, archived", string(s.date)
		case s.docs:
			kind, d = "ICE 287(g) participating agencies sheet (its MOA links, as logged by deportationdata/ice-287g)", string(s.date)
		case s.pending:
			kind, d = "ICE 287(g) pending agencies list", string(s.date)
		default:
			kind, d = "ICE 287(g) participating agencies list", string(s.date)
		}
		if _, ok := dates[kind]; !ok {
			order = append(order, kind)
		}
		if !slices.Contains(dates[kind], d) {
			dates[kind] = append(dates[kind], d)
		}
	}
	var parts []string
	for _, k := range order {
		ds := dates[k]
		switch {
		case strings.HasPrefix(k, "MOA posted"):
			parts = append(parts, k+" "+joinAnd(ds)+" (Tracking_287g, indexed by 287g-watch)")
		case len(ds) > 1 && strings.HasSuffix(k, "list"):
			parts = append(parts, k+"s, "+joinAnd(ds))
		default:
			parts = append(parts, k+", "+joinAnd(ds))
		}
	}
	return strings.Join(parts, "; ")
}

func joinAnd(xs []string) string {
	if len(xs) <= 1 {
		return strings.Join(xs, "")
	}
	return strings.Join(xs[:len(xs)-1], ", ") + " and " + xs[len(xs)-1]
}

// buildAgreements turns the sightings of each agency and model into one agreement.
func (n *national) buildAgreements(recs map[string]*agreementRec) []*jurisdictions.Agreement {
	participating := n.participatingDates()
	var out []*jurisdictions.Agreement
	for _, k := range slices.Sorted(mapsKeys(recs)) {
		r := recs[k]
		slices.SortStableFunc(r.seen, func(a, b sighting) int { return strings.Compare(string(a.date), string(b.date)) })
		g := &jurisdictions.Agreement{Agency: r.agency, Model: r.model, URL: ICEPage, Source: sourceText(r.seen)}
		var notes []string
		var active, pending []jurisdictions.Date
		onList := map[jurisdictions.Date]bool{}
		moaOnly, onAnyList := true, false
		type signedOn struct {
			date   jurisdictions.Date
			signed jurisdictions.Date
		}
		var signedSeen []signedOn
		for _, s := range r.seen {
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
			}
			if !s.moa && !s.docs {
				onAnyList = true
				onList[s.date] = true
				if s.signed != nil {
					signedSeen = append(signedSeen, signedOn{s.date, *s.signed})
				}
			}
			// The link a list shows wins over an MOA's archived copy; a later list's over an earlier's.
			if s.moaURL != "" && (g.MOAURL == "" || !s.moa) {
				g.MOAURL = s.moaURL
			}
		}
		if len(active) == 0 {
			g.Status = "pending"
			first, last := pending[0], pending[len(pending)-1]
			g.FirstListed, g.LastListed = &first, &last
			g.ID = r.agency + "#" + r.model + "#pending"
			n.report.Pending++
			g.Note = strings.Join(notes, " ")
			out = append(out, g)
			continue
		}
		g.Status = "active"
		first, last := active[0], active[len(active)-1]
		g.FirstListed, g.LastListed = &first, &last
		// The signed date: the one ICE's latest list gives, unless an earlier list already showed
		// the agreement before that date (then it was in force when that list showed it, and the
		// earliest signed date shown is kept). Every change is reported.
		if len(signedSeen) > 0 {
			latest := signedSeen[len(signedSeen)-1].signed
			earliest := latest
			var distinct []string
			for _, x := range signedSeen {
				earliest = min(earliest, x.signed)
				if d := fmt.Sprintf("%s on the list of %s", x.signed, x.date); len(distinct) == 0 || !strings.HasPrefix(distinct[len(distinct)-1], string(x.signed)+" ") {
					distinct = append(distinct, d)
				}
			}
			chosen := latest
			if latest > first {
				chosen = earliest
			}
			g.Signed = &chosen
			if len(distinct) > 1 {
				n.report.Resigned = append(n.report.Resigned, fmt.Sprintf("%s %s: signed %s; %s is used", r.agency, r.model, strings.Join(distinct, ", then "), chosen))
				notes = append(notes, fmt.Sprintf("ICE's lists give different signed dates: %s.", strings.Join(distinct, ", then ")))
			}
		}
		if len(pending) > 0 {
			notes = append([]string{fmt.Sprintf("On ICE's pending list of %s.", pending[0])}, notes...)
		}
		for _, l := range participating {
			if l <= first {
				continue
			}
			if l > last {
				d := l
				g.Delisted = &d
				n.report.Delisted++
				break
			}
			if !onList[l] {
				n.report.Relisted = append(n.report.Relisted, fmt.Sprintf("%s %s: absent from ICE's list of %s, but shown again later (last on %s); kept in force", r.agency, r.model, l, last))
			}
		}
		start := first
		if g.Signed != nil {
			start = *g.Signed
		}
		g.ID = r.agency + "#" + r.model + "#" + string(start)
		switch {
		case moaOnly:
			f := false
			g.Verified = &f
			notes = append([]string{"Known only from an MOA that ICE posted; no ICE list in the sources shows it, so its signed date is not known and it counts as in force from " + string(first) + ", the day the MOA was first archived."}, notes...)
			n.report.MOAOnly++
		case !onAnyList:
			notes = append([]string{"Known from the MOA links of ICE's sheet (a document list), which gives no signed date: it counts as in force from " + string(first) + ", the first day a source shows it."}, notes...)
			n.report.DocsOnly++
		}
		if g.Delisted != nil {
			notes = append(notes, fmt.Sprintf("ICE's participating list of %s no longer shows it.", *g.Delisted))
		}
		g.Note = strings.Join(notes, " ")
		out = append(out, g)
	}
	return out
}
