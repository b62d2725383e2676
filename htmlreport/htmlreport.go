// Package htmlreport renders the landscape report (resolver.Report) as one self-contained HTML
// page: a tile-grid map of the states' postures, a chart of agreements in force over time, the
// summary counts, and a table per state of its laws, conflicts, unmet mandates and bypassed
// local policies, each law cited with a link.
//
// The page opens offline: its CSS and SVG are inline, and it loads no font, script or image.
// Every text from the data is escaped by html/template, and only http(s) URLs become links. The
// same input gives byte-identical output.
package htmlreport

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"html/template"
	"io"
	"maps"
	"net/url"
	"slices"
	"strings"

	"github.com/jurisproject/juris/resolver"
)

//go:embed report.html.tmpl
var pageSource string

var page = template.Must(template.New("report").Funcs(template.FuncMap{
	"add": func(a px, b float64) px { return a + px(b) },
}).Parse(pageSource))

// posture is how the map shows one posture: a colour from the Okabe-Ito palette (safe for the
// common kinds of colour blindness), a pattern, and a word on the tile, so colour is never the
// only cue.
type posture struct {
	Key   string // a posture of the report (bans, requires, ...), other or none
	Label string // the word on the tile and in the legend
	Fill  string // the base colour
	Desc  string // what the posture means, for the legend
	Count int
}

// postures lists the postures in legend order; Fill values are also what the screenshot test
// looks for.
var postures = []posture{
	{Key: "bans", Label: "bans", Fill: "#D55E00", Desc: "a state law in force forbids 287(g) agreements for its sheriffs, police and state police"},
	{Key: "bans-some", Label: "bans some", Fill: "#CC79A7", Desc: "a state law in force forbids them for some agencies only (the state's section names which)"},
	{Key: "restricts", Label: "restricts", Fill: "#E69F00", Desc: "a state law in force limits them, or allows them only under conditions, without banning them"},
	{Key: "requires", Label: "requires", Fill: "#0072B2", Desc: "a state law in force requires agencies to enter, request, seek or explore them"},
	{Key: "preempts", Label: "preempts", Fill: "#56B4E9", Desc: "a state law in force voids local policies that limit cooperation, and none bans, limits or requires agreements"},
	{Key: "neither", Label: "neither", Fill: "#BBBBBB", Desc: "the state's law was surveyed and no law in force bears on them"},
	{Key: "not-researched", Label: "not researched", Fill: "#F0E442", Desc: "the state's law has not been researched: the facts hold none of its laws"},
}

// otherPosture is for a posture the page does not know; nonePosture for a tile the report does
// not cover (a report for one state).
var (
	otherPosture = posture{Key: "other", Label: "other", Fill: "#FFFFFF", Desc: "a posture this page does not know (see the state's section)"}
	nonePosture  = posture{Key: "none", Label: "n/a", Fill: "#FFFFFF", Desc: "not covered by this report"}
)

func postureOf(key string) posture {
	for _, p := range postures {
		if p.Key == key {
			return p
		}
	}
	return otherPosture
}

// Tile geometry in the map's SVG units.
const (
	tileSize  = 58
	tilePitch = 64
)

type tile struct {
	Code    string
	Name    string
	Posture posture
	X, Y    int
	CodeY   int
	WordY   int
	CX      int
	Link    bool
	Title   string
}

type count struct {
	Label string
	N     int
	Note  string
}

type lawRow struct {
	Law, Citation, URL, Effect, Duty string
	Verified                         bool
}

type conflictRow struct {
	Agency, AgencyName, Model, Agreement string
	Law, Citation, URL                   string
	Since, LastListed                    string
	Verified                             bool
	// Stale: the conflict began after the last date a source listed the agreement, so the
	// agreement may have ended unrecorded.
	Stale bool
}

type mandateRow struct {
	Agency, AgencyName, Law, Citation, URL, Since string
}

type viaRow struct {
	Agency, AgencyName, Model, Channel string
}

type bypassRow struct {
	Locality, LocalityName, Policy, Citation string
	By                                       []viaRow
}

