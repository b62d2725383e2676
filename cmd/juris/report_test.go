package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/jurisproject/juris/resolver"
)

// TestReportDoneCriteria: the two dates, in every text format, deterministic.
func TestReportDoneCriteria(t *testing.T) {
	code, out, stderr := juris(t, "report", "--as-of", "2026-06-01", "--format", "json")
	require.Equal(t, 0, code, stderr)
	require.Empty(t, stderr, "no progress bar when stderr is not a terminal")
	var top map[string]json.RawMessage
	require.NoError(t, json.Unmarshal([]byte(out), &top))
	keys := []string{}
	for k := range top {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	require.Equal(t, []string{"bypassed", "conflicts", "missing_required", "summary"}, keys)
	var rep struct {
		Conflicts []struct{ Agency, Law, Citation, Since string }
	}
	require.NoError(t, json.Unmarshal([]byte(out), &rep))
	nm := 0
	for _, c := range rep.Conflicts {
		if strings.HasPrefix(c.Agency, "us/nm/") {
			nm++
			require.Equal(t, "us/nm/hb-9-2026", c.Law)
		}
	}
	require.Greater(t, nm, 0, "New Mexico's remaining agreements conflict with HB 9")
	_, again, _ := juris(t, "report", "--as-of", "2026-06-01", "--format", "json")
	require.Equal(t, out, again, "byte-identical on a second run")

	code, out, stderr = juris(t, "report", "--as-of", "2026-12-02", "--state", "TX")
	require.Equal(t, 0, code, stderr)
	require.Contains(t, out, "Travis County Sheriff's Office (us/tx/travis-county/sheriff): required by Tex. Gov't Code § 753.051")
	require.Contains(t, out, "not legal advice")

	code, out, _ = juris(t, "report", "--as-of", "2026-12-02", "--state", "TX", "--format", "markdown")
	require.Equal(t, 0, code)
	require.Contains(t, out, "# 287(g) landscape: TX, 2026-12-02")
	require.Contains(t, out, "[Tex. Gov't Code § 753.051](https://")

	file := filepath.Join(t.TempDir(), "report.csv")
	code, out, _ = juris(t, "report", "--as-of", "2026-06-01", "--format", "csv", "-o", file)
	require.Equal(t, 0, code)
	require.Contains(t, out, "wrote "+file)
	f, err := os.Open(file)
	require.NoError(t, err)
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	require.NoError(t, err)
	require.Equal(t, []string{"section", "state", "id", "name", "model", "law", "citation", "url", "since", "detail"}, rows[0])
	sections := map[string]int{}
	for _, r := range rows[1:] {
		sections[r[0]]++
	}
	require.Greater(t, sections["conflict"], 0)
	require.Greater(t, sections["missing_required"], 0)
	require.Greater(t, sections["bypassed"], 0)
	require.Greater(t, sections["state_law"], 0)

	code, _, stderr = juris(t, "report", "--format", "pdf")
	require.Equal(t, 2, code)
	require.Contains(t, stderr, "valid formats for report")
	code, _, stderr = juris(t, "stats", "-o", file)
	require.NotEqual(t, 0, code)
	require.Contains(t, stderr, "-o applies to juris report only")
}

func TestTimelineCLI(t *testing.T) {
	code, out, stderr := juris(t, "timeline", "us/tx/austin")
	require.Equal(t, 0, code, stderr)
	require.Contains(t, out, "2025-01-30: bypassed: false -> true")
	code, out, stderr = juris(t, "timeline", "Curry County Sheriff, NM", "--model", "task-force", "--format", "json")
	require.Equal(t, 0, code, stderr)
	require.Contains(t, out, `"allowed: true -> false"`)
	require.Contains(t, out, `"date": "2026-05-20"`)
}

// TestReportHTML: -o writes one self-contained page: no external scripts, styles, fonts or
// images, the map and the chart inline, the disclaimer present; the same bytes twice.
func TestReportHTML(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.html"), filepath.Join(dir, "b.html")
	for _, f := range []string{a, b} {
		code, _, stderr := juris(t, "report", "--as-of", "2026-06-01", "--format", "html", "-o", f)
		require.Equal(t, 0, code, stderr)
	}
	pa, err := os.ReadFile(a)
	require.NoError(t, err)
	pb, err := os.ReadFile(b)
	require.NoError(t, err)
	require.Equal(t, string(pa), string(pb))
	page := string(pa)
	require.Contains(t, page, "<svg")
	require.Contains(t, page, "not legal advice")
	require.Contains(t, page, "N.M. H.B. 9")
	for _, external := range []string{"<script src", "<link", "@import", "url(http", "<img src=\"http"} {
		require.NotContains(t, page, external)
	}
	seriesDates, err := seriesDates("2026-06-01", []string{"2025-05-16", "2025-07-18", "2026-09-14"})
	require.NoError(t, err)
	require.Equal(t, "2025-01-01", seriesDates[0])
	require.Contains(t, seriesDates, "2025-07-18")
	require.NotContains(t, seriesDates, "2026-09-14", "no point after the series' end")
	require.Equal(t, "2026-06-01", seriesDates[len(seriesDates)-1])
}

// TestChartStopsWhereTheSourcesEnd is a regression test: the chart of agreements over time drew a
// flat line from the newest ICE source to the report's date, which reads as "growth stopped". It
// now ends at the newest source and says so.
func TestChartStopsWhereTheSourcesEnd(t *testing.T) {
	out := filepath.Join(t.TempDir(), "r.html")
	code, _, stderr := juris(t, "report", "--as-of", "2026-11-30", "--state", "TX", "--format", "html", "-o", out)
	require.Equal(t, 0, code, stderr)
	b, err := os.ReadFile(out)
	require.NoError(t, err)
	page := string(b)
	require.Contains(t, page, "The chart stops at 2026-09-14")
	require.NotContains(t, page, "<td>2026-11-30</td>", "no chart row after the sources end")
}

// TestProgressBar: on a terminal the national report is computed state by state behind a
// progress bar; the result is the one national query's.
func TestProgressBar(t *testing.T) {
	ctx := context.Background()
	r, err := resolver.New(ctx)
	require.NoError(t, err)
	var bar bytes.Buffer
	got, err := reportByState(ctx, r, "2026-06-01", &bar)
	require.NoError(t, err)
	require.Contains(t, bar.String(), "report [")
	require.Contains(t, bar.String(), "56/56 WY")
	want, err := r.Report(ctx, resolver.ReportQuery{AsOf: "2026-06-01"})
	require.NoError(t, err)
	require.Equal(t, want, got)
	require.False(t, isTerminal(&bar))
}

// TestCoverageDocIsCurrent keeps docs/coverage.md what the facts give: after changing a fact,
// run `go run ./cmd/juris coverage -o docs/coverage.md`.
func TestCoverageDocIsCurrent(t *testing.T) {
	code, out, stderr := juris(t, "coverage", "--check", filepath.Join("..", "..", coverageFile))
	require.Equal(t, 0, code, "%s%s", out, stderr)
}

// TestCoverageTableSaysWhatWasNotResearched checks the table against the facts: every state and
// DC has a row with a survey; a state with no survey would be marked not researched.
func TestCoverageTableSaysWhatWasNotResearched(t *testing.T) {
	code, out, stderr := juris(t, "coverage")
	require.Equal(t, 0, code, stderr)
	for _, usps := range []string{"AL", "ME", "VT", "VA", "DC", "WY"} {
		require.Regexp(t, `\| [A-Za-z ]+ \(`+usps+`\) \| [a-z-]+ \| 2026-11-30: `, out, "a surveyed row for %s", usps)
	}
	require.Contains(t, out, "| Puerto Rico (PR) | not-researched | **not researched** |")
	require.Contains(t, out, "5 M.R.S. ch. 337-E")
}

// TestOpenQuestionsInEveryAnswer: the questions a survey left unresearched (checked.open) are
// named in the text and JSON answers that rest on it, and in the coverage table.
func TestOpenQuestionsInEveryAnswer(t *testing.T) {
	const q = "Whether Resolution 31730 (2017) binds city agencies"
	code, out, stderr := juris(t, "locality", "us/wa/seattle", "--as-of", "2026-11-30")
	require.Equal(t, 0, code, stderr)
	require.Contains(t, out, "NOT RESEARCHED: "+q)
	code, out, stderr = juris(t, "agency", "us/wa/seattle/police", "--model", "task-force", "--as-of", "2026-11-30", "--format", "json")
	require.Equal(t, 0, code, stderr)
	var d struct {
		Coverage struct {
			LocalPolicies []struct {
				Jurisdiction string   `json:"jurisdiction"`
				Open         []string `json:"open"`
			} `json:"local_policies"`
		} `json:"coverage"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &d))
	require.Len(t, d.Coverage.LocalPolicies, 1)
	require.Equal(t, "us/wa/seattle", d.Coverage.LocalPolicies[0].Jurisdiction)
	require.Contains(t, strings.Join(d.Coverage.LocalPolicies[0].Open, "\n"), q)
	code, out, stderr = juris(t, "coverage")
	require.Equal(t, 0, code, stderr)
	require.Contains(t, out, "**not researched:** "+q)
}
