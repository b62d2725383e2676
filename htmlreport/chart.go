package htmlreport

import (
	"cmp"
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/jurisproject/juris/resolver"
)

// px is a coordinate in an SVG; it prints with one decimal, the same on every run.
type px float64

func (p px) String() string { return strconv.FormatFloat(float64(p), 'f', 1, 64) }

// The chart's size and margins, in SVG units.
const (
	chartW      = 960
	chartH      = 340
	chartLeft   = 64
	chartRight  = 240
	chartTop    = 28
	chartBottom = 44
)

// modelStyles colours and dashes the per-model lines (Okabe-Ito colours; the dash is the cue
// that does not rely on colour).
var modelStyles = []struct{ color, dash string }{
	{"#009E73", "8 4"},
	{"#CC79A7", "2 4"},
	{"#56B4E9", "12 4 3 4"},
	{"#E69F00", "4 4"},
	{"#0072B2", "1 3"},
	{"#D55E00", "10 3 2 3 2 3"},
}

type tick struct {
	Pos   px
	Label string
}

type chartLine struct {
	Name   string
	Color  string
	Dash   string
	Width  string
	Path   string
	EndX   px
	EndY   px
	LabelX px
	LabelY px
	Label  string
}

type chartDot struct {
	X, Y   px
	Title  string
	Label  string
	LabelY px
}

type chartRow struct {
	Date    string
	Total   int
	ByModel []int
}

// chartView is everything the template needs to draw the agreements-over-time chart.
type chartView struct {
	Empty          bool
	W, H           int
	X0, X1, Y0, Y1 px
	Desc           string
	YTicks         []tick
	XTicks         []tick
	Lines          []chartLine
	Dots           []chartDot
	Models         []string
	Rows           []chartRow
	// Stop says that the series ends at the newest agreement source, before the report's date.
	Stop string
}

