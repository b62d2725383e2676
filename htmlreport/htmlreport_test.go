package htmlreport

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/jurisproject/juris/internal/testenv"
	"github.com/jurisproject/juris/resolver"
)

// handReport is a small report with one state of each posture, a finding of each kind, and
// some hostile text.
func handReport() *resolver.Report {
	return &resolver.Report{
		Conflicts: []resolver.AgreementConflict{
			{Agency: "us/md/allegany-county/sheriff", AgencyName: "Allegany County Sheriff", Model: "warrant-service-officer",
				Agreement: "us/md/allegany-county/sheriff#warrant-service-officer#2025-06-12", Law: "us/md/crim-proc-5-104-1",
				Citation: "Md. Code Ann., Crim. Proc. § 5-104.1", URL: "https://mgaleg.maryland.gov/mgawebsite/Legislation/Details/hb0444",
				Since: "2026-02-17", LastListed: "2025-10-13", Verified: true},
			{Agency: "us/md/evil/sheriff", AgencyName: "<script>alert('agency')</script>", Model: "jail-enforcement",
				Agreement: "us/md/evil/sheriff#jail-enforcement#2025-01-01", Law: "us/md/crim-proc-5-104-1",
				Citation: `"><img src=x onerror=alert(1)>`, URL: "javascript:alert(1)", Since: "2026-02-17", Verified: false},
		},
		MissingRequired: []resolver.MissingRequired{
			{Agency: "us/tx/anderson-county/sheriff", AgencyName: "Anderson County Sheriff", Law: "us/tx/gov-code-753-051",
				Citation: "Tex. Gov't Code § 753.051", URL: "https://capitol.texas.gov/tlodocs/89R/billtext/html/SB00008F.htm", Since: "2025-09-01"},
		},
		Bypassed: []resolver.BypassedPolicy{
			{Locality: "us/tx/austin", LocalityName: "Austin", Policy: "us/tx/austin/freedom-city-2018",
				Citation: "Austin City Council, Agenda Item 74 (June 14, 2018)",
				By:       []resolver.BypassVia{{Agency: "us/tx/national-guard", AgencyName: "Texas National Guard", Model: "task-force", Channel: "patrol"}}},
		},
		Summary: resolver.ReportSummary{
			AsOf: "2026-06-01", Revision: "e7bffcc08cd6b110", Version: "0.1.0",
			AgreementsInForce: 1677, Conflicts: 2, MissingRequired: 1, Bypassed: 1,
			Postures: map[string]int{"bans": 1, "requires": 1, "restricts": 1, "neither": 1},
			States: map[string]resolver.StatePosture{
				"MD": {Name: "<script>alert('state')</script>", Posture: "bans", Laws: []resolver.StateLaw{
					{Law: "us/md/crim-proc-5-104-1", Citation: "Md. Code Ann., Crim. Proc. § 5-104.1",
						URL: "https://mgaleg.maryland.gov/mgawebsite/Legislation/Details/hb0444", Effect: "forbids", Verified: true}}},
				"TX": {Name: "Texas", Posture: "requires", Laws: []resolver.StateLaw{
					{Law: "us/tx/gov-code-753-051", Citation: "Tex. Gov't Code § 753.051",
						URL: "https://capitol.texas.gov/tlodocs/89R/billtext/html/SB00008F.htm", Effect: "requires", Duty: "enter", Verified: true}}},
				"CO": {Name: "Colorado", Posture: "restricts", Laws: []resolver.StateLaw{
					{Law: "us/co/crs-24-76.6-102", Citation: "Colo. Rev. Stat. § 24-76.6-102", URL: "ftp://example.org/x", Effect: "restricts", Verified: false}}},
				"NY": {Name: "New York", Posture: "neither"},
			},
		},
	}
}

func handSeries() []resolver.Point {
	return []resolver.Point{
		{Date: "2026-01-01", Agreements: 1245, ByModel: map[string]int{"jail-enforcement": 152, "task-force": 651, "warrant-service-officer": 442}},
		{Date: "2020-01-01", Agreements: 45, ByModel: map[string]int{"warrant-service-officer": 45}},
		{Date: "2025-01-01", Agreements: 134, ByModel: map[string]int{"jail-enforcement": 60, "warrant-service-officer": 74}},
		{Date: "2026-06-01", Agreements: 1677, ByModel: map[string]int{"jail-enforcement": 184, "task-force": 1003, "warrant-service-officer": 490}},
	}
}

func render(t *testing.T, rep *resolver.Report, series []resolver.Point) string {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, Render(&b, rep, series))
	return b.String()
}

