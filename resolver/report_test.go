package resolver

import (
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestReportNewMexicoConflicts: on 2026-06-01 the agreements New Mexico agencies still hold
// conflict with HB 9, in force since 2026-05-20.
func TestReportNewMexicoConflicts(t *testing.T) {
	r := newResolver(t)
	rep, err := r.Report(context.Background(), ReportQuery{AsOf: "2026-06-01"})
	require.NoError(t, err)
	var nm []AgreementConflict
	for _, c := range rep.Conflicts {
		if strings.HasPrefix(c.Agency, "us/nm/") {
			nm = append(nm, c)
		}
	}
	require.NotEmpty(t, nm)
	for _, c := range nm {
		require.Equal(t, "us/nm/hb-9-2026", c.Law)
		require.Equal(t, "2026-05-20", c.Since)
	}
	before, err := r.Report(context.Background(), ReportQuery{AsOf: "2026-05-19", State: "NM"})
	require.NoError(t, err)
	require.Empty(t, before.Conflicts, "HB 9 is not in force the day before")
	require.Equal(t, "bans", rep.Summary.States["NM"].Posture)
	require.Equal(t, "requires", rep.Summary.States["TX"].Posture)
	require.Equal(t, "neither", rep.Summary.States["OH"].Posture)
}

// TestReportTexasMandate: on 2026-12-02 Texas sheriffs that run jails and hold no agreement are
// unmet under Tex. Gov't Code § 753.051; sheriffs holding one are not listed.
func TestReportTexasMandate(t *testing.T) {
	r := newResolver(t)
	ctx := context.Background()
	rep, err := r.Report(ctx, ReportQuery{AsOf: "2026-12-02", State: "TX"})
	require.NoError(t, err)
	require.NotEmpty(t, rep.MissingRequired)
	listed := map[string]bool{}
	for _, m := range rep.MissingRequired {
		require.True(t, strings.HasSuffix(m.Agency, "/sheriff"), m.Agency)
		require.Contains(t, m.Citation, "753.051")
		listed[m.Agency] = true
	}
	require.True(t, listed["us/tx/travis-county/sheriff"], "Travis County's sheriff holds no agreement in the facts")
	// a sheriff with an agreement in force is not listed
	d, err := r.Agency(ctx, AgencyQuery{Agency: "us/tx/hamilton-county/sheriff", Model: "task-force", AsOf: "2026-12-02"})
	require.NoError(t, err)
	require.True(t, d.Satisfied)
	require.False(t, listed["us/tx/hamilton-county/sheriff"])
	// the day before SB 8 takes effect, no mandate is unmet
	before, err := r.Report(ctx, ReportQuery{AsOf: "2025-12-31", State: "TX"})
	require.NoError(t, err)
	require.Empty(t, before.MissingRequired)
	// Austin's policy is bypassed by the state agencies' task force agreements
	require.NotEmpty(t, rep.Bypassed)
	require.Equal(t, "us/tx/austin", rep.Bypassed[0].Locality)
}

// TestMergedStatesEqualTheNation: the report computed state by state (as the CLI does when it
// shows progress) equals the one national query.
func TestMergedStatesEqualTheNation(t *testing.T) {
	r := newResolver(t)
	ctx := context.Background()
	nation, err := r.Report(ctx, ReportQuery{AsOf: "2026-06-01"})
	require.NoError(t, err)
	var parts []*Report
	for _, st := range []string{"AK", "AL", "AR", "AZ", "CA", "CO", "CT", "DC", "DE", "FL", "GA", "HI", "IA", "ID", "IL", "IN", "KS", "KY", "LA", "MA", "MD", "ME", "MI", "MN", "MO", "MS", "MT", "NC", "ND", "NE", "NH", "NJ", "NM", "NV", "NY", "OH", "OK", "OR", "PA", "PR", "RI", "SC", "SD", "TN", "TX", "UT", "VA", "VT", "WA", "WI", "WV", "WY", "AS", "GU", "MP", "VI"} {
		p, err := r.Report(ctx, ReportQuery{AsOf: "2026-06-01", State: st})
		require.NoError(t, err)
		parts = append(parts, p)
	}
	require.Equal(t, nation, MergeReports(parts...))
}

func TestTimeline(t *testing.T) {
	r := newResolver(t)
	ctx := context.Background()
	ch, err := r.Timeline(ctx, TimelineQuery{ID: "us/tx/travis-county/sheriff", Model: "jail-enforcement"})
	require.NoError(t, err)
	var sb8 *Change
	for i := range ch {
		if ch[i].Date == "2026-01-01" {
			sb8 = &ch[i]
		}
	}
	require.NotNil(t, sb8, "SB 8 changes the answer on 2026-01-01: %+v", ch)
	require.Contains(t, sb8.Changed, "required: false -> true")
	require.Contains(t, strings.Join(sb8.Because, "; "), "753.051")

	ch, err = r.Timeline(ctx, TimelineQuery{ID: "us/tx/austin"})
	require.NoError(t, err)
	dates := map[string]Change{}
	for _, c := range ch {
		dates[c.Date] = c
	}
	require.Contains(t, dates["2018-11-01"].Changed, "policy us/tx/austin/freedom-city-2018: not-in-force -> unresolved")
	require.Contains(t, dates["2025-01-30"].Changed, "bypassed: false -> true")

	_, err = r.Timeline(ctx, TimelineQuery{ID: "us/tx/austin", Model: "task-force"})
	require.Error(t, err)
	_, err = r.Timeline(ctx, TimelineQuery{ID: "us/tx/nowhere"})
	require.Error(t, err)
}
