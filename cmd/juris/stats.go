package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"

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
	return 0, emit(w, o.format, s, func() { printStats(w, s) })
}

func printStats(w io.Writer, s *resolver.Stats) {
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
	fmt.Fprintln(w, "  sources: ICE's 287(g) lists of 2025-05-16 and 2025-07-18 and the MOAs ICE posted through June 2026;")
	fmt.Fprintln(w, "  after July 2025 an agreement counts from the day its MOA was first archived (see jurisdictions/national/REPORT.md)")
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
