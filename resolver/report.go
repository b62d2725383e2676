package resolver

import (
	"cmp"
	"maps"
	"slices"
	"strings"
)

// sortReport puts every list of the report in one fixed order, whichever way it was computed.
func sortReport(r *Report) {
	slices.SortFunc(r.Conflicts, func(a, b AgreementConflict) int {
		return cmp.Or(strings.Compare(a.Agency, b.Agency), strings.Compare(a.Model, b.Model), strings.Compare(a.Law, b.Law))
	})
	slices.SortFunc(r.MissingRequired, func(a, b MissingRequired) int {
		return cmp.Or(strings.Compare(a.Agency, b.Agency), strings.Compare(a.Law, b.Law))
	})
	slices.SortFunc(r.Bypassed, func(a, b BypassedPolicy) int {
		return cmp.Or(strings.Compare(a.Locality, b.Locality), strings.Compare(a.Policy, b.Policy))
	})
	for _, b := range r.Bypassed {
		slices.SortFunc(b.By, func(x, y BypassVia) int {
			return cmp.Or(strings.Compare(x.Agency, y.Agency), strings.Compare(x.Model, y.Model))
		})
	}
	if r.Conflicts == nil {
		r.Conflicts = []AgreementConflict{}
	}
	if r.MissingRequired == nil {
		r.MissingRequired = []MissingRequired{}
	}
	if r.Bypassed == nil {
		r.Bypassed = []BypassedPolicy{}
	}
}

// MergeReports joins reports of disjoint scopes (one per state) into one: the same report as a
// single query over their union.
func MergeReports(parts ...*Report) *Report {
	out := &Report{Summary: ReportSummary{Postures: map[string]int{}, States: map[string]StatePosture{}}}
	for _, p := range parts {
		out.Conflicts = append(out.Conflicts, p.Conflicts...)
		out.MissingRequired = append(out.MissingRequired, p.MissingRequired...)
		out.Bypassed = append(out.Bypassed, p.Bypassed...)
		s := p.Summary
		out.Summary.AsOf, out.Summary.Revision, out.Summary.Version = s.AsOf, s.Revision, s.Version
		out.Summary.SourcesEnd = max(out.Summary.SourcesEnd, s.SourcesEnd)
		out.Summary.AgreementsInForce += s.AgreementsInForce
		out.Summary.Conflicts += s.Conflicts
		out.Summary.MissingRequired += s.MissingRequired
		out.Summary.Bypassed += s.Bypassed
		maps.Copy(out.Summary.States, s.States)
	}
	for _, st := range out.Summary.States {
		out.Summary.Postures[st.Posture]++
	}
	sortReport(out)
	return out
}
