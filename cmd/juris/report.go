package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"slices"
	"strings"

	"github.com/jurisproject/juris/resolver"
)

var reportFormats = []string{"text", "json", "markdown", "csv", "html"}

// cmdReport prints the landscape report in the format asked, to stdout or to -o FILE.
func cmdReport(ctx context.Context, o *options, pos []string, w io.Writer, stderr io.Writer) (int, error) {
	if len(pos) != 0 {
		return 2, errors.New("juris report takes no arguments: juris report [--as-of D] [--state ST] [--format F] [-o FILE]")
	}
	if !slices.Contains(reportFormats, o.reportFormat) {
		return 2, fmt.Errorf("--format %q: valid formats for report: %s", o.reportFormat, strings.Join(reportFormats, ", "))
	}
	r, code, err := o.landscapeResolver(ctx)
	if err != nil {
		return code, err
	}
	var rep *resolver.Report
	if o.state == "" && isTerminal(stderr) {
		rep, err = reportByState(ctx, r, o.asOf, stderr)
	} else {
		rep, err = r.Report(ctx, resolver.ReportQuery{AsOf: o.asOf, State: o.state})
	}
	if err != nil {
		return 1, err
	}
	var buf bytes.Buffer
	switch o.reportFormat {
	case "json":
		err = writeJSON(&buf, rep)
	case "text":
		printReport(&buf, rep, false)
	case "markdown":
		printReport(&buf, rep, true)
	case "csv":
		err = reportCSV(&buf, rep)
	case "html":
		err = renderHTML(ctx, r, &buf, rep)
	}
	if err != nil {
		return 1, err
	}
	if o.out != "" {
		if err := os.WriteFile(o.out, buf.Bytes(), 0o644); err != nil {
			return 1, err
		}
		fmt.Fprintf(w, "wrote %s\n", o.out)
		return 0, nil
	}
	_, err = w.Write(buf.Bytes())
	return 0, err
}

// isTerminal reports whether w is a terminal (a character device).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// reportByState computes the national report one state at a time, drawing a progress bar on
// stderr, and merges the parts: the same report as one national query.
func reportByState(ctx context.Context, r *resolver.Resolver, asOf string, stderr io.Writer) (*resolver.Report, error) {
	var states []string
	for id, j := range r.Dataset().Jurisdictions {
		if j.Kind == "state" || j.Kind == "district" || j.Kind == "territory" {
			states = append(states, strings.ToUpper(strings.TrimPrefix(id, "us/")))
		}
	}
	slices.Sort(states)
	parts := make([]*resolver.Report, 0, len(states))
	for i, st := range states {
		const width = 30
		done := width * (i + 1) / len(states)
		fmt.Fprintf(stderr, "\rreport [%s%s] %2d/%d %s", strings.Repeat("=", done), strings.Repeat(" ", width-done), i+1, len(states), st)
		p, err := r.Report(ctx, resolver.ReportQuery{AsOf: asOf, State: st})
		if err != nil {
			fmt.Fprintln(stderr)
			return nil, err
		}
		parts = append(parts, p)
	}
	fmt.Fprintf(stderr, "\r%s\r", strings.Repeat(" ", 50))
	return resolver.MergeReports(parts...), nil
}