func TestRenderHasTitleLegendAndEveryTile(t *testing.T) {
	out := render(t, handReport(), handSeries())
	require.True(t, strings.HasPrefix(out, "<!DOCTYPE html>"))
	require.Contains(t, out, "<title>287(g) landscape: United States, as of 2026-06-01</title>")
	require.Contains(t, out, resolver.Disclaimer)
	require.Contains(t, out, "e7bffcc08cd6b110")
	require.Contains(t, out, "juris 0.1.0")

	require.Contains(t, out, `id="legend"`)
	for _, p := range postures {
		require.Contains(t, out, `<li class="p-`+p.Key+`">`, "legend entry for %s", p.Key)
		require.Contains(t, out, `id="pat-`+p.Key+`"`, "pattern for %s", p.Key)
	}
	// Every grid place has a tile with its code; the states in the report show their posture
	// in words, the others "n/a".
	for code := range grid {
		require.Regexp(t, `<text class="code" x="\d+" y="\d+" text-anchor="middle">`+code+`</text>`, out, "tile %s", code)
	}
	require.Len(t, regexp.MustCompile(`<text class="code"`).FindAllString(out, -1), len(grid))
	require.Regexp(t, `class="tile p-requires" aria-label="Texas: requires; 1 state law in force"><title>`, out)
	require.Regexp(t, `class="tile p-neither" role="img" aria-label="New York: neither; no state law in force in the facts">`, out)
	require.Regexp(t, `class="tile p-none" role="img" aria-label="Ohio: not covered by this report">`, out)
	// Tiles link to the states' sections, which exist; a state with nothing to show has none.
	for _, code := range []string{"MD", "TX", "CO"} {
		require.Contains(t, out, `<a href="#st-`+code+`" class="tile`)
		require.Contains(t, out, `<section class="state" id="st-`+code+`">`)
	}
	require.NotContains(t, out, `id="st-NY"`)
	require.NotContains(t, out, `href="#st-NY"`)
	// Sections come in USPS order.
	require.Less(t, strings.Index(out, `id="st-CO"`), strings.Index(out, `id="st-MD"`))
	require.Less(t, strings.Index(out, `id="st-MD"`), strings.Index(out, `id="st-TX"`))

	require.Contains(t, out, `<span class="n">1677</span><span class="l">agreements in force</span>`)
	require.Contains(t, out, `<span class="swatch p-bans"></span>bans <strong>1</strong>`)
}

func TestRenderEscapesHostileText(t *testing.T) {
	out := render(t, handReport(), handSeries())
	require.NotContains(t, strings.ToLower(out), "<script")
	require.NotContains(t, out, "<img")
	require.NotContains(t, out, "javascript:")
	require.Contains(t, out, "&lt;script&gt;alert(&#39;agency&#39;)&lt;/script&gt;")
	require.Contains(t, out, "&lt;script&gt;alert(&#39;state&#39;)&lt;/script&gt; (MD)")
	require.Contains(t, out, "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;")
}

func TestRenderLinksCitations(t *testing.T) {
	out := render(t, handReport(), handSeries())
	tx := `<a href="https://capitol.texas.gov/tlodocs/89R/billtext/html/SB00008F.htm" rel="noopener noreferrer">Tex. Gov&#39;t Code § 753.051</a>`
	require.Equal(t, 2, strings.Count(out, tx), "the law's row and the unmet mandate both link the citation")
	md := `<a href="https://mgaleg.maryland.gov/mgawebsite/Legislation/Details/hb0444" rel="noopener noreferrer">Md. Code Ann., Crim. Proc. § 5-104.1</a>`
	require.Equal(t, 2, strings.Count(out, md), "the law's row and the conflict both link the citation")
	// Only http(s) URLs become links.
	require.NotContains(t, out, "ftp://")
	require.Contains(t, out, "<td>Colo. Rev. Stat. § 24-76.6-102<span class=\"id\">")
	// The conflict flags: unverified agreement, and one that began after its last listing.
	require.Contains(t, out, "unverified agreement</span>")
	require.Contains(t, out, "may have ended unrecorded</span>")
	require.Contains(t, out, "<li>Texas National Guard · task-force · patrol</li>")
}

func TestRenderIsDeterministicAndSelfContained(t *testing.T) {
	first := render(t, handReport(), handSeries())
	for range 5 {
		require.Equal(t, first, render(t, handReport(), handSeries()))
	}
	// Nothing is loaded from elsewhere: no script, stylesheet, image, frame or font.
	for _, re := range []string{`(?i)<(script|link|img|iframe|object|embed)\b`, `(?i)<[^>]*\s(src|srcset|xlink:href)=`, `(?i)@import|@font-face|url\(\s*['"]?(https?:|//)`} {
		require.False(t, regexp.MustCompile(re).MatchString(first), "the page matches %s", re)
	}
	require.Contains(t, first, "<style>")
	require.Contains(t, first, "<svg")
}

