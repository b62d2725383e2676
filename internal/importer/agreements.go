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
	var all []*agreementRec
	for _, k := range slices.Sorted(mapsKeys(recs)) {
		r := recs[k]
		slices.SortStableFunc(r.seen, func(a, b sighting) int { return strings.Compare(string(a.date), string(b.date)) })
		all = append(all, n.splitResigned(r, participating)...)
	}
	for _, r := range all {
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
			switch {
			case chosen > first:
				// Every signed date ICE gives is after a source first showed the agreement (an MOA
				// it posted): a re-signing, or a typo. It counts from the first sighting.
				notes = append(notes, fmt.Sprintf("ICE's lists give SIGNED %s, after a source first showed the agreement (%s): not used as its start.", strings.Join(distinct, ", then "), first))
				n.report.Resigned = append(n.report.Resigned, fmt.Sprintf("%s %s: signed %s, after it was first shown (%s); counted from %s", r.agency, r.model, strings.Join(distinct, ", then "), first, first))
			default:
				g.Signed = &chosen
				if len(distinct) > 1 {
					n.report.Resigned = append(n.report.Resigned, fmt.Sprintf("%s %s: signed %s; %s is used", r.agency, r.model, strings.Join(distinct, ", then "), chosen))
					notes = append(notes, fmt.Sprintf("ICE's lists give different signed dates: %s.", strings.Join(distinct, ", then ")))
				}
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

// inForce is the policy's rule (policy/juris/agency.rego, _agreement_in_force): not pending,
// started (signed, or first listed where no signed date is known) on or before d, and neither
// terminated nor delisted by d.
func inForce(g *jurisdictions.Agreement, d jurisdictions.Date) bool {
	if g.Status == "pending" {
		return false
	}
	start := g.FirstListed
	if g.Signed != nil {
		start = g.Signed
	}
	if start == nil || *start > d {
		return false
	}
	return (g.Terminated == nil || *g.Terminated > d) && (g.Delisted == nil || *g.Delisted > d)
}

// InForce reports whether an agreement is in force on date d, by the policy's rule.
func InForce(g *jurisdictions.Agreement, d jurisdictions.Date) bool { return inForce(g, d) }

// Reconciliation accounts, for one of ICE's lists, for every difference between its rows and the
// agreements the generated layer holds in force on its date.
type Reconciliation struct {
	File string `json:"file"`
	Kind string `json:"kind"`
	Date string `json:"date"`
	// Rows, Unmatched and Repeats: the list's rows, those placed on no agency, and those repeating
	// an agreement already on the list.
	Rows      int `json:"rows"`
	Unmatched int `json:"unmatched"`
	Repeats   int `json:"repeats"`
	// OnList is the number of agreements (agency and model) the list shows.
	OnList int `json:"on_list"`
	// NotInForce are agreements on the list not in force on its date; Extra are agreements in
	// force on its date that the list does not show. Each line: the agreement id and why.
	NotInForce []string `json:"not_in_force"`
	Extra      []string `json:"extra"`
	// InForce is the number of agreements in force on the date in the generated layer:
	// OnList - len(NotInForce) + len(Extra).
	InForce int `json:"in_force"`
}

// reconcile builds the reconciliation of each participating list and document list.
func (n *national) reconcile(agreements []*jurisdictions.Agreement) {
	byKey := map[string][]*jurisdictions.Agreement{} // agency#model -> its agreements (two where ICE delisted one and listed a new one)
	for _, g := range agreements {
		byKey[g.Agency+"#"+g.Model] = append(byKey[g.Agency+"#"+g.Model], g)
	}
	unmatched := map[string]int{}
	for _, u := range n.report.ICEUnmatched {
		unmatched[strings.SplitN(u.Source, ":", 2)[0]]++
	}
	var lastSheet *ListStats
	for _, l := range n.report.Lists {
		if l.Kind != "participating" && l.Kind != "documents" {
			continue
		}
		d := jurisdictions.Date(l.Date)
		rec := &Reconciliation{File: l.File, Kind: l.Kind, Date: l.Date, Rows: l.Rows, Unmatched: unmatched[l.File], Repeats: len(l.Duplicates), OnList: len(l.keys)}
		for _, k := range slices.Sorted(mapsKeys(l.keys)) {
			gs := byKey[k]
			if len(gs) == 0 {
				rec.NotInForce = append(rec.NotInForce, k+": no agreement (the row's agency and model made none)")
				continue
			}
			if !slices.ContainsFunc(gs, func(g *jurisdictions.Agreement) bool { return inForce(g, d) }) {
				g := gs[len(gs)-1]
				rec.NotInForce = append(rec.NotInForce, fmt.Sprintf("%s: not in force on %s (status %s, signed %v)", g.ID, d, g.Status, dateOr(g.Signed)))
			}
		}
		for _, g := range agreements {
			k := g.Agency + "#" + g.Model
			if _, on := l.keys[k]; on || !inForce(g, d) {
				continue
			}
			why := ""
			switch {
			case l.Kind == "documents" && lastSheet != nil && lastSheet.keys[k].linkPending:
				why = "its MOA was `link pending` on " + lastSheet.File + ", and the document list omits such rows"
			case l.Kind == "documents" && lastSheet != nil && lastSheet.keys[k].ref != "":
				why = "on " + lastSheet.File + " with a link, not among the document list's links (a document list proves presence only, so it is not delisted)"
			case g.LastListed != nil && *g.LastListed > d:
				why = fmt.Sprintf("absent from this list, but a later source shows it (last on %s), so it is kept in force", *g.LastListed)
			case g.FirstListed != nil && *g.FirstListed > d:
				why = fmt.Sprintf("signed %s, before this list, but first shown on %s", dateOr(g.Signed), *g.FirstListed)
			default:
				why = fmt.Sprintf("last shown on %s, and no later participating list to delist it", dateOr(g.LastListed))
			}
			rec.Extra = append(rec.Extra, g.ID+": "+why)
		}
		slices.Sort(rec.Extra)
		rec.InForce = rec.OnList - len(rec.NotInForce) + len(rec.Extra)
		n.report.Reconciliations = append(n.report.Reconciliations, rec)
		if l.Kind == "participating" {
			lastSheet = l
		}
	}
}

func dateOr(d *jurisdictions.Date) string {
	if d == nil {
		return "(none)"
	}
	return string(*d)
}

// splitResigned splits the sightings of one agency and model where ICE stopped listing the
// agreement and a later list shows one signed after that list: two agreements, the first
// delisted from that list's date, the second from its own signed date. Where the later list's
// signed date is before the gap, ICE's omission was a gap in one agreement, kept in force.
func (n *national) splitResigned(r *agreementRec, participating []jurisdictions.Date) []*agreementRec {
	first, last := jurisdictions.Date(""), jurisdictions.Date("")
	onList := map[jurisdictions.Date]bool{}
	for _, s := range r.seen {
		if s.pending {
			continue
		}
		if first == "" {
			first = s.date
		}
		last = s.date
		if !s.moa && !s.docs {
			onList[s.date] = true
		}
	}
	for _, l := range participating {
		if l <= first || l >= last || onList[l] {
			continue
		}
		for _, s := range r.seen {
			if s.date > l && !s.pending && !s.moa && !s.docs && s.signed != nil && *s.signed > l {
				a := &agreementRec{agency: r.agency, model: r.model}
				b := &agreementRec{agency: r.agency, model: r.model}
				for _, x := range r.seen {
					if x.date < l {
						a.seen = append(a.seen, x)
					} else {
						b.seen = append(b.seen, x)
					}
				}
				n.report.Resigned = append(n.report.Resigned, fmt.Sprintf("%s %s: ICE's list of %s no longer showed it, and the list of %s shows one signed %s: two agreements, the first delisted on %s", r.agency, r.model, l, s.date, *s.signed, l))
				return append([]*agreementRec{a}, n.splitResigned(b, participating)...)
			}
		}
	}
	return []*agreementRec{r}
}