type stateSection struct {
	Code      string
	Name      string
	Posture   posture
	Laws      []lawRow
	Conflicts []conflictRow
	Mandates  []mandateRow
	Bypassed  []bypassRow
}

type view struct {
	Scope      string
	AsOf       string
	Revision   string
	Version    string
	Disclaimer string
	Postures   []posture
	Legend     []posture
	Tiles      []tile
	MapW, MapH int
	Chart      chartView
	Counts     []count
	States     []stateSection
}

// Render writes the report as one self-contained HTML page to w. series is the count of
// agreements in force on a number of dates, for the chart over time; it may be empty, and need
// not be sorted. Nothing is written if the report cannot be rendered.
func Render(w io.Writer, rep *resolver.Report, series []resolver.Point) error {
	if rep == nil {
		return errors.New("htmlreport: no report")
	}
	v, err := build(rep, series)
	if err != nil {
		return fmt.Errorf("htmlreport: %w", err)
	}
	var buf bytes.Buffer
	if err := page.Execute(&buf, v); err != nil {
		return fmt.Errorf("htmlreport: %w", err)
	}
	_, err = w.Write(buf.Bytes())
	return err
}

func build(rep *resolver.Report, series []resolver.Point) (*view, error) {
	s := rep.Summary
	v := &view{
		Scope:      "United States",
		AsOf:       s.AsOf,
		Revision:   s.Revision,
		Version:    s.Version,
		Disclaimer: resolver.Disclaimer,
	}
	if s.State != "" {
		code := strings.ToUpper(s.State)
		v.Scope = nameOf(code, s.States)
	}
	chart, err := buildChart(series, rep.Summary.SourcesEnd, rep.Summary.AsOf)
	if err != nil {
		return nil, err
	}
	v.Chart = chart

	sections := sectionsOf(rep)
	has := map[string]bool{}
	for _, sec := range sections {
		has[sec.Code] = true
	}
	v.States = sections

	// The tiles: every grid place, then any code the report has that the grid does not place,
	// in an extra row.
	codes := slices.Sorted(maps.Keys(grid))
	var extra []string
	for _, c := range slices.Sorted(maps.Keys(s.States)) {
		if _, ok := grid[c]; !ok {
			extra = append(extra, c)
		}
	}
	used := map[string]bool{}
	rows := gridRows
	if len(extra) > 0 {
		rows += (len(extra) + gridCols - 1) / gridCols
	}
	place := func(code string, c cell) {
		p := nonePosture
		name := names[code]
		if st, ok := s.States[code]; ok {
			p = postureOf(st.Posture)
			if st.Name != "" {
				name = st.Name
			}
		}
		if name == "" {
			name = code
		}
		used[p.Key] = true
		x, y := c.col*tilePitch+3, c.row*tilePitch+3
		t := tile{Code: code, Name: name, Posture: p, X: x, Y: y, CX: x + tileSize/2, CodeY: y + 27, WordY: y + 45, Link: has[code]}
		t.Title = name + ": " + tileSentence(p, s.States[code])
		v.Tiles = append(v.Tiles, t)
	}
	for _, code := range codes {
		place(code, grid[code])
	}
	for i, code := range extra {
		place(code, cell{i % gridCols, gridRows + i/gridCols})
	}
	v.MapW, v.MapH = gridCols*tilePitch, rows*tilePitch

	for _, p := range postures {
		p.Count = s.Postures[p.Key]
		v.Postures = append(v.Postures, p)
		v.Legend = append(v.Legend, p)
	}
	for _, p := range []posture{otherPosture, nonePosture} {
		if used[p.Key] {
			v.Legend = append(v.Legend, p)
		}
	}

	v.Counts = []count{
		{"agreements in force", s.AgreementsInForce, "one per agency and model"},
		{"conflicts", s.Conflicts, "agreements in force that a law in force forbids"},
		{"unmet mandates", s.MissingRequired, "agencies a mandate reaches that hold no agreement"},
		{"bypassed local policies", s.Bypassed, "policies that agencies outside their reach get around"},
	}
	return v, nil
}