// buildChart lays out the series: a line for all agreements in force, one dashed line per model,
// year ticks on the x axis, value labels where the count changes. sourcesEnd, when the report's
// date is after it, is said in the chart's description: the series stops there.
func buildChart(series []resolver.Point, sourcesEnd, asOf string) (chartView, error) {
	cv := chartView{W: chartW, H: chartH, X0: chartLeft, X1: chartW - chartRight, Y0: chartH - chartBottom, Y1: chartTop}
	if len(series) == 0 {
		cv.Empty = true
		return cv, nil
	}
	type pt struct {
		p   resolver.Point
		day float64
	}
	pts := make([]pt, 0, len(series))
	for i, p := range series {
		t, err := time.Parse(time.DateOnly, p.Date)
		if err != nil {
			return cv, fmt.Errorf("series point %d: date %q is not YYYY-MM-DD", i, p.Date)
		}
		pts = append(pts, pt{p, float64(t.Unix() / 86400)})
	}
	slices.SortStableFunc(pts, func(a, b pt) int { return cmp.Compare(a.day, b.day) })

	modelSet := map[string]bool{}
	maxV := 0
	for _, q := range pts {
		maxV = max(maxV, q.p.Agreements)
		for m, n := range q.p.ByModel {
			modelSet[m] = true
			maxV = max(maxV, n)
		}
	}
	cv.Models = slices.Sorted(maps.Keys(modelSet))

	// y scale: a round maximum, four or five gridlines.
	step := niceStep(float64(maxV) / 4)
	top := math.Ceil(float64(maxV)/step) * step
	if top == 0 {
		top = step
	}
	y := func(v int) px { return px(float64(cv.Y0) - float64(v)/top*float64(cv.Y0-cv.Y1)) }
	for v := 0.0; v <= top+step/2; v += step {
		cv.YTicks = append(cv.YTicks, tick{y(int(v)), strconv.Itoa(int(v))})
	}

	// x scale: by day, from the first point to the last.
	d0, d1 := pts[0].day, pts[len(pts)-1].day
	x := func(day float64) px {
		if d1 == d0 {
			return (cv.X0 + cv.X1) / 2
		}
		return px(float64(cv.X0) + (day-d0)/(d1-d0)*float64(cv.X1-cv.X0))
	}
	t0 := time.Unix(int64(d0)*86400, 0).UTC()
	t1 := time.Unix(int64(d1)*86400, 0).UTC()
	var years []int
	for yr := t0.Year(); yr <= t1.Year(); yr++ {
		jan := float64(time.Date(yr, 1, 1, 0, 0, 0, 0, time.UTC).Unix() / 86400)
		if jan >= d0 && jan <= d1 {
			years = append(years, yr)
		}
	}
	if len(years) >= 2 {
		every := (len(years) + 9) / 10
		for i, yr := range years {
			if i%every == 0 {
				jan := float64(time.Date(yr, 1, 1, 0, 0, 0, 0, time.UTC).Unix() / 86400)
				cv.XTicks = append(cv.XTicks, tick{x(jan), strconv.Itoa(yr)})
			}
		}
	} else {
		// A short span: label the points' own dates, as many as fit.
		last := math.Inf(-1)
		for _, q := range pts {
			if float64(x(q.day))-last >= 84 {
				cv.XTicks = append(cv.XTicks, tick{x(q.day), q.p.Date})
				last = float64(x(q.day))
			}
		}
	}

	// Lines: all agreements first, then one per model.
	var ends []*chartLine
	path := func(val func(resolver.Point) int) (string, px, px) {
		var b strings.Builder
		for i, q := range pts {
			if i == 0 {
				b.WriteString("M")
			} else {
				b.WriteString(" L")
			}
			fmt.Fprintf(&b, "%s %s", x(q.day), y(val(q.p)))
		}
		lastPt := pts[len(pts)-1]
		return b.String(), x(lastPt.day), y(val(lastPt.p))
	}
	last := pts[len(pts)-1].p
	d, lx, ly := path(func(p resolver.Point) int { return p.Agreements })
	cv.Lines = append(cv.Lines, chartLine{Name: "all models", Color: "#000000", Width: "3", Path: d, EndX: lx, EndY: ly, LabelX: lx + 14, LabelY: ly,
		Label: fmt.Sprintf("all models: %d", last.Agreements)})
	for i, m := range cv.Models {
		st := modelStyles[i%len(modelStyles)]
		d, lx, ly := path(func(p resolver.Point) int { return p.ByModel[m] })
		cv.Lines = append(cv.Lines, chartLine{Name: m, Color: st.color, Dash: st.dash, Width: "2.5", Path: d, EndX: lx, EndY: ly, LabelX: lx + 14, LabelY: ly,
			Label: fmt.Sprintf("%s: %d", m, last.ByModel[m])})
	}
	for i := range cv.Lines {
		ends = append(ends, &cv.Lines[i])
	}
	spreadLabels(ends, float64(cv.Y1), float64(cv.Y0)+6)

	// Dots on the total line, with a value label where the count changes (and at both ends),
	// unless it would overlap a label already placed.
	type box struct{ x0, x1, y0, y1 float64 }
	var placed []box
	fits := func(b box) bool {
		for _, o := range placed {
			if b.x0 < o.x1 && o.x0 < b.x1 && b.y0 < o.y1 && o.y0 < b.y1 {
				return false
			}
		}
		return true
	}
	labelBox := func(cx, cy float64, s string) box {
		w := 7.5*float64(len(s)) + 4
		return box{cx - w/2, cx + w/2, cy - 22, cy - 6}
	}
	want := make([]bool, len(pts))
	for i, q := range pts {
		want[i] = i == 0 || i == len(pts)-1 || q.p.Agreements != pts[i-1].p.Agreements
	}
	cv.Dots = make([]chartDot, len(pts))
	order := []int{len(pts) - 1}
	for i := 0; i < len(pts)-1; i++ {
		order = append(order, i)
	}
	for _, i := range order {
		q := pts[i]
		cx, cy := float64(x(q.day)), float64(y(q.p.Agreements))
		dot := chartDot{X: px(cx), Y: px(cy), Title: fmt.Sprintf("%s: %d agreements in force", q.p.Date, q.p.Agreements)}
		if want[i] {
			// Above the dot if there is room, else below it.
			s := strconv.Itoa(q.p.Agreements)
			for _, dy := range []float64{-10, 20} {
				if b := labelBox(cx, cy+dy+10, s); fits(b) && b.y1 < float64(cv.Y0) {
					placed = append(placed, b)
					dot.Label, dot.LabelY = s, px(cy+dy)
					break
				}
			}
		}
		cv.Dots[i] = dot
	}

	for _, q := range pts {
		r := chartRow{Date: q.p.Date, Total: q.p.Agreements}
		for _, m := range cv.Models {
			r.ByModel = append(r.ByModel, q.p.ByModel[m])
		}
		cv.Rows = append(cv.Rows, r)
	}
	first := pts[0].p
	cv.Desc = fmt.Sprintf("Agreements in force from %s (%d) to %s (%d), on %d dates.", first.Date, first.Agreements, last.Date, last.Agreements, len(pts))
	if sourcesEnd != "" && sourcesEnd < asOf {
		cv.Stop = fmt.Sprintf("The chart stops at %s, the date of the newest ICE source the facts hold; agreements signed or ended since then are not in the facts, so the count after it is unknown, not flat.", sourcesEnd)
		cv.Desc += " " + cv.Stop
	}
	return cv, nil
}

// niceStep rounds a raw gridline step up to 1, 2, 2.5 or 5 times a power of ten, and at least 1.
func niceStep(raw float64) float64 {
	if raw <= 1 {
		return 1
	}
	pow := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if m*pow >= raw {
			return m * pow
		}
	}
	return 10 * pow
}

// spreadLabels moves the lines' end labels apart vertically so that no two overlap, keeping them
// within [lo, hi].
func spreadLabels(ls []*chartLine, lo, hi float64) {
	const gap = 15
	slices.SortStableFunc(ls, func(a, b *chartLine) int { return cmp.Compare(a.LabelY, b.LabelY) })
	for i := 1; i < len(ls); i++ {
		if float64(ls[i].LabelY) < float64(ls[i-1].LabelY)+gap {
			ls[i].LabelY = ls[i-1].LabelY + gap
		}
	}
	if n := len(ls); n > 0 && float64(ls[n-1].LabelY) > hi {
		ls[n-1].LabelY = px(hi)
		for i := n - 2; i >= 0; i-- {
			if float64(ls[i].LabelY) > float64(ls[i+1].LabelY)-gap {
				ls[i].LabelY = ls[i+1].LabelY - gap
			}
		}
	}
	for _, l := range ls {
		l.LabelY = px(math.Max(lo, float64(l.LabelY)))
	}
}
