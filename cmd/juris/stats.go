package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"

	"github.com/jurisproject/juris/jurisdictions"
	"github.com/jurisproject/juris/resolver"
)

// cmdStats prints the landscape counts on a date.
func cmdStats(ctx context.Context, o *options, pos []string, w io.Writer) (int, error) {
	if len(pos) != 0 {
		return 2, errors.New("juris stats takes no arguments: juris stats [--as-of D] [--state ST]")
	}
	r, code, err := o.landscapeResolver(ctx)
	if err != nil {
		return code, err
	}
	s, err := r.Stats(ctx, resolver.StatsQuery{AsOf: o.asOf, State: o.state})
	if err != nil {
		return 1, err
	}
	return 0, emit(w, o.format, s, func() { printStats(w, s, sourcesLine(r.Dataset())) })
}

// sourcesLine names the ICE files the agreements were read from, by kind and date
// (jurisdictions/national/sources.yaml).
func sourcesLine(ds *jurisdictions.Dataset) string {
	dates := map[string][]string{}
	for _, sf := range ds.SourceFiles {
		if sf.Date != nil {
			dates[sf.Kind] = append(dates[sf.Kind], string(*sf.Date))
		}
	}
	var parts []string
	for _, k := range []struct{ kind, what string }{
		{"ice-participating", "ICE's participating lists of "}, {"ice-pending", "its pending lists of "},
		{"ice-documents", "the MOA links of its sheet of "}, {"moa-index", "the MOAs it posted through "},
	} {
		if ds := dates[k.kind]; len(ds) > 0 {
			slices.Sort(ds)
			parts = append(parts, k.what+strings.Join(ds, ", "))
		}
	}
	if len(parts) == 0 {
		return "the facts loaded"
	}
	return strings.Join(parts, "; ")
}

func printStats(w io.Writer, s *resolver.Stats, sources string) {
	scope := "the United States"
	if s.State != "" {
		scope = s.State
	}
	fmt.Fprintf(w, "287(g) agreements in force in %s on %s (one per agency and model)\n", scope, s.AsOf)
	fmt.Fprintf(w, "  agreements: %d, held by %d agencies in %d states\n", s.Agreements, s.AgenciesWithAgreements, s.StatesWithAgreements)
	table := func(title string, m map[string]int) {
		fmt.Fprintf(w, "  %s:\n", title)
		keys := slices.Sorted(maps.Keys(m))
		for _, k := range keys {
			fmt.Fprintf(w, "    %-28s %5d\n", k, m[k])
		}
	}
	table("by model", s.ByModel)
	table("by agency kind", s.ByAgencyKind)
	if s.State == "" {
		table("by state", s.ByState)
	}
	fmt.Fprintf(w, "  dataset: %d states, DC and territories; %d counties; %d places; %d agencies\n",
		s.Jurisdictions.States, s.Jurisdictions.Counties, s.Jurisdictions.Places, s.Agencies)
	fmt.Fprintf(w, "  sources: %s (jurisdictions/national/sources.yaml);\n", sources)
	fmt.Fprintln(w, "  an agreement with no signed date counts from the first day a source showed it (see jurisdictions/national/REPORT.md)")
}

// landscapeResolver checks --state and returns the resolver for a landscape question: that
// state's, or the nation's. The int is the exit code to use on error.
func (o *options) landscapeResolver(ctx context.Context) (*resolver.Resolver, int, error) {
	var scope []string
	if o.state != "" {
		if !isCode(strings.ToUpper(o.state)) {
			return nil, 2, fmt.Errorf("--state %q: give a state's USPS code, such as TX", o.state)
		}
		scope = append(scope, "us/"+strings.ToLower(o.state))
	}
	r, err := o.resolver(ctx, scope...)
	if err != nil {
		return nil, 1, err
	}
	return r, 0, nil
}