func TestRenderChart(t *testing.T) {
	out := render(t, handReport(), handSeries())
	require.Contains(t, out, `aria-labelledby="chart-title chart-desc"`)
	require.Contains(t, out, `<title id="chart-title">Agreements in force over time</title>`)
	require.Contains(t, out, "Agreements in force from 2020-01-01 (45) to 2026-06-01 (1677), on 4 dates.")
	require.Regexp(t, `<path d="M[0-9. ]+( L[0-9. ]+){3}" fill="none" stroke="#000000"`, out)
	for _, yr := range []string{"2020", "2021", "2022", "2023", "2024", "2025", "2026"} {
		require.Regexp(t, `text-anchor="middle">`+yr+`</text>`, out, "year tick %s", yr)
	}
	require.Contains(t, out, `text-anchor="middle">1677</text>`)
	require.Contains(t, out, ">task-force: 1003</text>")
	require.Contains(t, out, "<tr><td>2025-01-01</td><td class=\"num\">134</td><td class=\"num\">60</td><td class=\"num\">0</td><td class=\"num\">74</td></tr>")

	require.Contains(t, render(t, handReport(), nil), "No dates were given for this chart.")
	require.Error(t, Render(&bytes.Buffer{}, handReport(), []resolver.Point{{Date: "June 2026"}}))
	require.Error(t, Render(&bytes.Buffer{}, nil, nil))
}

func TestRenderOneState(t *testing.T) {
	rep := &resolver.Report{Summary: resolver.ReportSummary{AsOf: "2026-06-01", State: "TX", Revision: "r", Version: "v",
		Postures: map[string]int{"requires": 1},
		States:   map[string]resolver.StatePosture{"TX": {Name: "Texas", Posture: "requires"}}}}
	out := render(t, rep, nil)
	require.Contains(t, out, "<h1>287(g) landscape: Texas, as of 2026-06-01</h1>")
	require.Contains(t, out, `<li class="p-none">`, "the legend explains the tiles the report does not cover")
	require.Contains(t, out, "No state has a state law in force")
}

func TestRenderPlacesCodesOffTheGridAndOnePoint(t *testing.T) {
	rep := handReport()
	rep.Summary.States["GU"] = resolver.StatePosture{Name: "Guam", Posture: "undecided"}
	out := render(t, rep, []resolver.Point{{Date: "2026-06-01", Agreements: 7}})
	require.Contains(t, out, `viewBox="0 0 704 576"`, "an extra row below the grid")
	require.Contains(t, out, `aria-label="Guam: posture undecided"><title>Guam: posture undecided</title><rect x="3" y="515"`)
	require.Contains(t, out, `<li class="p-other">`)
	require.Contains(t, out, `text-anchor="middle">2026-06-01</text>`, "one point: its date labels the axis")
	require.Contains(t, out, `text-anchor="middle">7</text>`)
}