func printReport(w io.Writer, rep *resolver.Report, md bool) {
	s := rep.Summary
	scope := "the United States"
	if s.State != "" {
		scope = s.State
	}
	h := func(level int, title string) {
		if md {
			fmt.Fprintf(w, "\n%s %s\n\n", strings.Repeat("#", level), title)
		} else {
			fmt.Fprintf(w, "\n%s\n", strings.ToUpper(title))
		}
	}
	link := func(text, url string) string {
		if md && url != "" {
			return fmt.Sprintf("[%s](%s)", strings.ReplaceAll(text, "]", `\]`), url)
		}
		return text
	}
	if md {
		fmt.Fprintf(w, "# 287(g) landscape: %s, %s\n\n", scope, s.AsOf)
	} else {
		fmt.Fprintf(w, "287(g) landscape: %s, %s\n", scope, s.AsOf)
	}
	fmt.Fprintf(w, "%d agreements in force; %d conflict with a law in force; %d agencies a mandate reaches hold none; %d local policies are bypassed.\n",
		s.AgreementsInForce, s.Conflicts, s.MissingRequired, s.Bypassed)
	var post []string
	for _, k := range slices.Sorted(maps.Keys(s.Postures)) {
		post = append(post, fmt.Sprintf("%s %d", k, s.Postures[k]))
	}
	fmt.Fprintf(w, "States: %s.\n", strings.Join(post, ", "))

	h(2, "Conflicts: agreements in force that a law in force forbids")
	if len(rep.Conflicts) == 0 {
		fmt.Fprintln(w, "None.")
	}
	for _, c := range rep.Conflicts {
		extra := ""
		if c.LastListed != "" && c.LastListed < c.Since {
			extra = fmt.Sprintf(" (last listed %s: it may have ended unrecorded)", c.LastListed)
		}
		if !c.Verified {
			extra += " [agreement unverified]"
		}
		fmt.Fprintf(w, "- %s (%s), %s: forbidden by %s since %s%s\n", c.AgencyName, c.Agency, c.Model, link(c.Citation, c.URL), c.Since, extra)
	}
	h(2, "Mandates unmet: agencies required to enter an agreement that hold none")
	if len(rep.MissingRequired) == 0 {
		fmt.Fprintln(w, "None.")
	}
	for _, m := range rep.MissingRequired {
		fmt.Fprintf(w, "- %s (%s): required by %s since %s\n", m.AgencyName, m.Agency, link(m.Citation, m.URL), m.Since)
	}
	h(2, "Bypassed: local policies that agencies outside their reach get around")
	if len(rep.Bypassed) == 0 {
		fmt.Fprintln(w, "None.")
	}
	for _, b := range rep.Bypassed {
		var by []string
		for _, x := range b.By {
			by = append(by, fmt.Sprintf("%s (%s via %s)", x.AgencyName, x.Model, x.Channel))
		}
		fmt.Fprintf(w, "- %s (%s), %s: bypassed by %s\n", b.LocalityName, b.Locality, b.Citation, strings.Join(by, "; "))
	}
	h(2, "State postures")
	for _, u := range slices.Sorted(maps.Keys(s.States)) {
		st := s.States[u]
		var laws []string
		for _, l := range st.Laws {
			laws = append(laws, fmt.Sprintf("%s %s", l.Effect, link(l.Citation, l.URL)))
		}
		if len(laws) == 0 {
			laws = []string{"no state law in force in the facts"}
		}
		fmt.Fprintf(w, "- %s %s: %s (%s)\n", u, st.Name, st.Posture, strings.Join(laws, "; "))
	}
	fmt.Fprintf(w, "\nDataset %s, juris %s. %s\n", s.Revision, s.Version, resolver.Disclaimer)
}

// reportCSV writes one row per finding: section, state, who, model, law, citation, since, detail.
func reportCSV(w io.Writer, rep *resolver.Report) error {
	cw := csv.NewWriter(w)
	rows := [][]string{{"section", "state", "id", "name", "model", "law", "citation", "url", "since", "detail"}}
	for _, c := range rep.Conflicts {
		rows = append(rows, []string{"conflict", stateOfID(c.Agency), c.Agency, c.AgencyName, c.Model, c.Law, c.Citation, c.URL, c.Since, "last listed " + c.LastListed})
	}
	for _, m := range rep.MissingRequired {
		rows = append(rows, []string{"missing_required", stateOfID(m.Agency), m.Agency, m.AgencyName, "", m.Law, m.Citation, m.URL, m.Since, ""})
	}
	for _, b := range rep.Bypassed {
		for _, x := range b.By {
			rows = append(rows, []string{"bypassed", stateOfID(b.Locality), b.Locality, b.LocalityName, x.Model, b.Policy, b.Citation, "", "", x.Agency + " via " + x.Channel})
		}
	}
	s := rep.Summary
	for _, u := range slices.Sorted(maps.Keys(s.States)) {
		for _, l := range s.States[u].Laws {
			rows = append(rows, []string{"state_law", u, "us/" + strings.ToLower(u), s.States[u].Name, "", l.Law, l.Citation, l.URL, "", s.States[u].Posture + ": " + l.Effect})
		}
	}
	if err := cw.WriteAll(rows); err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}

func stateOfID(id string) string {
	parts := strings.SplitN(id, "/", 3)
	if len(parts) < 2 {
		return ""
	}
	return strings.ToUpper(parts[1])
}
