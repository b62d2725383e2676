package main

import (
	"context"
	"fmt"
	"io"
	"slices"
	"time"

	"github.com/jurisproject/juris/htmlreport"
	"github.com/jurisproject/juris/resolver"
)

// seriesStart is the first date of the agreements-over-time chart: the sources' lists begin in
// 2025.
const seriesStart = "2025-01-01"

// renderHTML writes the self-contained HTML report, with the agreements in force on the first of
// each month from seriesStart, on ICE's list dates, and on the report's date; the series stops at
// the newest agreement source (rep.Summary.SourcesEnd), after which the facts cannot count.
func renderHTML(ctx context.Context, r *resolver.Resolver, w io.Writer, rep *resolver.Report) error {
	end := rep.Summary.AsOf
	if se := rep.Summary.SourcesEnd; se != "" && se < end {
		end = se
	}
	dates, err := seriesDates(end, r.ListDates())
	if err != nil {
		return err
	}
	var series []resolver.Point
	for _, d := range dates {
		s, err := r.Stats(ctx, resolver.StatsQuery{AsOf: d, State: rep.Summary.State})
		if err != nil {
			return err
		}
		series = append(series, resolver.Point{Date: d, Agreements: s.Agreements, ByModel: s.ByModel})
	}
	return htmlreport.Render(w, rep, series)
}

func seriesDates(asOf string, lists []string) ([]string, error) {
	end, err := time.Parse(time.DateOnly, asOf)
	if err != nil {
		return nil, fmt.Errorf("report date: %w", err)
	}
	var out []string
	for t, _ := time.Parse(time.DateOnly, seriesStart); !t.After(end); t = t.AddDate(0, 1, 0) {
		out = append(out, t.Format(time.DateOnly))
	}
	for _, d := range append(slices.Clone(lists), asOf) {
		if d <= asOf && !slices.Contains(out, d) {
			out = append(out, d)
		}
	}
	slices.Sort(out)
	return out, nil
}