// chromium finds a headless browser: $JURIS_CHROMIUM, else chromium, chromium-browser or
// google-chrome in PATH.
func chromium() string {
	if p := os.Getenv("JURIS_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// TestRendersInHeadlessChromium renders the real report for 2026-06-01, with agreements over
// time, takes a screenshot in headless Chromium and checks that the page is drawn: not blank,
// and showing every posture colour.
func TestRendersInHeadlessChromium(t *testing.T) {
	browser := chromium()
	if browser == "" {
		testenv.Need(t, "no Chromium found (set JURIS_CHROMIUM, or put chromium in PATH: apt-get install -y chromium)")
	}
	if testing.Short() {
		t.Skip("-short: skipping the headless browser test")
	}
	ctx := context.Background()
	start := time.Now()
	r, err := resolver.New(ctx)
	require.NoError(t, err)
	// One query at a time: under -race each evaluation takes much memory.
	rep, err := r.Report(ctx, resolver.ReportQuery{AsOf: "2026-06-01"})
	require.NoError(t, err)
	var series []resolver.Point
	for _, d := range []string{"2020-01-01", "2022-01-01", "2025-01-01", "2025-07-01", "2026-01-01", "2026-06-01"} {
		st, err := r.Stats(ctx, resolver.StatsQuery{AsOf: d})
		require.NoError(t, err)
		series = append(series, resolver.Point{Date: d, Agreements: st.Agreements, ByModel: st.ByModel})
	}
	t.Logf("report and %d points computed in %s", len(series), time.Since(start).Round(time.Millisecond))

	dir := t.TempDir()
	page := filepath.Join(dir, "report.html")
	shot := filepath.Join(dir, "report.png")
	var b bytes.Buffer
	require.NoError(t, Render(&b, rep, series))
	require.NoError(t, os.WriteFile(page, b.Bytes(), 0o644))

	cctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(cctx, browser,
		"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--hide-scrollbars", "--user-data-dir="+filepath.Join(dir, "profile"),
		"--screenshot="+shot, "--window-size=1280,2000", "file://"+page)
	shotStart := time.Now()
	outb, err := cmd.CombinedOutput()
	require.NoError(t, err, "chromium: %s", outb)
	t.Logf("chromium took %s", time.Since(shotStart).Round(time.Millisecond))

	f, err := os.Open(shot)
	require.NoError(t, err, "no screenshot; chromium said: %s", outb)
	defer f.Close()
	img, err := png.Decode(f)
	require.NoError(t, err)
	if d := os.Getenv("JURIS_SCREENSHOT_DIR"); d != "" {
		require.NoError(t, os.MkdirAll(d, 0o755))
		raw, err := os.ReadFile(shot)
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(filepath.Join(d, "report.png"), raw, 0o644))
		require.NoError(t, os.WriteFile(filepath.Join(d, "report.html"), b.Bytes(), 0o644))
	}

	bounds := img.Bounds()
	require.Equal(t, 1280, bounds.Dx())
	total := bounds.Dx() * bounds.Dy()
	nonWhite, distinct, near := 0, map[[3]uint8]bool{}, make([]int, len(postures))
	want := make([][3]int, len(postures))
	for i, p := range postures {
		want[i] = hexRGB(p.Fill)
	}
	for y := bounds.Min.Y; y < bounds.Max.Y; y++ {
		for x := bounds.Min.X; x < bounds.Max.X; x++ {
			c := rgb(img, x, y)
			distinct[[3]uint8{uint8(c[0]), uint8(c[1]), uint8(c[2])}] = true
			if c[0] < 245 || c[1] < 245 || c[2] < 245 {
				nonWhite++
			}
			for i, w := range want {
				if abs(c[0]-w[0]) <= 8 && abs(c[1]-w[1]) <= 8 && abs(c[2]-w[2]) <= 8 {
					near[i]++
				}
			}
		}
	}
	t.Logf("screenshot %dx%d: %.1f%% non-white, %d distinct colours", bounds.Dx(), bounds.Dy(), 100*float64(nonWhite)/float64(total), len(distinct))
	require.Greater(t, nonWhite*100, total, "more than 1%% of the page is drawn")
	require.Greater(t, len(distinct), 64, "the page has text, tiles and a chart, not a flat fill")
	for i, p := range postures {
		t.Logf("posture %s (%s): %d pixels, %d states", p.Key, p.Fill, near[i], rep.Summary.Postures[p.Key])
		if rep.Summary.Postures[p.Key] > 0 {
			require.Greater(t, near[i], 500, "the map shows the %s colour %s", p.Key, p.Fill)
		}
	}
}

func rgb(img image.Image, x, y int) [3]int {
	r, g, b, _ := img.At(x, y).RGBA()
	return [3]int{int(r >> 8), int(g >> 8), int(b >> 8)}
}

func hexRGB(s string) [3]int {
	v, err := strconv.ParseUint(strings.TrimPrefix(s, "#"), 16, 32)
	if err != nil {
		panic(err)
	}
	return [3]int{int(v >> 16 & 0xff), int(v >> 8 & 0xff), int(v & 0xff)}
}

func abs(v int) int {
	if v < 0 {
		return -v
	}
	return v
}

// TestRenderSaysWhereTheSourcesEnd: when the report's date is after the newest agreement source,
// the chart says it stops there, in its description and under it.
func TestRenderSaysWhereTheSourcesEnd(t *testing.T) {
	rep := handReport()
	rep.Summary.AsOf = "2026-11-30"
	rep.Summary.SourcesEnd = "2026-09-14"
	out := render(t, rep, []resolver.Point{{Date: "2026-06-01", Agreements: 7}, {Date: "2026-09-14", Agreements: 9}})
	require.Contains(t, out, `<p class="stop">The chart stops at 2026-09-14, the date of the newest ICE source the facts hold`)
	rep.Summary.SourcesEnd = "2026-12-31"
	require.NotContains(t, render(t, rep, []resolver.Point{{Date: "2026-06-01", Agreements: 7}}), "The chart stops at")
}
