package resolver

import (
	"context"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/jurisproject/juris/jurisdictions"
)

func TestEvalDate(t *testing.T) {
	iv := &intervals{cuts: []string{"2020-01-01", "2020-01-02", "2020-03-01", "2020-03-02", "2020-03-03"}}
	for d, want := range map[string]string{
		"2019-06-01": "2019-12-31", // before every cut: the day before the first
		"2019-12-31": "2019-12-31",
		"2020-01-01": "2020-01-01", // a one-day interval
		"2020-01-02": "2020-01-03", // [01-02, 03-01): its second day
		"2020-02-15": "2020-01-03",
		"2020-03-01": "2020-03-01",
		"2020-03-02": "2020-03-02",
		"2020-03-03": "2020-03-04", // the last interval is open: its second day
		"2030-01-01": "2020-03-04",
	} {
		require.Equal(t, want, iv.evalDate(d), d)
	}
	require.Equal(t, "2021-05-05", (&intervals{}).evalDate("2021-05-05"))
}

// TestIntervalAnswersEqualUncached proves the date invariance the decision cache rests on: for
// agencies and localities of one state, on every date the facts name, the day before each, and
// random dates, the cached answer (evaluated on its interval's date, the date asked written back)
// equals the answer evaluated on the date itself. Agencies are asked on every such date; the
// localities, whose direct evaluation costs more, on every fourth fact date (and the day before
// it) and on the random dates. The policy must never do date arithmetic without this test failing.
func TestIntervalAnswersEqualUncached(t *testing.T) {
	ctx := context.Background()
	cached, err := New(ctx, WithStates("TX"))
	require.NoError(t, err)
	direct, err := New(ctx, WithStates("TX"), WithoutCache())
	require.NoError(t, err)

	localityDate := map[string]bool{}
	var dates []string
	for i, c := range cached.iv.cuts {
		dates = append(dates, c, prevDay(c))
		if i%4 == 0 {
			localityDate[c], localityDate[prevDay(c)] = true, true
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	start := time.Date(2010, 1, 1, 0, 0, 0, 0, time.UTC)
	for range 30 {
		d := start.AddDate(0, 0, rng.IntN(6200)).Format(time.DateOnly)
		dates = append(dates, d)
		localityDate[d] = true
	}
	slices.Sort(dates)
	dates = slices.Compact(dates)
	agencies := []string{"us/tx/travis-county/sheriff", "us/tx/williamson-county/sheriff", "us/tx/bexar-county/sheriff", "us/tx/austin/police", "us/tx/office-of-the-attorney-general"}
	localities := []string{"us/tx/austin", "us/tx/houston", "us/tx/el-paso-county"}
	n := 0
	for _, d := range dates {
		for _, a := range agencies {
			m := jurisdictions.Models()[n%3]
			q := AgencyQuery{Agency: a, Model: m, AsOf: d}
			want, err := direct.Agency(ctx, q)
			require.NoError(t, err)
			got, err := cached.Agency(ctx, q)
			require.NoError(t, err)
			require.Equal(t, want, got, "%s %s on %s", a, m, d)
			n++
		}
		if !localityDate[d] {
			continue
		}
		for _, l := range localities {
			q := LocalityQuery{Locality: l, AsOf: d}
			want, err := direct.Locality(ctx, q)
			require.NoError(t, err)
			got, err := cached.Locality(ctx, q)
			require.NoError(t, err)
			require.Equal(t, want, got, "%s on %s", l, d)
			n++
		}
	}
	t.Logf("%d questions on %d dates (%d fact dates): cached answers equal direct ones", n, len(dates), len(cached.iv.cuts))
}