func tileSentence(p posture, st resolver.StatePosture) string {
	switch p.Key {
	case "none":
		return "not covered by this report"
	case "other":
		return "posture " + st.Posture
	}
	n := len(st.Laws)
	switch n {
	case 0:
		return p.Label + "; no state law in force in the facts"
	case 1:
		return p.Label + "; 1 state law in force"
	}
	return fmt.Sprintf("%s; %d state laws in force", p.Label, n)
}

func nameOf(code string, states map[string]resolver.StatePosture) string {
	if st, ok := states[code]; ok && st.Name != "" {
		return st.Name
	}
	if n, ok := names[code]; ok {
		return n
	}
	return code
}

// stateOf is the USPS code in an id such as us/tx/austin, or "" if it has none.
func stateOf(id string) string {
	parts := strings.SplitN(id, "/", 3)
	if len(parts) < 2 || parts[0] != "us" || len(parts[1]) != 2 {
		return ""
	}
	return strings.ToUpper(parts[1])
}

// safeURL gives u back if it is an absolute http or https URL, else "" (so it is shown as text,
// never linked).
func safeURL(u string) string {
	p, err := url.Parse(strings.TrimSpace(u))
	if err != nil || p.Host == "" {
		return ""
	}
	switch strings.ToLower(p.Scheme) {
	case "http", "https":
		return p.String()
	}
	return ""
}

// sectionsOf groups the report's findings and laws by state: one section per state with any,
// sorted by USPS code; findings whose ids name no state go in a last section, "other".
func sectionsOf(rep *resolver.Report) []stateSection {
	s := rep.Summary
	by := map[string]*stateSection{}
	get := func(code string) *stateSection {
		sec, ok := by[code]
		if !ok {
			sec = &stateSection{Code: code, Name: nameOf(code, s.States), Posture: nonePosture}
			if code == "" {
				sec.Code, sec.Name = "other", "Other"
			} else if st, ok := s.States[code]; ok {
				sec.Posture = postureOf(st.Posture)
			}
			by[code] = sec
		}
		return sec
	}
	for _, code := range slices.Sorted(maps.Keys(s.States)) {
		for _, l := range s.States[code].Laws {
			sec := get(code)
			sec.Laws = append(sec.Laws, lawRow{Law: l.Law, Citation: or(l.Citation, l.Law), URL: safeURL(l.URL), Effect: l.Effect, Duty: l.Duty, Verified: l.Verified})
		}
	}
	for _, c := range rep.Conflicts {
		sec := get(stateOf(c.Agency))
		sec.Conflicts = append(sec.Conflicts, conflictRow{
			Agency: c.Agency, AgencyName: or(c.AgencyName, c.Agency), Model: c.Model, Agreement: c.Agreement,
			Law: c.Law, Citation: or(c.Citation, c.Law), URL: safeURL(c.URL), Since: c.Since, LastListed: c.LastListed,
			Verified: c.Verified, Stale: c.LastListed != "" && c.Since > c.LastListed,
		})
	}
	for _, m := range rep.MissingRequired {
		sec := get(stateOf(m.Agency))
		sec.Mandates = append(sec.Mandates, mandateRow{
			Agency: m.Agency, AgencyName: or(m.AgencyName, m.Agency), Law: m.Law, Citation: or(m.Citation, m.Law), URL: safeURL(m.URL), Since: m.Since,
		})
	}
	for _, b := range rep.Bypassed {
		sec := get(stateOf(b.Locality))
		row := bypassRow{Locality: b.Locality, LocalityName: or(b.LocalityName, b.Locality), Policy: b.Policy, Citation: or(b.Citation, b.Policy)}
		for _, x := range b.By {
			row.By = append(row.By, viaRow{Agency: x.Agency, AgencyName: or(x.AgencyName, x.Agency), Model: x.Model, Channel: x.Channel})
		}
		sec.Bypassed = append(sec.Bypassed, row)
	}
	out := make([]stateSection, 0, len(by))
	for _, code := range slices.Sorted(maps.Keys(by)) {
		if code != "" {
			out = append(out, *by[code])
		}
	}
	if sec, ok := by[""]; ok {
		out = append(out, *sec)
	}
	return out
}

func or(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
